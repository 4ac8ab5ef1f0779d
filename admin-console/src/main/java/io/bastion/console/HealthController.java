package io.bastion.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Health probes, without an API key: liveness says the server answers; readiness says whether the positions file
 * is open (503 while it is not). They reveal nothing else, not even the file's path.
 */
@Controller("/health")
@PublicEndpoint
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthController
{
    static final String UP = "UP";
    static final String DOWN = "DOWN";

    private final PositionsSource source;

    /**
     * @param status {@code UP}.
     */
    @Serdeable
    record Liveness(String status)
    {
    }

    /**
     * @param status            {@code UP} or {@code DOWN}.
     * @param positionsFileOpen whether the OMS's positions file is open.
     */
    @Serdeable
    record Readiness(String status, boolean positionsFileOpen)
    {
    }

    HealthController(final PositionsSource source)
    {
        this.source = source;
    }

    @Get(uri = "/liveness", produces = MediaType.APPLICATION_JSON)
    Liveness liveness()
    {
        return new Liveness(UP);
    }

    @Get(uri = "/readiness", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Readiness> readiness()
    {
        final boolean open = source.isOpen();
        return HttpResponse.<Readiness>status(open ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .body(new Readiness(open ? UP : DOWN, open));
    }
}
