package io.bastion.gateway;

import org.agrona.BitUtil;

/**
 * The commands one venue session sent recently, by MsgSeqNum (34), so that a venue's session Reject (35=3), which
 * names only RefSeqNum (45), or a BusinessMessageReject (35=j) without a usable BusinessRejectRefID (379) can be
 * traced back to the command it refuses.
 * <p>
 * A ring of {@code capacity} slots indexed by MsgSeqNum: nothing is allocated after construction, and a slot is
 * overwritten {@code capacity} sequence numbers later, so a reject older than that is no longer correlated. Written
 * on the thread that sends (the gateway's agent, or QuickFIX/J's when it resends) and read on QuickFIX/J's, hence the
 * lock; it is never contended for longer than a few array accesses.
 */
final class SentVenueCommands
{
    /** Returned by {@link #commandType(int)} when nothing is known about a sequence number. */
    static final byte NO_COMMAND = 0;

    private final int mask;
    private final int[] msgSeqNums;
    private final long[] venueClOrdIds;
    private final byte[] commandTypes;
    private final boolean[] notSent;

    SentVenueCommands(final int capacity)
    {
        if (!BitUtil.isPowerOfTwo(capacity))
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        mask = capacity - 1;
        msgSeqNums = new int[capacity];
        venueClOrdIds = new long[capacity];
        commandTypes = new byte[capacity];
        notSent = new boolean[capacity];
    }

    /**
     * Remember a command as QuickFIX/J is about to send it.
     *
     * @param msgSeqNum    MsgSeqNum (34) of the message.
     * @param venueClOrdId its ClOrdID (11) as Bastion's identifier, or {@link FixFields#NULL_ID}.
     * @param commandType  its MsgType as an SBE {@code VenueCommandType} value (D, F or G).
     */
    synchronized void onSent(final int msgSeqNum, final long venueClOrdId, final byte commandType)
    {
        final int slot = msgSeqNum & mask;
        msgSeqNums[slot] = msgSeqNum;
        venueClOrdIds[slot] = venueClOrdId;
        commandTypes[slot] = commandType;
        notSent[slot] = false;
    }

    /**
     * Mark a command whose send failed after QuickFIX/J gave it a sequence number: it was reported to the OMS as not
     * sent, so it must never go out in a later resend.
     *
     * @param msgSeqNum MsgSeqNum (34) of the message.
     */
    synchronized void onNotSent(final int msgSeqNum)
    {
        final int slot = msgSeqNum & mask;
        if (msgSeqNums[slot] == msgSeqNum)
        {
            notSent[slot] = true;
        }
    }

    /**
     * @param msgSeqNum MsgSeqNum (34) of a message about to be resent.
     * @return true when it was reported to the OMS as not sent.
     */
    synchronized boolean isNotSent(final int msgSeqNum)
    {
        final int slot = msgSeqNum & mask;
        return msgSeqNums[slot] == msgSeqNum && notSent[slot];
    }

    /**
     * @param msgSeqNum the RefSeqNum (45) of a reject.
     * @return the command type sent with that sequence number, or {@link #NO_COMMAND} when unknown.
     */
    synchronized byte commandType(final int msgSeqNum)
    {
        final int slot = msgSeqNum & mask;
        return msgSeqNum > 0 && msgSeqNums[slot] == msgSeqNum ? commandTypes[slot] : NO_COMMAND;
    }

    /**
     * @param msgSeqNum the RefSeqNum (45) of a reject.
     * @return the venue ClOrdID sent with that sequence number, or {@link FixFields#NULL_ID} when unknown.
     */
    synchronized long venueClOrdId(final int msgSeqNum)
    {
        final int slot = msgSeqNum & mask;
        return msgSeqNum > 0 && msgSeqNums[slot] == msgSeqNum && NO_COMMAND != commandTypes[slot] ?
            venueClOrdIds[slot] : FixFields.NULL_ID;
    }
}
