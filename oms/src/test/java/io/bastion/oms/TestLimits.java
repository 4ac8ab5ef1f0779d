package io.bastion.oms;

import io.bastion.risk.LimitSet;
import io.bastion.risk.LimitSetParser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Risk limits for OMS tests, written as the {@code risk.*} settings an operator would write.
 */
final class TestLimits
{
    /** Accounts the tests trade for. */
    static final String ACCOUNTS = "ACME,BETA,DEFAULT";

    private TestLimits()
    {
    }

    /**
     * Limits wide enough for lifecycle tests: every account may trade every symbol, reference price 1,000 with a
     * 100% collar (prices 0 to 2,000), references that never go stale, credit, position and daily loss limits far away.
     *
     * @param symbols     the OMS's symbols.
     * @param venues      the OMS's venues.
     * @param maxQty      maxOrderQty.
     * @param maxNotional maxOrderNotional.
     * @param overrides   more settings, "key=value", replacing these.
     * @return the limits.
     */
    static LimitSet wide(
        final List<String> symbols,
        final List<String> venues,
        final String maxQty,
        final String maxNotional,
        final String... overrides)
    {
        return wide(symbols, venues, Map.of(), maxQty, maxNotional, overrides);
    }

    /**
     * As {@link #wide(List, List, String, String, String...)}, for the given client sessions.
     */
    static LimitSet wide(
        final List<String> symbols,
        final List<String> venues,
        final Map<Integer, String> sessions,
        final String maxQty,
        final String maxNotional,
        final String... overrides)
    {
        final Map<String, String> settings = new LinkedHashMap<>();
        settings.put("risk.accounts", ACCOUNTS);
        settings.put("risk.permittedSymbols", "*");
        settings.put("risk.maxOrderQty", maxQty);
        settings.put("risk.maxOrderNotional", maxNotional);
        settings.put("risk.collarPercent", "100");
        settings.put("risk.creditLimit", "10000000000");
        settings.put("risk.maxLongQty", "1000000000");
        settings.put("risk.maxShortQty", "1000000000");
        settings.put("risk.maxNetQty", "1000000000");
        settings.put("risk.throttleWindowMs", "1000");
        settings.put("risk.maxMessages", "1000000000");
        settings.put("risk.maxMessagesBeforeLogout", "1000000000");
        settings.put("risk.fillWindowMs", "1000");
        settings.put("risk.maxFills", "1000000000");
        settings.put("risk.maxDailyLoss", "1000000000");
        settings.put("risk.maxReferenceAgeMs", "315360000000");
        for (final String symbol : symbols)
        {
            settings.put("risk.symbol." + symbol + ".referencePrice", "1000");
        }
        for (final String override : overrides)
        {
            final int equals = override.indexOf('=');
            if (equals < 0)
            {
                settings.remove(override);
            }
            else
            {
                settings.put(override.substring(0, equals), override.substring(equals + 1));
            }
        }
        return new LimitSetParser(symbols, venues, sessions).parse(settings);
    }
}
