/**
 * The market-data adapter: venue market data in, local order books with sequence checking and resync out, so the
 * OMS and risk can use reference prices they can trust. This first version keeps Binance spot diff-depth books and
 * replays recordings; live connections, more venues and publishing come later.
 * <pre>
 *  Binance WebSocket diff-depth ---+                     +------------------------------------------+
 *  (or BinanceRecording frames)    |   bytes, no String  |  BinanceDepthSynchronizer (one a symbol) |
 *                                  +--&gt; BinanceMessage --&gt;  buffer, snapshot, U/u sequence check    |
 *  Binance REST depth snapshot ----+    Parser           |        |                                 |
 *  (or BinanceRecording bodies)         (DecimalParser:  |        v                                 |
 *                                        fixed point)    |  L2Book: EMPTY/SYNCING/LIVE/RESYNC_NEEDED |
 *        ^                                               +-----------------+------------------------+
 *        | "snapshot needed" (outcome)                                     |  only LIVE is servable
 *        +-----------------------------------------------------------------+
 *                                                                          v
 *                                        [later: book/price publisher, SBE over Aeron] --&gt; oms: reference prices
 * </pre>
 * {@link io.bastion.md.BinanceReplay} drives the same parser and synchronizers from a {@link
 * io.bastion.md.BinanceRecording}. Prices and quantities are {@code long} mantissas with exponent -8
 * ({@link io.bastion.protocol.FixedPoint}). No JSON library, QuickFIX/J or Micronaut here (enforced by the build).
 */
package io.bastion.md;
