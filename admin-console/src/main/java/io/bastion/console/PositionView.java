package io.bastion.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bastion.oms.Position;
import io.bastion.protocol.FixedPoint;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One position as JSON. Quantities, notionals, prices and P&amp;L are decimal strings, exactly as held (8 decimal
 * places at most, trailing zeros dropped), so that no JSON parser turns them into binary floating point. Average
 * buy and sell prices are notional over quantity rounded half-even to 8 places, null when nothing was bought (or
 * sold); the average cost, realised P&amp;L and mark are the OMS's (average-cost accounting, see
 * {@code io.bastion.oms.PositionStore}), and unrealised P&amp;L is computed against the mark.
 *
 * @param account         account.
 * @param symbol          symbol.
 * @param netQty          bought minus sold.
 * @param avgCost         average cost of the open position, 0 when flat.
 * @param realisedPnl     realised P&amp;L.
 * @param markPx          mark price, or null when there is none.
 * @param unrealisedPnl   {@code (markPx - avgCost) * netQty}, 0 when flat.
 * @param boughtQty       quantity bought.
 * @param soldQty         quantity sold.
 * @param boughtNotional  notional bought.
 * @param soldNotional    notional sold.
 * @param avgBuyPx        average buy price, or null.
 * @param avgSellPx       average sell price, or null.
 * @param fillCount       surviving fills.
 * @param lateAdjustments busts and corrections applied before the OMS's fill ledger; 0 means every figure is exact.
 * @param updatedAt       time of the last fill, bust, correction or mark, ISO-8601 UTC.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PositionView(
    String account,
    String symbol,
    String netQty,
    String avgCost,
    String realisedPnl,
    String markPx,
    String unrealisedPnl,
    String boughtQty,
    String soldQty,
    String boughtNotional,
    String soldNotional,
    String avgBuyPx,
    String avgSellPx,
    long fillCount,
    long lateAdjustments,
    String updatedAt)
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    static PositionView of(final Position position)
    {
        return new PositionView(
            position.account(),
            position.symbol(),
            FixedPoint.toString(position.netQty()),
            FixedPoint.toString(position.avgCost()),
            FixedPoint.toString(position.realisedPnl()),
            position.markPx() == FixedPoint.NULL_VALUE ? null : FixedPoint.toString(position.markPx()),
            FixedPoint.toString(position.unrealisedPnl()),
            FixedPoint.toString(position.boughtQty()),
            FixedPoint.toString(position.soldQty()),
            FixedPoint.toString(position.boughtNotional()),
            FixedPoint.toString(position.soldNotional()),
            averagePrice(position.boughtNotional(), position.boughtQty()),
            averagePrice(position.soldNotional(), position.soldQty()),
            position.fillCount(),
            position.lateAdjustments(),
            DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(
                Math.floorDiv(position.updatedNs(), NANOS_PER_SECOND),
                Math.floorMod(position.updatedNs(), NANOS_PER_SECOND))));
    }

    static String averagePrice(final long notional, final long qty)
    {
        if (qty == 0)
        {
            return null;
        }
        final BigDecimal average = BigDecimal.valueOf(notional, FixedPoint.DECIMALS)
            .divide(BigDecimal.valueOf(qty, FixedPoint.DECIMALS), FixedPoint.DECIMALS, RoundingMode.HALF_EVEN);
        return FixedPoint.toString(average.unscaledValue().longValueExact());
    }
}
