package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optional duplicate-order check: same account, side, symbol, quantity and price within the window.
 */
class DuplicateOrderTest
{
    private static final long NOW_NS = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int ACME = 0;
    private static final int BETA = 1;
    private static final int AAPL = 0;
    private static final int MSFT = 1;
    private static final long QTY = FixedPoint.ofUnits(100);
    private static final long PX = FixedPoint.ofUnits(10);

    private final UnsafeBuffer text = new UnsafeBuffer(new byte[256]);

    @Test
    void shouldRefuseTheSameOrderWithinTheWindowAndAcceptItAfter()
    {
        final PreTradeRisk risk = risk("risk.duplicateWindowMs", "1000");
        assertEquals(RiskControl.NONE, risk.checkDuplicate(ACME, AAPL, Side.BUY, QTY, PX, NOW_NS));
        risk.recordOrder(ACME, AAPL, Side.BUY, QTY, PX, NOW_NS);

        assertEquals(RiskControl.DUPLICATE_ORDER,
            risk.checkDuplicate(ACME, AAPL, Side.BUY, QTY, PX, NOW_NS + 1000 * MS));
        assertEquals("DUPLICATE_ORDER: same side, symbol, quantity and price as an order 1,000 ms ago (window 1,000 ms)",
            text.getStringWithoutLengthAscii(0, risk.formatLastRejection(text, 0)));
        assertEquals(OrdRejReason.DUPLICATE_ORDER, RiskControl.DUPLICATE_ORDER.ordRejReason());
        assertEquals(RiskControl.NONE, risk.checkDuplicate(ACME, AAPL, Side.BUY, QTY, PX, NOW_NS + 1000 * MS + 1));

        assertEquals(RiskControl.NONE, risk.checkDuplicate(ACME, AAPL, Side.SELL, QTY, PX, NOW_NS), "other side");
        assertEquals(RiskControl.NONE, risk.checkDuplicate(ACME, MSFT, Side.BUY, QTY, PX, NOW_NS), "other symbol");
        assertEquals(RiskControl.NONE, risk.checkDuplicate(ACME, AAPL, Side.BUY, QTY + 1, PX, NOW_NS), "other qty");
        assertEquals(RiskControl.NONE, risk.checkDuplicate(ACME, AAPL, Side.BUY, QTY, PX + 1, NOW_NS), "other price");
        assertEquals(RiskControl.NONE, risk.checkDuplicate(BETA, AAPL, Side.BUY, QTY, PX, NOW_NS), "other account");
    }

    @Test
    void shouldLeaveTheCheckOffWithoutAWindow()
    {
        final PreTradeRisk risk = risk();
        risk.recordOrder(ACME, AAPL, Side.BUY, QTY, PX, NOW_NS);
        assertEquals(RiskControl.NONE, risk.checkDuplicate(ACME, AAPL, Side.BUY, QTY, PX, NOW_NS));
    }

    private static PreTradeRisk risk(final String... settings)
    {
        final Map<String, String> all = new TreeMap<>(Map.of("risk.accounts", "ACME,BETA"));
        for (int i = 0; i < settings.length; i += 2)
        {
            all.put(settings[i], settings[i + 1]);
        }
        final LimitSet limits = new LimitSetParser(List.of("AAPL", "MSFT"), List.of("XNAS")).parse(all);
        return new PreTradeRisk(limits, new ReferencePrices(2), new ExposureBook(4, 2));
    }
}
