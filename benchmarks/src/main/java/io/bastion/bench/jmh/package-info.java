/**
 * JMH benchmarks of Bastion's components alone, without I/O. {@link io.bastion.bench.jmh.OmsCoreBenchmark} drives
 * the OMS core on the benchmark's thread; an in-memory output stands for the outbound Aeron stream:
 * <pre>
 *  OmsCore (plays client and venue)                                      CapturingOutput
 *    onNewOrder / onCancel ------------->  +------------------------+    (decodes venue ClOrdIDs,
 *    onVenueExecution (ack, fill,  ----->  | OrderManager           | -> ExecType/OrdStatus; no Aeron)
 *      cancel confirmation)                |  risk, positions file  |         |
 *         ^                                +------------------------+         |
 *         +------------------- venue ClOrdIDs the OMS chose -----------------+
 * </pre>
 * Run: {@code ops/bastion jmh [JMH options]}, or
 * {@code java <flags> -cp benchmarks/target/bastion-benchmarks.jar org.openjdk.jmh.Main OmsCoreBenchmark -prof gc}.
 */
package io.bastion.bench.jmh;
