/**
 * Bastion's FIX edge. QuickFIX/J sessions on one side, SBE over Aeron on the other; no order state.
 * <pre>
 *   clients (FIX)                                                   venues (FIX)
 *       |  ^                                                          ^  |
 *       v  |                                                          |  v
 *  +------------------------------ fix-gateway -------------------------------+
 *  | ClientApplication (acceptor)              VenueApplication (initiators)  |
 *  |   authenticate Logon, FIX -> SBE            Logon password, FIX -> SBE,  |
 *  |   FIX 4.2 / 4.4 / FIXT.1.1+5.0SP2           rejects -> VenueCommandRej.  |
 *  |        \                                          /                      |
 *  |         +--> InboundPublisher --> [1001 OMS inbound] ---> oms            |
 *  |                                                                          |
 *  | FixGatewayAgent / OutboundAdapter  <-- [1002 OMS outbound] <--- oms      |
 *  |   SBE -> FIX per session's FixDialect, Session.send to client or venue;  |
 *  |   a venue command that cannot be sent -> VenueCommandRejected (NOT_SENT) |
 *  +--------------------------------------------------------------------------+
 * </pre>
 * Entry points: {@link io.bastion.gateway.FixGatewayContext}, {@link io.bastion.gateway.FixGateway}. Custom session
 * settings are described in {@link io.bastion.gateway.FixGatewayConfiguration}. Version-specific choices live behind
 * the package-private {@code FixDialect}; QuickFIX/J types stay inside this package.
 */
package io.bastion.gateway;
