package io.bastion.console;

/**
 * Who made a request: the name and role of the API key it carried. Stored as a request attribute under
 * {@link #ATTRIBUTE} once the key is verified.
 *
 * @param name the key's name.
 * @param role the key's role.
 */
public record ApiPrincipal(String name, Role role)
{
    /** Request attribute holding the principal. */
    public static final String ATTRIBUTE = "bastion.principal";
}
