/**
 * The OMS: one single-threaded, deterministic agent over SBE messages.
 * <pre>
 *  stream 1001                                                                  stream 1002
 *  ClientNewOrder/Cancel/Replace/StatusRequest --+                     +--> VenueNewOrder/VenueCancel
 *  VenueExecution/VenueCancelReject -------------+--> OmsInboundAdapter |
 *  SessionStatus --------------------------------+         |            +--> ClientExecutionReport/CancelReject
 *                                                          v            |
 *                                  OrderManager (validate, PreTradeRisk, route, fills) --> OmsPublisher
 *                                        |
 *                                        v
 *                             PositionStore (Chronicle Map file, off-heap, read by other processes)
 * </pre>
 * No QuickFIX/J, Micronaut, Netty or JSON here (enforced by the build).
 */
package io.bastion.oms;
