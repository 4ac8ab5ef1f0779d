/**
 * The launcher: every component of Bastion in one process.
 * <pre>
 *  bastion run|demo --config DIR
 *        |
 *        v
 *  BastionConfig (bastion.properties, clients.cfg, venues.cfg, venue-sim.cfg)
 *        |
 *        v
 *  Bastion: embedded MediaDriver --- Aeron IPC ---+
 *             FixGateway (acceptor, initiators) <--+--> OmsAgent (own thread)
 *             VenueSimulator (FIX acceptor) <-- venue initiator
 *  DemoClient (demo only): FIX initiator to the acceptor, prints orders, fills and positions
 * </pre>
 */
package io.bastion.app;
