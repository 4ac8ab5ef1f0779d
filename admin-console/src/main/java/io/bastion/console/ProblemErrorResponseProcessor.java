package io.bastion.console;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Turns every error Micronaut produces itself (no route, wrong method, bad parameter, an exception) into an
 * RFC 9457 problem document. The detail of a server error is generic: exception messages stay in the log.
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem>
{
    /**
     * {@inheritDoc}
     */
    public MutableHttpResponse<Problem> processResponse(
        final ErrorContext errorContext, final MutableHttpResponse<?> baseResponse)
    {
        if (errorContext.getRequest().getMethod() == HttpMethod.HEAD)
        {
            return baseResponse.body((Problem)null);
        }
        final int code = baseResponse.code();
        final String title = baseResponse.reason();
        final String detail;
        if (code >= HttpStatus.INTERNAL_SERVER_ERROR.getCode())
        {
            detail = "the admin console failed to answer; the cause is in its log";
        }
        else
        {
            detail = errorContext.getErrors().stream().findFirst().map(Error::getMessage).orElse(title);
        }
        return baseResponse.body(new Problem(Problem.ABOUT_BLANK, title, code, detail))
            .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }
}
