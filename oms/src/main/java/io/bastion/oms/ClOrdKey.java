package io.bastion.oms;

/**
 * A client's order identifier: the session it came from and its ClOrdID. Hashed and compared by content so a
 * reusable probe finds stored keys without allocating.
 */
final class ClOrdKey
{
    final AsciiId clOrdId = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    int sessionId;

    ClOrdKey set(final int sessionId, final AsciiId clOrdId)
    {
        this.sessionId = sessionId;
        this.clOrdId.set(clOrdId);
        return this;
    }

    public int hashCode()
    {
        return 31 * sessionId + clOrdId.hashCode();
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
        return other.sessionId == sessionId && other.clOrdId.equals(clOrdId);
    }

    public String toString()
    {
        return sessionId + ":" + clOrdId;
    }
}
