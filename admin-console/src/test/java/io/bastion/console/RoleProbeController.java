package io.bastion.console;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * Routes that exist only in tests, to check role enforcement before the full console brings endpoints that need
 * more than a viewer.
 */
@Controller("/api/test-roles")
final class RoleProbeController
{
    static final String OK = "{\"ok\":true}";

    @Get(uri = "/risk-officer", produces = MediaType.APPLICATION_JSON)
    @RequiresRole(Role.RISK_OFFICER)
    String riskOfficer()
    {
        return OK;
    }

    @Get(uri = "/admin", produces = MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    String admin()
    {
        return OK;
    }

    @Get(uri = "/undeclared", produces = MediaType.APPLICATION_JSON)
    String undeclared()
    {
        return OK;
    }
}
