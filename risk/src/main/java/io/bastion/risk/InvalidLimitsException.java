package io.bastion.risk;

import java.util.List;

/**
 * A set of risk settings that cannot take effect, with every reason found. Nothing of it applies.
 */
public final class InvalidLimitsException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** The reasons, one per bad setting. */
    private final List<String> errors;

    /**
     * @param errors the reasons, at least one.
     */
    public InvalidLimitsException(final List<String> errors)
    {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * @return the reasons, one per bad setting.
     */
    public List<String> errors()
    {
        return errors;
    }
}
