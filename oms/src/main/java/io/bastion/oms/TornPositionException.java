package io.bastion.oms;

/**
 * A position was left half-written: the process writing it died in the middle of an update. Readers refuse it until
 * the OMS, the file's writer, repairs it on opening the file ({@link PositionStore#repairTornPositions()}).
 */
public final class TornPositionException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the position.
     */
    public TornPositionException(final String message)
    {
        super(message);
    }
}
