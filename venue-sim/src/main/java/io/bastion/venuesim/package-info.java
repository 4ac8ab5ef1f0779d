/**
 * The venue simulator: a FIX trading venue with a real matching engine, for demos, paper trading, benchmarks and
 * tests. It runs inside Bastion's process ({@link io.bastion.venuesim.VenueSimulator} built from a
 * {@link io.bastion.venuesim.VenueSimContext}) or on its own ({@link io.bastion.venuesim.VenueSimMain}).
 * <pre>
 *   FIX initiators (Bastion's venue sessions, test clients, any FIX 4.4 or 4.2 client)
 *        |  D NewOrderSingle, F OrderCancelRequest, G OrderCancelReplaceRequest, H OrderStatusRequest
 *        v                                        ^  8 ExecutionReport, 9 OrderCancelReject
 *   +----------------------------------------------------------+
 *   | VenueSimulator: QuickFIX/J SocketAcceptor, one lock      |
 *   |   OrderFields (parse, check form)   SessionOrders (ids)  |
 *   |        |  submit / cancel / replace        ^ events      |
 *   |        v                                   |             |
 *   |   engine.MatchingEngine: OrderBook per symbol,           |
 *   |   price-time priority, house liquidity (seed, replenish) |
 *   +----------------------------------------------------------+
 * </pre>
 */
package io.bastion.venuesim;
