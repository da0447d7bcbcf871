package com.carepoint.demopractice.provider;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a demo practice answers is a GPConnect-OperationOutcome-1 with a Spine code (error handling guidance:
 * "In the event of an error, provider systems SHALL respond by providing an OperationOutcome resource profiled to
 * GPConnect-OperationOutcome-1"), including HAPI's own: a request HAPI cannot route (an unknown path or resource, a
 * verb the resource does not support) is "invalid HTTP verb used" BAD_REQUEST or, for a resource or operation the
 * server does not have, NOT_IMPLEMENTED; anything unexpected is INTERNAL_SERVER_ERROR.
 */
@Interceptor
final class GpcExceptionInterceptor {

    private static final Logger log = LoggerFactory.getLogger(GpcExceptionInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException toGpc(Throwable thrown) {
        if (thrown instanceof BaseServerResponseException e
                && e.getOperationOutcome() instanceof OperationOutcome oo && GpcErrors.isGpc(oo)) {
            return e;
        }
        if (!(thrown instanceof BaseServerResponseException e)) {
            // No patient data in logs: the exception's type and message only.
            log.warn("Demo practice request failed unexpectedly: {}", thrown.toString());
            return GpcErrors.internalError("Unexpected error: " + thrown.getClass().getSimpleName());
        }
        // HAPI reads a create or update body before the method: a resource of another type than the one the URL names
        // is a resource that does not validate ("Resource fails to validate against StructureDefinition"), not a
        // malformed request.
        if (e.getStatusCode() == 400 && String.valueOf(e.getMessage()).contains("HAPI-1814")) {
            return GpcErrors.invalidResource(e.getMessage());
        }
        return switch (e.getStatusCode()) {
            case 400, 405 -> GpcErrors.badRequest(e.getMessage());
            case 404, 501 -> GpcErrors.notImplemented(e.getMessage());
            case 415 -> GpcErrors.unsupportedMediaType(e.getMessage());
            default -> e.getStatusCode() >= 500 ? GpcErrors.internalError(e.getMessage())
                    : GpcErrors.error(e.getStatusCode(), "BAD_REQUEST", "Bad request", OperationOutcome.IssueType.INVALID,
                            e.getMessage());
        };
    }
}
