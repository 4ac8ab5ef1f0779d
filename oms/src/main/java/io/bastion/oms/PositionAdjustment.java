package io.bastion.oms;

/**
 * What {@link PositionStore#applyBust} and {@link PositionStore#applyCorrection} did.
 */
public enum PositionAdjustment
{
    /**
     * The fill was in the position's ledger: the position is now exactly what replaying the surviving fills, in their
     * original order, gives.
     */
    REPLAYED,

    /**
     * No fill in the ledger matched and older fills have left it: the change was applied where the ledger starts, as
     * the opposite trade (and, for a correction, then the corrected one). Net quantity, bought and sold quantities and
     * notionals and fill count are exact, and total P&amp;L (realised plus unrealised) agrees with a full replay up to
     * rounding; how it splits between realised and unrealised may differ from a full replay. Counted in
     * {@link Position#lateAdjustments()}.
     */
    APPLIED_BEFORE_LEDGER,

    /**
     * No surviving fill matched and none could have left the ledger (none ever did, or the position has not bought
     * or sold that much), or there is no position: nothing changed.
     */
    NO_SUCH_FILL
}
