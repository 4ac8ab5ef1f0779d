package io.bastion.md;

/**
 * What a Binance combined-stream frame carries, as classified by {@link BinanceMessageParser}. Only
 * {@link #DEPTH_UPDATE} is parsed into fields; the other recognised kinds are checked to be well-formed JSON and
 * skipped.
 */
public enum FrameKind
{
    /** A {@code depthUpdate} diff-depth event ({@code <symbol>@depth} or {@code <symbol>@depth@100ms}). */
    DEPTH_UPDATE,

    /** A {@code <symbol>@bookTicker} best bid/offer frame; skipped. */
    BOOK_TICKER,

    /** A {@code <symbol>@aggTrade} frame; skipped. */
    AGG_TRADE,

    /** A {@code <symbol>@trade} frame; skipped. */
    TRADE,

    /** A {@code <symbol>@kline_<interval>} frame; skipped. */
    KLINE,

    /** A well-formed frame of a stream this adapter does not use; skipped. */
    OTHER,

    /** Not a well-formed frame; see {@link BinanceMessageParser#error()}. */
    MALFORMED
}
