package io.bastion.oms;

/**
 * A copy of one position, for readers off the order path (launcher summary, tests, console).
 *
 * @param account         account.
 * @param symbol          symbol.
 * @param netQty          bought minus sold, mantissa.
 * @param boughtQty       quantity bought, mantissa.
 * @param soldQty         quantity sold, mantissa.
 * @param boughtNotional  notional bought, mantissa.
 * @param soldNotional    notional sold, mantissa.
 * @param fillCount       fills applied.
 * @param updatedNs       time of the last fill, epoch nanoseconds.
 */
public record Position(
    String account,
    String symbol,
    long netQty,
    long boughtQty,
    long soldQty,
    long boughtNotional,
    long soldNotional,
    long fillCount,
    long updatedNs)
{
}
