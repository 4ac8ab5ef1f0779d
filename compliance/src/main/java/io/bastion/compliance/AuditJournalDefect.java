package io.bastion.compliance;

import java.nio.file.Path;

/**
 * The first thing wrong in a journal, located precisely.
 *
 * @param segment  the segment file it is in.
 * @param offset   byte offset in that file of the record (or segment start) that is wrong.
 * @param sequence the sequence number the record at that offset should have had.
 * @param reason   what kind of defect it is.
 * @param detail   what exactly was found, for people.
 */
public record AuditJournalDefect(Path segment, long offset, long sequence, Reason reason, String detail)
{
    /**
     * Kinds of defect.
     */
    public enum Reason
    {
        /** The length field is out of range or the record runs past the end of its segment: a torn write. */
        BAD_LENGTH("bad length"),

        /** The stored CRC-32C does not match the record's bytes. */
        CRC_MISMATCH("CRC mismatch"),

        /** A whole record or a segment does not carry the next sequence number: records are missing. */
        SEQUENCE_GAP("sequence gap"),

        /**
         * A whole record, in sequence, does not carry the hash of the record before it: a record before it was
         * changed, removed, inserted or moved, and its checksum and sequence numbers made to fit.
         */
        CHAIN_BROKEN("hash chain broken");

        private final String description;

        Reason(final String description)
        {
            this.description = description;
        }

        /**
         * @return a short description, such as {@code CRC mismatch}.
         */
        public String description()
        {
            return description;
        }
    }

    /**
     * @return e.g. {@code CRC mismatch in /data/audit/audit-1.log at byte offset 4096 (record 17): stored ...}.
     */
    public String toString()
    {
        return reason.description + " in " + segment + " at byte offset " + offset + " (record " + sequence + "): " +
            detail;
    }
}
