package com.carepoint.spine;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.UUID;

/** PDS and SDS require a fresh {@code X-Request-ID} per request; it is also what Carepoint logs. */
final class RequestIdInterceptor implements IClientInterceptor {

    @Override
    public void interceptRequest(IHttpRequest request) {
        request.addHeader("X-Request-ID", UUID.randomUUID().toString());
    }

    @Override
    public void interceptResponse(IHttpResponse response) {
        // Nothing to do with the response.
    }
}
