package io.bastion.oms;

/**
 * A client's order identifier: the session it came from and its ClOrdID. Hashed and compared by content so a
 * reusable probe finds stored keys without allocating. The hash is kept in the key itself, so comparing against a
 * stored key that differs usually stops there, without reading the identifier's bytes from another cache line.
 * Change it only through {@link #set} and {@link #clear}.
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

    public int hashCode()
    {
        return hash;
    }

    public boolean equals(final Object obj)
    {
        if (this == obj)
        {
            return true;
        }
        if (!(obj instanceof ClOrdKey))
        {
            return false;
        }
        final ClOrdKey other = (ClOrdKey)obj;
        return other.hash == hash && other.sessionId == sessionId && other.clOrdId.equals(clOrdId);
    }

    public String toString()
    {
        return sessionId + ":" + clOrdId;
    }
}
