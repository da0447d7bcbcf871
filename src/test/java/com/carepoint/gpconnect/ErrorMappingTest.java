package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import com.carepoint.platform.CallLimits;
import com.carepoint.platform.FhirClients;
import com.carepoint.record.RecordProblem.Kind;
import com.carepoint.record.RecordProblem;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.http.conn.ConnectTimeoutException;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every GP Connect and proxy error reaches the user as a plain-English problem with what to do next. */
class ErrorMappingTest {

    static final String PRACTICE = "the patient's GP practice (A20047)";

    @ParameterizedTest
    @CsvSource({
            "403, NO_PATIENT_CONSENT, PATIENT_DISSENT",
            "403, NO_ORGANISATION_CONSENT, ORGANISATION_REFUSED",
            "403, ACCESS DENIED, PRACTICE_NOT_SHARING",
            "403, NO_RELATIONSHIP, CARE_POINT_ERROR",
            "404, PATIENT_NOT_FOUND, PATIENT_NOT_FOUND",
            "404, ORGANISATION_NOT_FOUND, CARE_POINT_ERROR",
            "400, BAD_REQUEST, CARE_POINT_ERROR",
            "400, INVALID_NHS_NUMBER, CARE_POINT_ERROR",
            "422, INVALID_PARAMETER, CARE_POINT_ERROR",
            "409, DUPLICATE_REJECTED, CARE_POINT_ERROR",
            "500, INTERNAL_SERVER_ERROR, PRACTICE_ERROR",
            "501, NOT_IMPLEMENTED, PRACTICE_ERROR",
            "502, '', PRACTICE_ERROR",
            "415, '', CARE_POINT_ERROR"})
    void specificationAndProxyErrors(int status, String code, Kind kind) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setDetails(new CodeableConcept().addCoding(new Coding(
                "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1", code, code)));
        RecordProblem p = ErrorMapping.map(new UnclassifiedServerFailureException(status, "x", code.isEmpty() ? null : oo),
                PRACTICE, "trace-1");
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.message()).isNotBlank().doesNotContain("Exception").doesNotContain("HAPI");
        assertThat(p.whatToDo()).isNotBlank();
        assertThat(p.traceId()).isEqualTo("trace-1");
    }

    @Test
    void transportFailures() {
        assertThat(ErrorMapping.map(new FhirClientConnectionException(new SocketTimeoutException("Read timed out")),
                PRACTICE, "t").kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(ErrorMapping.map(new FhirClientConnectionException(new ConnectException("refused")),
                PRACTICE, "t").kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(ErrorMapping.map(NonFhirResponseException.newInstance(200, "text/html", new StringReader("<html>")), PRACTICE, "t").kind())
                .isEqualTo(Kind.UNREADABLE_RESPONSE);
        assertThat(ErrorMapping.map(new DataFormatException("bad json"), PRACTICE, "t").kind())
                .isEqualTo(Kind.UNREADABLE_RESPONSE);
        assertThat(ErrorMapping.map(new FhirClientConnectionException(new FhirClients.ResponseTooLargeException(10)),
                PRACTICE, "t").kind()).isEqualTo(Kind.UNREADABLE_RESPONSE);
        RecordProblem timeout = ErrorMapping.map(new FhirClientConnectionException(new SocketTimeoutException()),
                PRACTICE, "t");
        assertThat(timeout.message()).startsWith("The GP system at the patient's GP practice (A20047) did not answer in time");
    }

    /**
     * The exact words the user reads, pinned: a change to any of them must be a decision (hazard log, clinical
     * safety officer), not an accident. The practice's name is in every message that concerns the practice.
     */
    @Nested
    class ExactMessages {

        static final String NAMED = "Riverside Surgery (A20047)";
        static final String TRACE = "trace-7";

        static RecordProblem map(Throwable error) {
            return ErrorMapping.map(error, NAMED, TRACE);
        }

        static OperationOutcome spine(String code) {
            OperationOutcome oo = new OperationOutcome();
            oo.addIssue().setDetails(new CodeableConcept().addCoding(new Coding(
                    "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1", code, code)));
            return oo;
        }

        static RecordProblem status(int status, String code) {
            return map(new UnclassifiedServerFailureException(status, "x", spine(code)));
        }

        static final RecordProblem PRACTICE_ERROR = new RecordProblem(Kind.PRACTICE_ERROR,
                "The GP system at Riverside Surgery (A20047) had a problem answering, so this part of the record could "
                        + "not be retrieved. It is not known whether anything is recorded.",
                "Try again in a few minutes. If it keeps happening, contact the practice by phone.", TRACE);

        static RecordProblem unreadable(String why) {
            return new RecordProblem(Kind.UNREADABLE_RESPONSE,
                    "The GP system at Riverside Surgery (A20047) sent an answer Carepoint could not read safely ("
                            + why + "). Nothing from it is shown.",
                    "Try again. If it keeps happening, contact the practice by phone and report reference trace-7 to "
                            + "the service desk.", TRACE);
        }

        static final RecordProblem TIMEOUT = new RecordProblem(Kind.TIMEOUT,
                "The GP system at Riverside Surgery (A20047) did not answer in time, so this part of the record could "
                        + "not be retrieved. It is not known whether anything is recorded.",
                "Try again. If it keeps happening, contact the practice by phone.", TRACE);

        static final RecordProblem UNREACHABLE = new RecordProblem(Kind.UNREACHABLE,
                "Carepoint could not reach the GP system at Riverside Surgery (A20047), so this part of the record could "
                        + "not be retrieved.",
                "Try again in a moment. If it keeps happening, contact the practice by phone.", TRACE);

        static final RecordProblem CONNECTION_FAILED = new RecordProblem(Kind.UNREACHABLE,
                "The connection to the GP system at Riverside Surgery (A20047) failed, so this part of the record could "
                        + "not be retrieved.",
                "Try again. If it keeps happening, contact the practice by phone.", TRACE);

        static final RecordProblem CAREPOINT_FAULT = new RecordProblem(Kind.CARE_POINT_ERROR,
                "Carepoint could not retrieve this part of the record because of a problem in Carepoint.",
                "Report it to the service desk with reference trace-7, and use other sources of information meanwhile.",
                TRACE);

        static RecordProblem notAccepted(String what) {
            return new RecordProblem(Kind.CARE_POINT_ERROR,
                    "The GP system at Riverside Surgery (A20047) could not accept Carepoint's request (" + what
                            + "), so this part of the record could not be retrieved.",
                    "Report it to the service desk with reference trace-7, and use other sources of information "
                            + "meanwhile.", TRACE);
        }

        // --- HTTP statuses without a Spine code --------------------------------------------------------------------

        @Test
        void serverErrorWithoutSpineCode() {
            assertThat(map(new InternalErrorException("Internal Server Error"))).isEqualTo(PRACTICE_ERROR);
            assertThat(map(new UnclassifiedServerFailureException(500, "x"))).isEqualTo(PRACTICE_ERROR);
        }

        @Test
        void tooManyRequests() {
            assertThat(map(new UnclassifiedServerFailureException(429, "Too Many Requests"))).isEqualTo(PRACTICE_ERROR);
        }

        @Test
        void serviceUnavailable() {
            assertThat(map(new UnclassifiedServerFailureException(503, "Service Unavailable")))
                    .isEqualTo(PRACTICE_ERROR);
        }

        @Test
        void statusBoundaries() {
            assertThat(map(new UnclassifiedServerFailureException(499, "x"))).isEqualTo(notAccepted("HTTP 499"));
            assertThat(map(new UnclassifiedServerFailureException(428, "x"))).isEqualTo(notAccepted("HTTP 428"));
            assertThat(map(new UnclassifiedServerFailureException(430, "x"))).isEqualTo(notAccepted("HTTP 430"));
            assertThat(map(new UnclassifiedServerFailureException(500, "x"))).isEqualTo(PRACTICE_ERROR);
            assertThat(map(new UnclassifiedServerFailureException(599, "x"))).isEqualTo(PRACTICE_ERROR);
        }

        @Test
        void clientErrorsWithoutSpineCode() {
            assertThat(map(new InvalidRequestException("Bad Request"))).isEqualTo(notAccepted("HTTP 400"));
            assertThat(map(new ResourceNotFoundException("Not Found"))).isEqualTo(notAccepted("HTTP 404"));
            assertThat(map(new UnclassifiedServerFailureException(415, "x"))).isEqualTo(notAccepted("HTTP 415"));
        }

        @Test
        void anOperationOutcomeWithoutIssueOrCode() {
            assertThat(map(new UnclassifiedServerFailureException(400, "x", new OperationOutcome())))
                    .isEqualTo(notAccepted("HTTP 400"));
            OperationOutcome noCode = new OperationOutcome();
            noCode.addIssue().setDiagnostics("something");
            assertThat(map(new UnclassifiedServerFailureException(400, "x", noCode))).isEqualTo(notAccepted("HTTP 400"));
            assertThat(CallFailure.spineCode(new UnclassifiedServerFailureException(400, "x", noCode))).isEmpty();
            assertThat(CallFailure.spineCode(new UnclassifiedServerFailureException(400, "x"))).isEmpty();
            assertThat(CallFailure.spineCode(new UnclassifiedServerFailureException(400, "x", spine("BAD_REQUEST"))))
                    .contains("BAD_REQUEST");
        }

        @Test
        void anR4OperationOutcomeIsNotReadAsSpine() {
            org.hl7.fhir.r4.model.OperationOutcome r4 = new org.hl7.fhir.r4.model.OperationOutcome();
            r4.addIssue().setDetails(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(
                    new org.hl7.fhir.r4.model.Coding("x", "NO_PATIENT_CONSENT", "x")));
            assertThat(map(new UnclassifiedServerFailureException(403, "x", r4))).isEqualTo(notAccepted("HTTP 403"));
        }

        // --- Spine codes -------------------------------------------------------------------------------------------

        @Test
        void noPatientConsent() {
            assertThat(status(403, "NO_PATIENT_CONSENT")).isEqualTo(new RecordProblem(Kind.PATIENT_DISSENT,
                    "This patient has asked their GP practice not to share their record. No GP record can be shown.",
                    "Ask the patient (if they are able) or use other sources. Their choice cannot be overridden.",
                    TRACE));
        }

        @Test
        void patientNotFound() {
            assertThat(status(404, "PATIENT_NOT_FOUND")).isEqualTo(new RecordProblem(Kind.PATIENT_NOT_FOUND,
                    "The GP system at Riverside Surgery (A20047) could not find this patient in their GP system. They "
                            + "may have moved practice recently, or the practice cannot share this record.",
                    "Check the NHS number and the registered practice with the patient; contact the practice by phone "
                            + "if you need the record.", TRACE));
        }

        @Test
        void accessDenied() {
            assertThat(status(403, "ACCESS DENIED")).isEqualTo(new RecordProblem(Kind.PRACTICE_NOT_SHARING,
                    "Riverside Surgery (A20047) has not switched on sharing of this part of its records through GP "
                            + "Connect.",
                    "Contact the practice by phone for the information you need.", TRACE));
        }

        @Test
        void noOrganisationConsent() {
            assertThat(status(403, "NO_ORGANISATION_CONSENT")).isEqualTo(new RecordProblem(Kind.ORGANISATION_REFUSED,
                    "Riverside Surgery (A20047) has not agreed to share records with your organisation.",
                    "Contact the practice by phone, or ask a colleague in an organisation the practice shares with.",
                    TRACE));
        }

        @Test
        void practiceNamesStartingASentenceAreCapitalised() {
            assertThat(ErrorMapping.map(new UnclassifiedServerFailureException(403, "x", spine("ACCESS DENIED")),
                    PRACTICE, TRACE).message()).isEqualTo("The patient's GP practice (A20047) has not switched on "
                    + "sharing of this part of its records through GP Connect.");
            assertThat(ErrorMapping.map(new UnclassifiedServerFailureException(403, "x",
                    spine("NO_ORGANISATION_CONSENT")), PRACTICE, TRACE).message()).isEqualTo(
                    "The patient's GP practice (A20047) has not agreed to share records with your organisation.");
            assertThat(ErrorMapping.fromStatus(403, "ACCESS DENIED", "", TRACE).message())
                    .isEqualTo(" has not switched on sharing of this part of its records through GP Connect.");
        }

        @Test
        void internalServerErrorCode() {
            assertThat(status(500, "INTERNAL_SERVER_ERROR")).isEqualTo(PRACTICE_ERROR);
            // The code decides even when a proxy turned the status into something else.
            assertThat(status(400, "INTERNAL_SERVER_ERROR")).isEqualTo(PRACTICE_ERROR);
        }

        @Test
        void unknownCodeOnBadRequest() {
            assertThat(status(400, "INVALID_RESOURCE")).isEqualTo(notAccepted("INVALID_RESOURCE"));
            assertThat(status(400, "BAD_REQUEST")).isEqualTo(notAccepted("BAD_REQUEST"));
        }

        @Test
        void unknownCodeOnServerErrorIsThePractices() {
            assertThat(status(502, "SOME_GATEWAY_CODE")).isEqualTo(PRACTICE_ERROR);
            assertThat(status(429, "RATE_LIMITED")).isEqualTo(PRACTICE_ERROR);
        }

        // --- Transport ---------------------------------------------------------------------------------------------

        @Test
        void connectTimeout() {
            assertThat(map(new FhirClientConnectionException(new ConnectTimeoutException(
                    "Connect to gp.example:443 timed out")))).isEqualTo(TIMEOUT);
        }

        @Test
        void socketTimeout() {
            assertThat(map(new FhirClientConnectionException(new SocketTimeoutException("Read timed out"))))
                    .isEqualTo(TIMEOUT);
            // Deeper in the cause chain, as HAPI sometimes wraps it.
            assertThat(map(new FhirClientConnectionException("Failed to parse response",
                    new IOException("wrapper", new SocketTimeoutException("Read timed out"))))).isEqualTo(TIMEOUT);
        }

        @Test
        void unknownHost() {
            assertThat(map(new FhirClientConnectionException(new UnknownHostException("gp.example"))))
                    .isEqualTo(UNREACHABLE);
        }

        @Test
        void connectionRefused() {
            assertThat(map(new FhirClientConnectionException(new ConnectException("Connection refused"))))
                    .isEqualTo(UNREACHABLE);
        }

        @Test
        void otherConnectionFailures() {
            assertThat(map(new FhirClientConnectionException(new IOException("Connection reset"))))
                    .isEqualTo(CONNECTION_FAILED);
            assertThat(map(new FhirClientConnectionException("no cause at all"))).isEqualTo(CONNECTION_FAILED);
        }

        @Test
        void anIoFailureOutsideHapiIsAConnectionFailure() {
            assertThat(map(new IOException("Broken pipe"))).isEqualTo(CONNECTION_FAILED);
            assertThat(map(new IllegalStateException("x", new SocketTimeoutException()))).isEqualTo(TIMEOUT);
            assertThat(map(new RuntimeException(new ConnectException("refused")))).isEqualTo(UNREACHABLE);
        }

        @Test
        void anAnswerWithAStatusIsNotAConnectionFailureWhateverItsCause() {
            assertThat(map(new InternalErrorException("x", new IOException("y")))).isEqualTo(PRACTICE_ERROR);
            assertThat(map(new InvalidRequestException("x", new SocketTimeoutException())))
                    .isEqualTo(notAccepted("HTTP 400"));
        }

        // --- Answers that cannot be read safely --------------------------------------------------------------------

        @Test
        void notFhir() {
            assertThat(map(NonFhirResponseException.newInstance(200, "text/html", new StringReader("<html>"))))
                    .isEqualTo(unreadable("it was not a GP Connect answer"));
            assertThat(map(NonFhirResponseException.newInstance(502, "text/plain", new StringReader("Bad Gateway"))))
                    .isEqualTo(unreadable("it was not a GP Connect answer"));
        }

        @Test
        void notValidFhir() {
            assertThat(map(new DataFormatException("Failed to parse JSON"))).isEqualTo(unreadable("it was not valid FHIR"));
            assertThat(map(new DataFormatException("bad", new IllegalArgumentException("inner"))))
                    .isEqualTo(unreadable("it was not valid FHIR"));
            assertThat(map(new FhirClientConnectionException(new DataFormatException("Unknown element"))))
                    .isEqualTo(unreadable("it was not valid FHIR"));
            assertThat(map(new IllegalStateException(new DataFormatException("x"))))
                    .isEqualTo(unreadable("it was not valid FHIR"));
        }

        @Test
        void responseTooLarge() {
            RecordProblem tooLarge = unreadable("it was far larger than any GP record should be");
            assertThat(map(new FhirClientConnectionException(new FhirClients.ResponseTooLargeException(10_000_000))))
                    .isEqualTo(tooLarge);
            assertThat(map(new FhirClients.ResponseTooLargeException(1))).isEqualTo(tooLarge);
            assertThat(map(new DataFormatException("x", new FhirClients.ResponseTooLargeException(1))))
                    .isEqualTo(tooLarge);
        }

        @Test
        void tooManyResources() {
            assertThat(map(new FhirClientConnectionException(new FhirClients.TooManyResourcesException(150_000))))
                    .isEqualTo(unreadable("it held far more entries than any GP record should"));
        }

        @Test
        void overallDeadlinePassed() {
            assertThat(map(new FhirClientConnectionException(new CallLimits.DeadlineExceededException())))
                    .isEqualTo(new RecordProblem(Kind.TIMEOUT, "The GP system at " + NAMED + " did not finish answering "
                            + "in time, so this part of the record could not be retrieved. It is not known whether "
                            + "anything is recorded.", "Try again. If it keeps happening, contact the practice by phone.",
                            TRACE));
        }

        @Test
        void cancelledBecauseTheUserLeft() {
            assertThat(map(new FhirClientConnectionException(new CallLimits.CallCancelledException())))
                    .isEqualTo(new RecordProblem(Kind.TIMEOUT, "Retrieving this part of the record was stopped because "
                            + "the page was closed.", "Open the record again to retrieve it.", TRACE));
        }

        // --- Anything else -----------------------------------------------------------------------------------------

        @ParameterizedTest
        @ValueSource(strings = {"npe", "state", "error"})
        void carepointsOwnFault(String which) {
            Throwable t = switch (which) {
                case "npe" -> new NullPointerException();
                case "state" -> new IllegalStateException("x", new IllegalArgumentException("y"));
                default -> new AssertionError("z");
            };
            assertThat(map(t)).isEqualTo(CAREPOINT_FAULT);
        }
    }
}
