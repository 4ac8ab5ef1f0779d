package io.bastion.oms;

/**
 * A client's order identifier: the session it came from and its ClOrdID. Its hash is kept with it, for the order
 * store's ClOrdID index to add and remove it under. Change it only through {@link #set} and {@link #clear}.
 */
final class ClOrdKey
{
    final AsciiId clOrdId = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    int sessionId;
    private int hash;

    ClOrdKey set(final int sessionId, final AsciiId clOrdId)
    {
        this.sessionId = sessionId;
        this.clOrdId.set(clOrdId);
        this.hash = hash(sessionId, clOrdId);
        return this;
    }

    static int hash(final int sessionId, final AsciiId clOrdId)
    {
        return 31 * sessionId + clOrdId.hashCode();
    }

    boolean matches(final int sessionId, final AsciiId clOrdId)
    {
        return this.sessionId == sessionId && this.clOrdId.equals(clOrdId);
    }

    void clear()
    {
        sessionId = 0;
        clOrdId.clear();
        hash = 0;
    }

    int hash()
    {
        return hash;
    }

    public String toString()
    {
        return sessionId + ":" + clOrdId;
    }
}
