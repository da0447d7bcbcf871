package com.carepoint.demopractice;

import java.net.http.HttpResponse;

/**
 * For browser tests: what a demo service itself holds, asked over its own GP Connect interface with a raw request
 * written to the specification (not through Carepoint), so a test can check the provider's state agrees with the
 * screen.
 */
public final class DemoProviderProbe {

    private DemoProviderProbe() {
    }

    /** {@code GET /Appointment/[id]} at the service, as the Read an appointment page writes it. */
    public static HttpResponse<String> readAppointment(int port, String ods, String asid, String id) {
        return GpcTestRequest.to(port, ods, asid, GpcTestRequest.PREFIX + "fhir:rest:read:appointment-1",
                "patient/*.read").with(r -> r.path = "/Appointment/" + id).send();
    }
}
