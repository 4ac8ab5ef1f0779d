package io.bastion.risk;

/**
 * What self-match prevention does when an incoming order of an account would trade with a working order of the same
 * account, or of another account in its self-match group, at the same venue.
 */
public enum SelfMatchMode
{
    /** Nothing: the orders may trade with each other. */
    OFF("off"),
    /** Refuse the incoming order (or replace); the resting orders stay. */
    CANCEL_INCOMING("cancelIncoming"),
    /** Cancel the resting orders it would trade with at their venue, then send the incoming one. */
    CANCEL_RESTING("cancelResting"),
    /** Cancel the resting orders and refuse the incoming one. */
    CANCEL_BOTH("cancelBoth");

    private static final SelfMatchMode[] VALUES = values();

    private final String setting;

    SelfMatchMode(final String setting)
    {
        this.setting = setting;
    }

    /**
     * @return the value in the settings, e.g. {@code cancelIncoming}.
     */
    public String setting()
    {
        return setting;
    }

    /**
     * @return true when the incoming order is refused.
     */
    public boolean refusesIncoming()
    {
        return this == CANCEL_INCOMING || this == CANCEL_BOTH;
    }

    /**
     * @return true when the resting orders are cancelled.
     */
    public boolean cancelsResting()
    {
        return this == CANCEL_RESTING || this == CANCEL_BOTH;
    }

    /**
     * @param setting a settings value.
     * @return the mode, or null when it names none.
     */
    public static SelfMatchMode ofSetting(final String setting)
    {
        for (final SelfMatchMode mode : VALUES)
        {
            if (mode.setting.equals(setting))
            {
                return mode;
            }
        }
        return null;
    }
}
