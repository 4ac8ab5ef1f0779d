package io.bastion.risk;

import java.util.Map;
import java.util.TreeMap;

/**
 * Risk settings under which an ordinary order for the account ACME passes every control, for tests that then change
 * the one they are about: overrides replace a setting, a null override removes it.
 */
final class PassingSettings
{
    private PassingSettings()
    {
    }

    /**
     * @param overrides pairs of key and value (null to remove the key).
     * @return the settings: account ACME, every symbol permitted, wide limits, 10% collar, reference price 100 for
     * AAPL and MSFT.
     */
    static Map<String, String> with(final String... overrides)
    {
        final Map<String, String> settings = new TreeMap<>();
        settings.put("risk.accounts", "ACME");
        settings.put("risk.permittedSymbols", "*");
        settings.put("risk.throttleWindowMs", "1000");
        settings.put("risk.maxMessages", "1000");
        settings.put("risk.maxMessagesBeforeLogout", "2000");
        settings.put("risk.fillWindowMs", "1000");
        settings.put("risk.maxFills", "1000");
        settings.put("risk.maxDailyLoss", "1000000");
        settings.put("risk.maxOrderQty", "1000");
        settings.put("risk.maxOrderNotional", "1000000");
        settings.put("risk.collarPercent", "10");
        settings.put("risk.maxReferenceAgeMs", "1000");
        settings.put("risk.symbol.AAPL.referencePrice", "100");
        settings.put("risk.symbol.MSFT.referencePrice", "100");
        settings.put("risk.creditLimit", "100000000");
        settings.put("risk.maxLongQty", "100000");
        settings.put("risk.maxShortQty", "100000");
        settings.put("risk.maxNetQty", "100000");
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
        return settings;
    }
}
