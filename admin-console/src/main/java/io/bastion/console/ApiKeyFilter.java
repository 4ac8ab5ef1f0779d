package io.bastion.console;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Every request needs a valid API key in {@code Authorization: Bearer <key>}, except routes marked
 * {@link PublicEndpoint}; a matched route then needs the role its {@link RequiresRole} names, and one that names
 * none is refused (fail closed). It matches every path rather than {@code /api/**}, so no spelling of a path can
 * slip past it to a route.
 * <p>
 * Runs on the blocking executor: a key verification may take a PBKDF2 derivation, which must not stall the event
 * loop. Refusals are logged with the reason, the client address and, when it names a configured key, the key's
 * name; never with the presented key.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiKeyFilter implements Ordered
{
    static final String BEARER = "Bearer";

    private static final Logger LOGGER = LoggerFactory.getLogger(ApiKeyFilter.class);
    private static final String CHALLENGE = BEARER + " realm=\"" + AdminConsoleConfiguration.REALM + "\"";

    private final ApiKeyAuthenticator authenticator;

    ApiKeyFilter(final ApiKeyAuthenticator authenticator)
    {
        this.authenticator = authenticator;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(final HttpRequest<?> request, @Nullable final RouteMatch<?> route)
    {
        if (route != null && route.getAnnotationMetadata().hasAnnotation(PublicEndpoint.class))
        {
            return null;
        }

        final String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank())
        {
            LOGGER.info("refused {} {}: no API key", request.getMethod(), client(request));
            return Problem.response(HttpStatus.UNAUTHORIZED,
                    "an API key is required: send the header 'Authorization: Bearer <key>'")
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }

        final String presented = bearerToken(authorization);
        final ApiKeyAuthenticator.Result result = presented == null ?
            ApiKeyAuthenticator.Result.INVALID : authenticator.authenticate(presented);
        if (result.outcome() == ApiKeyAuthenticator.Outcome.BUSY)
        {
            LOGGER.warn("refused {} {}: too many API key verifications at once", request.getMethod(), client(request));
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE,
                    "too many API key verifications in progress; retry shortly")
                .header(HttpHeaders.RETRY_AFTER, "1");
        }
        if (result.outcome() != ApiKeyAuthenticator.Outcome.VALID)
        {
            final String claimed = presented == null ? null : authenticator.claimedName(presented);
            LOGGER.warn("refused {} {}: invalid API key{}", request.getMethod(), client(request),
                claimed == null ? "" : " claiming to be '" + claimed + "'");
            return Problem.response(HttpStatus.UNAUTHORIZED, "the API key is not valid")
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
        }

        final ApiPrincipal principal = result.principal();
        request.setAttribute(ApiPrincipal.ATTRIBUTE, principal);
        if (route == null)
        {
            return null;
        }

        final Optional<Role> required = requiredRole(route.getAnnotationMetadata());
        if (required.isEmpty())
        {
            LOGGER.error("refused {} to '{}': the route declares no role", request.getMethod(), principal.name());
            return Problem.response(HttpStatus.FORBIDDEN, "this endpoint declares no role, so nobody may use it");
        }
        if (!principal.role().includes(required.get()))
        {
            LOGGER.warn("refused {} to '{}': role {} needed, key has {}", request.getMethod(), principal.name(),
                required.get().label(), principal.role().label());
            return Problem.response(HttpStatus.FORBIDDEN, "API key '" + principal.name() + "' has role " +
                    principal.role().label() + "; this needs " + required.get().label() + " or higher")
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"insufficient_scope\"");
        }
        LOGGER.debug("{} {} by '{}'", request.getMethod(), request.getPath(), principal.name());
        return null;
    }

    /**
     * {@inheritDoc}
     */
    public int getOrder()
    {
        return ServerFilterPhase.SECURITY.order();
    }

    static Optional<Role> requiredRole(final AnnotationMetadata metadata)
    {
        return metadata.enumValue(RequiresRole.class, Role.class);
    }

    private static String bearerToken(final String authorization)
    {
        final String value = authorization.strip();
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length()) ||
            value.charAt(BEARER.length()) != ' ')
        {
            return null;
        }
        return value.substring(BEARER.length() + 1).strip();
    }

    private static String client(final HttpRequest<?> request)
    {
        return "from " + request.getRemoteAddress().getAddress().getHostAddress();
    }
}
