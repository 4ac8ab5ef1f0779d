package io.bastion.venuesim.engine;

/**
 * What the {@link MatchingEngine} reports, synchronously, from inside its commands. The {@link Order} passed is a
 * pooled view: read it during the call, never keep it, and never call back into the engine.
 * <p>
 * For one incoming order the events come in this order: {@link #onAccepted(Order)}, then one
 * {@link #onTrade(long, Order, Order, long, long)} per match, then {@link #onCanceled(Order, CancelReason, long)}
 * if what is left may not rest.
 */
public interface MatchingEventListener
{
    /**
     * An order entered the engine, before it matches. House orders are reported too.
     *
     * @param order the order.
     */
    void onAccepted(Order order);

    /**
     * An incoming order was refused; nothing changed.
     *
     * @param orderId the refused order's id.
     * @param reason  why.
     */
    void onRejected(long orderId, RejectReason reason);

    /**
     * Two orders traded; both already show the fill.
     *
     * @param tradeId           engine-wide trade sequence, from 1.
     * @param aggressor         the incoming order.
     * @param passive           the resting order, whose price is the trade price.
     * @param priceMantissa     trade price.
     * @param quantityMantissa  trade quantity.
     */
    void onTrade(long tradeId, Order aggressor, Order passive, long priceMantissa, long quantityMantissa);

    /**
     * An order, or its remainder, was canceled; it is done.
     *
     * @param order                    the order, showing leaves of zero.
     * @param reason                   why.
     * @param canceledQuantityMantissa the quantity that was still working.
     */
    void onCanceled(Order order, CancelReason reason, long canceledQuantityMantissa);

    /**
     * An order's price or quantity was replaced; trades that the new price makes possible follow.
     *
     * @param order the order with its new price and quantity; done if the new quantity is no more than filled.
     */
    void onReplaced(Order order);
}
