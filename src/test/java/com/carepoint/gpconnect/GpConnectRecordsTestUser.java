package com.carepoint.gpconnect;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.Organisation;
import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;

/** The demo paramedic as a {@link CurrentUser}, for tests and benchmarks that call the consumer directly. */
final class GpConnectRecordsTestUser {

    CurrentUser user() {
        return new CurrentUser("paramedic", "Alex Morgan", Role.PARAMEDIC,
                new Organisation("RX9", "Northshire Ambulance Service NHS Trust", OrganisationType.AMBULANCE_TRUST),
                "555021935107", "555021936108");
    }
}
