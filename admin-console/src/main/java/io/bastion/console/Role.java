package io.bastion.console;

/**
 * What an API key may do. Roles are ordered: each includes everything the ones before it may do.
 */
public enum Role
{
    /** Read positions, orders, sessions and the audit trail. */
    VIEWER("viewer"),
    /** A viewer that may also change limits and the kill switch (with a second approval, in the full console). */
    RISK_OFFICER("risk-officer"),
    /** Everything, including key and user administration. */
    ADMIN("admin");

    private final String label;

    Role(final String label)
    {
        this.label = label;
    }

    /**
     * @return the name used in the API keys file and in messages, such as {@code risk-officer}.
     */
    public String label()
    {
        return label;
    }

    /**
     * @param required the role an action needs.
     * @return true when this role is the required one or a higher one.
     */
    public boolean includes(final Role required)
    {
        return ordinal() >= required.ordinal();
    }

    /**
     * @param label a label such as {@code viewer}.
     * @return the role, or null when the label names none.
     */
    public static Role ofLabel(final String label)
    {
        for (final Role role : values())
        {
            if (role.label.equals(label))
            {
                return role;
            }
        }
        return null;
    }

    /**
     * @return every label, for messages: {@code viewer|risk-officer|admin}.
     */
    public static String labels()
    {
        final StringBuilder labels = new StringBuilder();
        for (final Role role : values())
        {
            if (labels.length() > 0)
            {
                labels.append('|');
            }
            labels.append(role.label);
        }
        return labels.toString();
    }
}
