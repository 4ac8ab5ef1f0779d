package io.bastion.oms;

/**
 * One execution applied to an order, kept so a venue's bust (ExecType H) or correction (ExecType G) can find it by
 * the venue's ExecID and undo or amend exactly what was applied, and so a resent execution is not applied twice.
 * Found through its order by venue and venue ExecID ({@link OrderStore#fillOf}). Pooled.
 */
final class Fill
{
    /** Place in the store's pool, fixed. */
    final int index;
    final AsciiId venueExecId = new AsciiId(OmsConfiguration.EXEC_ID_LENGTH);
    int venueId;
    long execId;
    long qty;
    long px;
    boolean busted;
    /** Findable by its ExecID (it has one); {@link #execIdHash} is then set. */
    boolean indexed;
    int execIdHash;
    Order order;
    Fill nextOfOrder;

    Fill(final int index)
    {
        this.index = index;
    }

    void reset()
    {
        venueExecId.clear();
        venueId = -1;
        execId = 0;
        qty = 0;
        px = 0;
        busted = false;
        indexed = false;
        execIdHash = 0;
        order = null;
        nextOfOrder = null;
    }

    static int hash(final int venueId, final AsciiId venueExecId)
    {
        return 31 * venueId + venueExecId.hashCode();
    }

    public String toString()
    {
        return "Fill[venue=" + venueId + " execId=" + venueExecId + " qty=" + qty + " px=" + px +
            (busted ? " busted" : "") + "]";
    }
}
