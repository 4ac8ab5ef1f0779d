package io.bastion.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document, sent as {@code application/problem+json}. The type is always {@code about:blank},
 * so the title is the HTTP status phrase and the detail says precisely what went wrong.
 *
 * @param type   {@code about:blank}.
 * @param title  the status phrase, such as {@code Not Found}.
 * @param status the HTTP status code.
 * @param detail what went wrong, for a person.
 */
@Serdeable
record Problem(String type, String title, int status, String detail)
{
    static final String ABOUT_BLANK = "about:blank";

    static Problem of(final HttpStatus status, final String detail)
    {
        return new Problem(ABOUT_BLANK, status.getReason(), status.getCode(), detail);
    }

    static MutableHttpResponse<Problem> response(final HttpStatus status, final String detail)
    {
        return HttpResponse.<Problem>status(status)
            .body(of(status, detail))
            .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }
}
