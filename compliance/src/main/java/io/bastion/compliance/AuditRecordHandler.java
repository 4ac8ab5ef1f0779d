package io.bastion.compliance;

import org.agrona.DirectBuffer;

/**
 * Receives the records of a journal, in sequence order, from an {@link AuditJournalReader}.
 */
@FunctionalInterface
public interface AuditRecordHandler
{
    /**
     * One whole record (its length and checksum verified, its sequence the one expected).
     *
     * @param sequence    the record's sequence number, gapless from 1.
     * @param timestampNs when the journal read the message, nanoseconds since the Unix epoch.
     * @param streamId    the Aeron stream the message was read from.
     * @param buffer      holding the message; valid only during this call.
     * @param offset      of the message (its SBE header first) in the buffer.
     * @param length      of the message.
     */
    void onRecord(long sequence, long timestampNs, int streamId, DirectBuffer buffer, int offset, int length);
}
