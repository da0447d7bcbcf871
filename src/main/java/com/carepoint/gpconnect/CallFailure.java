package com.carepoint.gpconnect;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.carepoint.platform.CallLimits;
import com.carepoint.platform.FhirClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.http.conn.ConnectTimeoutException;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/**
 * What went wrong with one call to a GP Connect provider, told apart once for every capability (the record's and
 * the appointments' messages are worded from it): the answer's bounds, the call's deadline, the connection, an
 * answer that is not FHIR, or the provider's HTTP status and Spine error code.
 *
 * @param status the HTTP status, for {@link Kind#HTTP}; 0 otherwise
 * @param code   the Spine error code from the OperationOutcome ({@code DUPLICATE_REJECTED}), or empty
 */
record CallFailure(Kind kind, int status, String code) {

    enum Kind {
        TOO_LARGE,
        TOO_MANY_RESOURCES,
        /** The node's shared byte budget for answers being read was used up by others. */
        TOO_MANY_ANSWERS_IN_FLIGHT,
        DEADLINE_EXCEEDED,
        CANCELLED,
        NOT_FHIR,
        INVALID_FHIR,
        /** No answer in time (connect or read timeout). */
        TIMEOUT,
        /** The provider could not be reached at all. */
        UNREACHABLE,
        /** The connection failed on the way. */
        CONNECTION_FAILED,
        /** The provider answered with an HTTP error status. */
        HTTP,
        /** Anything else: a fault in Carepoint. */
        UNKNOWN
    }

    static CallFailure of(Throwable error) {
        Throwable cause = rootCause(error);
        if (cause instanceof FhirClients.ResponseTooLargeException) {
            return of(Kind.TOO_LARGE);
        }
        if (cause instanceof FhirClients.TooManyResourcesException) {
            return of(Kind.TOO_MANY_RESOURCES);
        }
        if (cause instanceof FhirClients.MalformedAnswerException) {
            return of(Kind.INVALID_FHIR);
        }
        if (cause instanceof FhirClients.TooManyAnswersInFlightException) {
            return of(Kind.TOO_MANY_ANSWERS_IN_FLIGHT);
        }
        if (cause instanceof CallLimits.DeadlineExceededException) {
            return of(Kind.DEADLINE_EXCEEDED);
        }
        if (cause instanceof CallLimits.CallCancelledException) {
            return of(Kind.CANCELLED);
        }
        if (error instanceof NonFhirResponseException) {
            return of(Kind.NOT_FHIR);
        }
        // Anywhere in the chain: HAPI wraps the JSON parser's own exception, which is the root cause, in a
        // DataFormatException, sometimes inside a connection exception; a body that is not FHIR is not a connection
        // failure.
        if (inChain(error, DataFormatException.class)) {
            return of(Kind.INVALID_FHIR);
        }
        // A connection failure (HAPI's FhirClientConnectionException is itself a BaseServerResponseException, so
        // this comes before the check for answers with an HTTP status).
        if (error instanceof FhirClientConnectionException
                || !(error instanceof BaseServerResponseException) && cause instanceof IOException) {
            if (cause instanceof SocketTimeoutException || cause instanceof ConnectTimeoutException) {
                return of(Kind.TIMEOUT);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return of(Kind.UNREACHABLE);
            }
            return of(Kind.CONNECTION_FAILED);
        }
        if (error instanceof BaseServerResponseException e) {
            return new CallFailure(Kind.HTTP, e.getStatusCode(), spineCode(e).orElse(""));
        }
        return of(Kind.UNKNOWN);
    }

    private static CallFailure of(Kind kind) {
        return new CallFailure(kind, 0, "");
    }

    static Optional<String> spineCode(BaseServerResponseException e) {
        if (e.getOperationOutcome() instanceof OperationOutcome oo && oo.hasIssue()) {
            return Optional.ofNullable(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
        }
        return Optional.empty();
    }

    private static boolean inChain(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
