/**
 * The matching engine: plain Java, no FIX, fixed-point {@code long} prices and quantities, pooled orders.
 * <pre>
 *   submit / cancel / replace --> MatchingEngine --> OrderBook (per symbol)
 *                                      |               bids: PriceLevel ... best   (FIFO of Order per level)
 *                                      |               asks: PriceLevel ... best
 *                                      v
 *                          MatchingEventListener: accepted, rejected, trade (both sides), canceled, replaced
 * </pre>
 */
package io.bastion.venuesim.engine;
