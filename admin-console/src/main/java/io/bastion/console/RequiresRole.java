package io.bastion.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an endpoint needs. A route that neither has this nor {@link PublicEndpoint} is refused to
 * everyone: access fails closed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@interface RequiresRole
{
    /**
     * @return the least role.
     */
    Role value();
}
