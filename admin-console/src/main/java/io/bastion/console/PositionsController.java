package io.bastion.console;

import io.bastion.oms.OmsConfiguration;
import io.bastion.oms.Position;
import io.bastion.oms.TornPositionException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * Positions, read from the OMS's positions file. Runs on the blocking executor: a read may wait on a segment lock
 * of the map, or retry a position the OMS is writing at that moment.
 */
@Controller("/api/positions")
@RequiresRole(Role.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
final class PositionsController
{
    private final PositionsSource source;

    /**
     * @param positions every position asked for, sorted by account then symbol.
     */
    @Serdeable
    record Positions(List<PositionView> positions)
    {
    }

    /**
     * @param account   the account.
     * @param positions its positions, sorted by symbol.
     */
    @Serdeable
    record AccountPositions(String account, List<PositionView> positions)
    {
    }

    PositionsController(final PositionsSource source)
    {
        this.source = source;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> all()
    {
        final List<Position> positions;
        try
        {
            positions = source.read(null);
        }
        catch (final TornPositionException ex)
        {
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        }
        if (positions == null)
        {
            return notOpen();
        }
        return HttpResponse.ok(new Positions(views(positions)));
    }

    @Get(uri = "/{account}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> account(@PathVariable final String account)
    {
        if (!isValidAccount(account))
        {
            return Problem.response(HttpStatus.BAD_REQUEST, "an account has 1 to " + OmsConfiguration.ACCOUNT_LENGTH +
                " printable ASCII characters");
        }
        final List<Position> positions;
        try
        {
            positions = source.read(account);
        }
        catch (final TornPositionException ex)
        {
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        }
        if (positions == null)
        {
            return notOpen();
        }
        if (positions.isEmpty())
        {
            return Problem.response(HttpStatus.NOT_FOUND, "account '" + account + "' has no positions");
        }
        return HttpResponse.ok(new AccountPositions(account, views(positions)));
    }

    private HttpResponse<?> notOpen()
    {
        return Problem.response(HttpStatus.SERVICE_UNAVAILABLE, "positions are not available: " +
            source.notOpenReason());
    }

    private static List<PositionView> views(final List<Position> positions)
    {
        final List<PositionView> views = new ArrayList<>(positions.size());
        for (final Position position : positions)
        {
            views.add(PositionView.of(position));
        }
        return views;
    }

    private static boolean isValidAccount(final String account)
    {
        if (account.isEmpty() || account.length() > OmsConfiguration.ACCOUNT_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < account.length(); i++)
        {
            final char c = account.charAt(i);
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
        }
        return true;
    }
}
