package io.bastion.compliance;

/**
 * When the journal forces what it wrote to the storage device.
 */
public enum AuditDurability
{
    /**
     * Force the segment's data (and its length) after every duty cycle that wrote, before the next batch is read:
     * a record is on the device within one cycle of being read. Creating a segment also forces the directory.
     */
    FSYNC,

    /**
     * Leave it to the operating system: a crash of the process loses nothing, a crash of the host may lose the
     * last records written.
     */
    NONE;

    /**
     * Parse a configuration value.
     *
     * @param value {@code fsync} or {@code none}, in any case.
     * @return the policy.
     * @throws IllegalArgumentException naming the valid values.
     */
    public static AuditDurability parse(final String value)
    {
        for (final AuditDurability durability : values())
        {
            if (durability.name().equalsIgnoreCase(value.trim()))
            {
                return durability;
            }
        }
        throw new IllegalArgumentException("audit journal durability must be fsync or none: '" + value + "'");
    }
}
