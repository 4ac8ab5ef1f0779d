package io.bastion.console;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every response, errors and refusals included: it is the outermost filter, so it also sees
 * what {@link ApiKeyFilter} answers. The console serves only JSON for now, so the content security policy allows
 * nothing; the web page of the full console will get its own.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered
{
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @ResponseFilter
    void addHeaders(final MutableHttpResponse<?> response)
    {
        final MutableHttpHeaders headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
    }

    /**
     * {@inheritDoc}
     */
    public int getOrder()
    {
        return ServerFilterPhase.FIRST.order();
    }
}
