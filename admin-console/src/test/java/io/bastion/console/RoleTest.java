package io.bastion.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleTest
{
    @Test
    void shouldIncludeLowerRolesOnly()
    {
        assertTrue(Role.ADMIN.includes(Role.VIEWER));
        assertTrue(Role.ADMIN.includes(Role.RISK_OFFICER));
        assertTrue(Role.RISK_OFFICER.includes(Role.VIEWER));
        assertTrue(Role.VIEWER.includes(Role.VIEWER));
        assertFalse(Role.VIEWER.includes(Role.RISK_OFFICER));
        assertFalse(Role.RISK_OFFICER.includes(Role.ADMIN));
    }

    @Test
    void shouldReadLabels()
    {
        assertEquals(Role.RISK_OFFICER, Role.ofLabel("risk-officer"));
        assertNull(Role.ofLabel("RISK_OFFICER"));
        assertEquals("viewer|risk-officer|admin", Role.labels());
    }
}
