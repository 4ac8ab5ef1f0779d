package io.bastion.bench;

/**
 * The two paths an order can take from the benchmark's client to the simulated venue.
 */
public enum Route
{
    /** Client to Bastion's acceptor, OMS and risk, venue initiator, venue-sim, and back. */
    THROUGH_BASTION('B', "through Bastion", "BENCH", "BASTION"),

    /** Client straight to venue-sim's DIRECT session, and back. */
    DIRECT('D', "direct", "DIRECT", "SIM");

    private final char prefix;
    private final String label;
    private final String senderCompId;
    private final String targetCompId;

    Route(final char prefix, final String label, final String senderCompId, final String targetCompId)
    {
        this.prefix = prefix;
        this.label = label;
        this.senderCompId = senderCompId;
        this.targetCompId = targetCompId;
    }

    /**
     * @return first character of the ClOrdIDs sent on this route.
     */
    public char prefix()
    {
        return prefix;
    }

    /**
     * @return how reports name the route.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return the client's SenderCompID on this route.
     */
    public String senderCompId()
    {
        return senderCompId;
    }

    /**
     * @return the counterparty's CompID on this route.
     */
    public String targetCompId()
    {
        return targetCompId;
    }
}
