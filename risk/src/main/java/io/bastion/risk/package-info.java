/**
 * Pre-trade risk: a plain library the OMS calls synchronously, on its own thread, for every order and replace.
 * <pre>
 *   config (risk.* settings) --LimitSetParser--&gt; LimitSet (immutable, versioned; update() builds the next)
 *   oms thread: ClientNewOrder --&gt; PreTradeRisk.checkOrder(account, symbol, venue, qty, price, stopPx, now)
 *                                    --&gt; RiskControl (NONE or the control that failed) + formatLastRejection(text)
 *   reference prices (start of day, then market data) --&gt; ReferencePrices
 * </pre>
 * No QuickFIX/J, Micronaut, Netty or JSON here (enforced by the build). Outcomes are values, not exceptions.
 */
package io.bastion.risk;
