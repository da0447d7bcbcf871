package com.carepoint.demopractice.pds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.Serial;
import java.util.UUID;
import com.carepoint.demopractice.provider.DemoRecords;

/**
 * A stand-in for the national demographics service in the shape of the PDS FHIR API (FHIR R4): retrieve by NHS
 * number and search by demographics with fuzzy matching. Like PDS it requires an {@code X-Request-ID} UUID.
 */
public final class PdsServer extends RestfulServer {

    @Serial
    private static final long serialVersionUID = 1L;

    public PdsServer(FhirContext r4, DemoRecords records) {
        super(r4);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        registerInterceptor(new RequestIdRequired());
        setResourceProviders(new PdsPatientProvider(records));
    }

    /** PDS and SDS both require a request id: a UUID per request, for tracing. */
    @Interceptor
    public static final class RequestIdRequired {
        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
        public void check(RequestDetails request) {
            String id = request.getHeader("X-Request-ID");
            try {
                UUID.fromString(id == null ? "" : id.trim());
            } catch (IllegalArgumentException e) {
                throw PdsErrors.error(400, "INVALID_VALUE", "Invalid value - '" + id + "' in header 'X-Request-ID'");
            }
        }
    }
}
