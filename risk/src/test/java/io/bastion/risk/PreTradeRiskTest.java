package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreTradeRiskTest
{
    private static final long QTY_1000 = FixedPoint.ofUnits(1_000);
    private static final long NOTIONAL_1M = FixedPoint.ofUnits(1_000_000);

    private final PreTradeRisk risk = new PreTradeRisk(new RiskLimits(QTY_1000, NOTIONAL_1M));
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[256]);

    @Test
    void shouldAcceptOrderAtTheQuantityLimit()
    {
        assertEquals(RiskControl.NONE, risk.checkNewOrder(QTY_1000, FixedPoint.ofUnits(10)));
        assertEquals(0, risk.formatLastRejection(text, 0));
    }

    @Test
    void shouldRejectOrderOneUnitOverTheQuantityLimitWithLimitAndValueInText()
    {
        final long qty = QTY_1000 + FixedPoint.SCALE;

        assertEquals(RiskControl.MAX_ORDER_QTY, risk.checkNewOrder(qty, FixedPoint.ofUnits(10)));
        assertEquals("MAX_ORDER_QTY: 1,001 > 1,000", lastText());
        assertEquals(1, risk.rejectCount(RiskControl.MAX_ORDER_QTY));
    }

    @Test
    void shouldAcceptNotionalAtTheLimitAndRejectOneCentOver()
    {
        assertEquals(RiskControl.NONE, risk.checkNewOrder(QTY_1000, FixedPoint.ofUnits(1_000)));

        final long priceOneCentOver = FixedPoint.ofUnits(1_000) + FixedPoint.parse("0.00001");
        assertEquals(RiskControl.MAX_ORDER_NOTIONAL, risk.checkNewOrder(QTY_1000, priceOneCentOver));
        assertEquals("MAX_ORDER_NOTIONAL: 1,000,000.01 > 1,000,000.00", lastText());
    }

    @Test
    void shouldRejectEveryOrderWhenNoLimitIsConfigured()
    {
        risk.limits(RiskLimits.NONE);

        assertEquals(RiskControl.MAX_ORDER_QTY, risk.checkNewOrder(FixedPoint.SCALE, FixedPoint.SCALE));
        assertEquals("MAX_ORDER_QTY: no limit configured", lastText());
    }

    @Test
    void shouldRejectNotionalWhenOnlyTheQuantityLimitIsConfigured()
    {
        risk.limits(new RiskLimits(QTY_1000, FixedPoint.NULL_VALUE));

        assertEquals(RiskControl.MAX_ORDER_NOTIONAL, risk.checkNewOrder(FixedPoint.SCALE, FixedPoint.SCALE));
        assertEquals("MAX_ORDER_NOTIONAL: no limit configured", lastText());
    }

    @Test
    void shouldCheckMarketOrdersOnQuantity()
    {
        assertEquals(RiskControl.NONE, risk.checkNewOrder(QTY_1000, FixedPoint.NULL_VALUE));
        assertEquals(RiskControl.MAX_ORDER_QTY, risk.checkNewOrder(QTY_1000 + 1, FixedPoint.NULL_VALUE));
    }

    @Test
    void shouldTreatAnOverflowingNotionalAsOverTheLimit()
    {
        risk.limits(new RiskLimits(Long.MAX_VALUE, NOTIONAL_1M));

        assertEquals(RiskControl.MAX_ORDER_NOTIONAL, risk.checkNewOrder(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));
    }

    private String lastText()
    {
        final int length = risk.formatLastRejection(text, 0);
        return text.getStringWithoutLengthAscii(0, length);
    }
}
