/**
 * Latency harnesses for Bastion. {@link io.bastion.bench.RoundTripBenchmark} ("benchmark v1") sends the same
 * resting limit orders from one QuickFIX/J client along two routes in one run, and compares the new-order to ack
 * round trips. Everything runs in one JVM:
 * <pre>
 *                            +------------------------ Bastion ------------------------+
 *  client --BENCH session--> | acceptor -SBE/IPC-> OMS+risk -SBE/IPC-> venue initiator | --BASTION--> venue-sim
 *  (one   <----------------- | acceptor <-SBE/IPC- OMS      <-SBE/IPC- venue initiator | <----------- (matching
 *  Quick-                    +---------------------------------------------------------+               engine)
 *  FIX/J  --DIRECT session------------------------------------------------------------------------->   same
 *  initiator) <-------------------------------------------------------------------------------------   venue-sim
 * </pre>
 * Latency is measured from each order's intended send time on a fixed-rate schedule to the arrival of its
 * ExecutionReport with ExecType 0, so a stall delays every order scheduled behind it (no coordinated omission).
 */
package io.bastion.bench;
