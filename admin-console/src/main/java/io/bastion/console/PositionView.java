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
 * One position as JSON. Quantities, notionals and prices are decimal strings, exactly as held (8 decimal places at
 * most, trailing zeros dropped), so that no JSON parser turns them into binary floating point. Average prices are
 * notional over quantity rounded half-even to 8 places, null when nothing was bought (or sold).
 *
 * @param account        account.
 * @param symbol         symbol.
 * @param netQty         bought minus sold.
 * @param boughtQty      quantity bought.
 * @param soldQty        quantity sold.
 * @param boughtNotional notional bought.
 * @param soldNotional   notional sold.
 * @param avgBuyPx       average buy price, or null.
 * @param avgSellPx      average sell price, or null.
 * @param fillCount      fills applied.
 * @param updatedAt      time of the last fill, ISO-8601 UTC.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PositionView(
    String account,
    String symbol,
    String netQty,
    String boughtQty,
    String soldQty,
    String boughtNotional,
    String soldNotional,
    String avgBuyPx,
    String avgSellPx,
    long fillCount,
    String updatedAt)
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    static PositionView of(final Position position)
    {
        return new PositionView(
            position.account(),
            position.symbol(),
            FixedPoint.toString(position.netQty()),
            FixedPoint.toString(position.boughtQty()),
            FixedPoint.toString(position.soldQty()),
            FixedPoint.toString(position.boughtNotional()),
            FixedPoint.toString(position.soldNotional()),
            averagePrice(position.boughtNotional(), position.boughtQty()),
            averagePrice(position.soldNotional(), position.soldQty()),
            position.fillCount(),
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
