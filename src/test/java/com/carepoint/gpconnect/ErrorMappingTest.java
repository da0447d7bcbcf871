package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import com.carepoint.platform.FhirClients;
import com.carepoint.record.RecordProblem.Kind;
import com.carepoint.record.RecordProblem;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
