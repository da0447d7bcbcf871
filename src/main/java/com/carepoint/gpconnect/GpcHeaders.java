package com.carepoint.gpconnect;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.function.Supplier;

/** Adds the Spine Secure Proxy headers and a fresh JWT to one GP Connect request. */
final class GpcHeaders implements IClientInterceptor {

    private final String traceId;
    private final String fromAsid;
    private final String toAsid;
    private final String interactionId;
    private final Supplier<String> jwt;

    GpcHeaders(String traceId, String fromAsid, String toAsid, String interactionId, Supplier<String> jwt) {
        this.traceId = traceId;
        this.fromAsid = fromAsid;
        this.toAsid = toAsid;
        this.interactionId = interactionId;
        this.jwt = jwt;
    }

    @Override
    public void interceptRequest(IHttpRequest request) {
        request.addHeader("Ssp-TraceID", traceId);
        request.addHeader("Ssp-From", fromAsid);
        request.addHeader("Ssp-To", toAsid);
        request.addHeader("Ssp-InteractionID", interactionId);
        request.addHeader("Authorization", "Bearer " + jwt.get());
    }

    @Override
    public void interceptResponse(IHttpResponse response) {
        // Errors are mapped by the caller.
    }
}
