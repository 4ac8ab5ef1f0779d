/**
 * Pre-trade risk: a plain library the OMS calls synchronously, on its own thread, for every order.
 * <pre>
 *   oms thread: ClientNewOrder --> PreTradeRisk.checkNewOrder(qty, price) --> RiskControl (NONE or the reason)
 *                                                                     \--> formatLastRejection(text buffer)
 * </pre>
 * No QuickFIX/J, Micronaut, Netty or JSON here (enforced by the build). Outcomes are values, not exceptions.
 */
package io.bastion.risk;
