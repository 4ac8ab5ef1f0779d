package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message throttle per client session and per account: at the limit accepted, one over rejected, past the logout
 * threshold tripped, with no throttle configured new orders rejected and cancels let through.
 */
class ThrottleTest
{
    private static final long NOW_NS = 1_700_000_000_000_000_000L;
    private static final int ACME = 0;
    private static final int SESSION = 4;

    private PreTradeRisk risk;
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldRejectMessagesOverTheSessionsLimitAndTripPastTheLogoutThreshold()
    {
        use("risk.maxMessages", "3", "risk.maxMessagesBeforeLogout", "5");
        for (int i = 0; i < 3; i++)
        {
            assertEquals(RiskControl.NONE, risk.checkMessage(ACME, SESSION, false, NOW_NS + i));
        }
        assertEquals(RiskControl.THROTTLE, risk.checkMessage(ACME, SESSION, false, NOW_NS + 3));
        assertEquals("THROTTLE: session CLIENT4 sent 4 messages in 1,000 ms > 3", lastText());
        assertEquals(KillSwitchScope.NULL_VAL, risk.lastTrip());
        assertEquals(OrdRejReason.OTHER, RiskControl.THROTTLE.ordRejReason());

        assertEquals(RiskControl.THROTTLE, risk.checkMessage(ACME, SESSION, true, NOW_NS + 4), "cancels count too");
        assertEquals(KillSwitchScope.NULL_VAL, risk.lastTrip());
        assertEquals(RiskControl.THROTTLE, risk.checkMessage(ACME, SESSION, false, NOW_NS + 5));
        assertEquals(KillSwitchScope.SESSION, risk.lastTrip());
        assertEquals("THROTTLE: session CLIENT4 sent 6 messages in 1,000 ms > 5: tripped, logged out", lastText());
        assertEquals(3, risk.rejectCount(RiskControl.THROTTLE));

        assertEquals(RiskControl.NONE, risk.checkMessage(ACME, SESSION, false, NOW_NS + 2_000_000_000L),
            "the window moved on (the kill switch the caller engages is what keeps the session out)");
    }

    @Test
    void shouldCountAnAccountAcrossItsSessions()
    {
        use("risk.account.ACME.maxMessages", "2", "risk.account.ACME.maxMessagesBeforeLogout", "3");
        assertEquals(RiskControl.NONE, risk.checkMessage(ACME, 1, false, NOW_NS));
        assertEquals(RiskControl.NONE, risk.checkMessage(ACME, 2, false, NOW_NS));
        assertEquals(RiskControl.THROTTLE, risk.checkMessage(ACME, 3, false, NOW_NS));
        assertEquals("THROTTLE: account ACME sent 3 messages in 1,000 ms > 2", lastText());
        assertEquals(RiskControl.THROTTLE, risk.checkMessage(ACME, 1, false, NOW_NS));
        assertEquals(KillSwitchScope.ACCOUNT, risk.lastTrip());
    }

    @Test
    void shouldGiveASessionItsOwnLimit()
    {
        use("risk.session.CLIENT4.maxMessages", "1");
        assertEquals(RiskControl.NONE, risk.checkMessage(ACME, SESSION, false, NOW_NS));
        assertEquals(RiskControl.THROTTLE, risk.checkMessage(ACME, SESSION, false, NOW_NS));
        assertEquals(RiskControl.NONE, risk.checkMessage(ACME, 1, false, NOW_NS), "session 1 has the default");
    }

    @Test
    void shouldRejectNewOrdersButNotCancelsWhenNoThrottleIsConfigured()
    {
        use("risk.maxMessages", null);
        assertEquals(RiskControl.NONE, risk.checkMessage(ACME, SESSION, true, NOW_NS));
        assertEquals(RiskControl.THROTTLE, risk.checkMessage(ACME, SESSION, false, NOW_NS));
        assertEquals("THROTTLE: session CLIENT4 has no throttle configured (throttleWindowMs, maxMessages, " +
            "maxMessagesBeforeLogout)", lastText());
    }

    @Test
    void shouldRefuseSessionSettingsForUnknownSessionsOrOtherLimits()
    {
        final InvalidLimitsException ex = assertThrows(InvalidLimitsException.class,
            () -> use("risk.session.NOBODY.maxMessages", "1", "risk.session.CLIENT4.creditLimit", "1"));
        assertEquals(List.of(
            "risk.session.CLIENT4.creditLimit: a session sets only its message throttle (throttleWindowMs, " +
                "maxMessages, maxMessagesBeforeLogout) and caps on per-order limits (maxOrderQty, maxOrderNotional, " +
                "collarPercent, collarTicks, maxReferenceAgeMs)",
            "risk.session.NOBODY.maxMessages: unknown client session NOBODY (sessions: [CLIENT1, CLIENT4])"),
            ex.errors());
        assertTrue(ex.getMessage().contains("NOBODY"));
    }

    @Test
    void shouldTripTheRepeatedExecutionThrottleOneFillPastTheLimit()
    {
        use("risk.maxFills", "3");
        for (int i = 0; i < 3; i++)
        {
            assertEquals(false, risk.countFill(ACME, NOW_NS + i));
        }
        assertEquals(true, risk.countFill(ACME, NOW_NS + 3));
        assertEquals("FILL_THROTTLE: account ACME had 4 fills in 1,000 ms > 3", lastText());
        assertEquals(false, risk.countFill(ACME, NOW_NS + 2_000_000_000L), "a new window");
    }

    @Test
    void shouldRejectOrdersOfAnAccountWithoutARepeatedExecutionThrottle()
    {
        use("risk.maxFills", null, "risk.maxOrderQty", "10");
        final long qty = FixedPoint.ofUnits(1);
        assertEquals(RiskControl.FILL_THROTTLE, risk.checkOrder(ACME, 0, 0, SESSION, Side.BUY, qty,
            qty, FixedPoint.NULL_VALUE, FixedPoint.NULL_VALUE, 0, 0, NOW_NS));
        assertEquals("FILL_THROTTLE: no limit configured (fillWindowMs, maxFills)", lastText());
        assertEquals(false, risk.countFill(ACME, NOW_NS), "nothing to count against");
    }

    private void use(final String... overrides)
    {
        final Map<String, String> settings = new TreeMap<>(Map.of(
            "risk.accounts", "ACME",
            "risk.throttleWindowMs", "1000",
            "risk.maxMessages", "1000",
            "risk.maxMessagesBeforeLogout", "2000",
            "risk.fillWindowMs", "1000",
            "risk.maxFills", "1000"));
        for (int i = 0; i < overrides.length; i += 2)
        {
            if (overrides[i + 1] == null)
            {
                settings.remove(overrides[i]);
            }
            else
            {
                settings.put(overrides[i], overrides[i + 1]);
            }
        }
        final LimitSet limits = new LimitSetParser(List.of("AAPL"), List.of("XNAS"),
            Map.of(1, "CLIENT1", SESSION, "CLIENT4")).parse(settings);
        risk = new PreTradeRisk(limits, new ReferencePrices(1), new ExposureBook(4, 1));
    }

    private String lastText()
    {
        return text.getStringWithoutLengthAscii(0, risk.formatLastRejection(text, 0));
    }
}
