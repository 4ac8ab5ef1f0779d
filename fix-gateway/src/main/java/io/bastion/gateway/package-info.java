/**
 * Bastion's FIX edge. QuickFIX/J sessions on one side, SBE over Aeron on the other; no order state.
 * <pre>
 *   clients (FIX)                                                   venues (FIX)
 *       |  ^                                                          ^  |
 *       v  |                                                          |  v
 *  +------------------------------ fix-gateway -------------------------------+
 *  | ClientApplication (acceptor)              VenueApplication (initiators)  |
 *  |   authenticate Logon, FIX -> SBE            Logon password, FIX -> SBE   |
 *  |        \                                          /                      |
 *  |         +--> InboundPublisher --> [1001 OMS inbound] ---> oms            |
 *  |                                                                          |
 *  | FixGatewayAgent / OutboundAdapter  <-- [1002 OMS outbound] <--- oms      |
 *  |   SBE -> FIX, Session.send to the client or venue session                |
 *  +--------------------------------------------------------------------------+
 * </pre>
 * Entry points: {@link io.bastion.gateway.FixGatewayContext}, {@link io.bastion.gateway.FixGateway}. Custom session
 * settings are described in {@link io.bastion.gateway.FixGatewayConfiguration}. Version-specific choices live behind
 * the package-private {@code FixDialect}; QuickFIX/J types stay inside this package.
 */
package io.bastion.gateway;
