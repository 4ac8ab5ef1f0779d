/**
 * Compliance: an independent subscriber that writes every message of the order path to an append-only journal.
 * <pre>
 *  stream 1001 (client commands, venue events, session events) --+
 *                                                                  +--> AuditJournalAgent --> audit-1.log
 *  stream 1002 (venue commands, client reports) -------------------+    (reads only)          audit-4711.log
 *                                                                                              ...
 *        AuditJournalReader (records in order, first defect) <-- journal directory --> AuditDump (one line each)
 * </pre>
 * The journal is a directory of segment files named {@code audit-<first sequence>.log}, each a run of records with
 * no padding between them. A new segment starts when the next record would take the current one past the
 * configured segment length (a record larger than that gets a segment of its own). Every number is little-endian:
 * <pre>
 *   0              4              12             20        24               56                    L-4      L
 *   +--------------+--------------+--------------+---------+----------------+---------------------+--------+
 *   | int length   | long sequence| long         | int     | previous hash  | SBE message, header | int    |
 *   | (= L) of the | 1, 2, 3, ... | timestampNs  | stream  | SHA-256(0x00 ||| included, as        | CRC-32C|
 *   | record, all  | across       | epoch ns,    | id      | previous record| published           |        |
 *   | fields       | segments     | UTC          |         | ), 32 bytes    | (L - 60 bytes)      |        |
 *   +--------------+--------------+--------------+---------+----------------+---------------------+--------+
 * </pre>
 * The CRC-32C (Castagnoli, as {@link java.util.zip.CRC32C} computes it) covers bytes {@code 0 .. L-4} of the
 * record. The previous hash chains the records: it is the {@link io.bastion.compliance.MerkleTree#leafHash leaf
 * hash} of the whole previous record (32 zero bytes in the first), so a record changed, removed, inserted or moved,
 * its checksum and the sequence numbers made to fit, breaks the chain at the record after it. Sequences are gapless
 * from 1 and continue across restarts; the first segment is {@code audit-1.log}. A record's timestamp is the journal's clock when it was read from the stream, not when it was published; its
 * position in the journal is the order in which this subscriber saw it, which, across different publications,
 * need not be the order in which the OMS processed them. See {@link io.bastion.compliance.AuditRecordDescriptor}.
 * <p>
 * On start the agent validates every segment and the chain, and cuts a torn tail of the last one (a partial record or
 * a checksum mismatch with no whole record after it) back to the last whole record, logging the byte offset. Any
 * other defect, a broken chain included, stops it from starting: the journal is evidence and is never repaired
 * silently.
 * <p>
 * Start the agent before the components that publish, and stop it after them. A subscriber that joins a live
 * publication starts where the media driver places it (the slowest existing subscriber's position): a journal
 * restarted while the OMS and the gateway run on misses what they published while it was down and may write again
 * what its previous run already wrote. It logs every join with its position. Recording by stream position with
 * exactly-once restarts is left to the archive-backed journal.
 * <p>
 * <b>Signed checkpoints.</b> The records are also the leaves of an RFC 6962 {@link io.bastion.compliance.MerkleTree}
 * (kept by a {@link io.bastion.compliance.MerkleAccumulator} as records are appended). With a signing key, every
 * {@code checkpointRecords} records or {@code checkpointIntervalMs}, and on close, the writer flushes and appends an
 * {@link io.bastion.compliance.AuditCheckpoint} to {@code checkpoints.log}: the number of records, their Merkle root
 * and the time, signed with Ed25519 ({@link io.bastion.compliance.AuditCheckpointLog}). A chain rewritten with every
 * hash recomputed no longer gives a signed root, and a journal cut short holds fewer records than one signs;
 * {@link io.bastion.compliance.AuditVerifier} checks all of it with the public key alone. Keys are OpenSSL PEM files
 * ({@link io.bastion.compliance.AuditKeys}); a private key file others may read is refused.
 * <p>
 * {@link io.bastion.compliance.AuditProof} proves one record's inclusion in a signed checkpoint, checkable offline with
 * the public key. The regulator export builds on this format.
 * No QuickFIX/J, Micronaut, Netty or JSON here (enforced by the build).
 */
package io.bastion.compliance;
