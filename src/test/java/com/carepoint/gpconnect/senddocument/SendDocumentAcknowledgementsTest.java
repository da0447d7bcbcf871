package com.carepoint.gpconnect.senddocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * ITK3 acknowledgements read from the fixtures in {@code src/test/resources/gpconnect/senddocument/acks/} (written
 * from the ITK3 response structure and codes pages and GPCM-SD-CS-054..059; their README names each source).
 */
class SendDocumentAcknowledgementsTest {

    static final String ORIGINAL = "ea7221b8-3cc0-4b11-bc95-585b056b5428";

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = SendDocumentAcknowledgementsTest.class.getResourceAsStream(
                "/gpconnect/senddocument/acks/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void infrastructureSuccessIsAccepted() throws IOException {
        ItkAcknowledgement a = SendDocumentAcknowledgements.parse(fixture("inf-ack-20013-success.xml"));
        assertThat(a.originalMessageId()).isEqualTo(ORIGINAL);
        assertThat(a.level()).isEqualTo(ItkAcknowledgement.Level.INFRASTRUCTURE);
        assertThat(a.outcome()).isEqualTo(ItkAcknowledgement.Outcome.ACCEPTED);
        assertThat(a.code()).isEqualTo("20013");
        assertThat(a.senderReference()).contains("846ebe66-5ff8-4499-bc57-a112d3d0daa3");
        assertThat(a.senderOdsCode()).contains("GP0002");
        assertThat(a.plainEnglish()).isEqualTo("The practice's system received the report and found it valid");
    }

    @Test
    void patientKnownHereIsFiled() throws IOException {
        ItkAcknowledgement a = SendDocumentAcknowledgements.parse(fixture("bus-ack-30001-patient-known.xml"));
        assertThat(a.level()).isEqualTo(ItkAcknowledgement.Level.BUSINESS);
        assertThat(a.outcome()).isEqualTo(ItkAcknowledgement.Outcome.FILED);
        assertThat(a.plainEnglish()).isEqualTo(
                "The practice has the patient registered and has taken the report into their record");
    }

    @Test
    void patientNotKnownIsRejectedWithTheReasonAndTheDiagnostics() throws IOException {
        ItkAcknowledgement a = SendDocumentAcknowledgements.parse(fixture("bus-ack-30002-patient-not-known.xml"));
        assertThat(a.level()).isEqualTo(ItkAcknowledgement.Level.BUSINESS);
        assertThat(a.outcome()).isEqualTo(ItkAcknowledgement.Outcome.REJECTED);
        assertThat(a.rejected()).isTrue();
        assertThat(a.code()).isEqualTo("30002");
        assertThat(a.plainEnglish()).isEqualTo("The practice does not know this patient: the report was not filed");
        assertThat(a.diagnostics()).contains("No patient with NHS number 9990000018 is registered at GP0002");
        assertThat(a.toString()).doesNotContain("9990000018");
    }

    @Test
    void patientNoLongerRegisteredIsRejected() throws IOException {
        ItkAcknowledgement a = SendDocumentAcknowledgements.parse(fixture("bus-ack-30003-no-longer-registered.xml"));
        assertThat(a.outcome()).isEqualTo(ItkAcknowledgement.Outcome.REJECTED);
        assertThat(a.plainEnglish()).startsWith("The patient is no longer registered at this practice");
    }

    @Test
    void anInvalidPayloadIsAnInfrastructureRejection() throws IOException {
        ItkAcknowledgement a = SendDocumentAcknowledgements.parse(fixture("inf-ack-20009-payload-invalid.xml"));
        assertThat(a.level()).isEqualTo(ItkAcknowledgement.Level.INFRASTRUCTURE);
        assertThat(a.outcome()).isEqualTo(ItkAcknowledgement.Outcome.REJECTED);
        assertThat(a.plainEnglish()).isEqualTo("The practice's system found the report's content invalid");
        assertThat(a.diagnostics()).contains("Composition.type is not SNOMED CT 371531000");
    }

    @Test
    void aDuplicateIsNotAFailureOfTheFirstCopy() throws IOException {
        ItkAcknowledgement a = SendDocumentAcknowledgements.parse(fixture("inf-ack-20007-duplicate.xml"));
        assertThat(a.outcome()).isEqualTo(ItkAcknowledgement.Outcome.DUPLICATE);
        assertThat(a.rejected()).isFalse();
    }

    @Test
    void aSelfContradictingResponseIsNeverReadAsSuccess() throws IOException {
        ItkAcknowledgement a = SendDocumentAcknowledgements.parse(fixture("inf-ack-contradictory.xml"));
        assertThat(a.outcome()).isEqualTo(ItkAcknowledgement.Outcome.REJECTED);
        assertThat(a.plainEnglish()).contains("contradicts itself");
    }

    @Test
    void anOkCarriedInTheHeaderAloneIsAcceptedButNotFiled() throws IOException {
        ItkAcknowledgement a = SendDocumentAcknowledgements.parse(fixture("inf-ack-ok-header-only.json"));
        assertThat(a.outcome()).isEqualTo(ItkAcknowledgement.Outcome.ACCEPTED);
        assertThat(a.level()).isEqualTo(ItkAcknowledgement.Level.INFRASTRUCTURE);
        assertThat(a.code()).isNull();
        assertThat(a.originalMessageId()).isEqualTo(ORIGINAL);
    }

    @Test
    void theArchivedPreItk3AcknowledgementIsNotASendDocumentResponse() throws IOException {
        assertThatThrownBy(() -> SendDocumentAcknowledgements.parse(fixture("ITK-BusinessAck-Fail-Example-2.xml")))
                .isInstanceOf(SendDocumentAcknowledgements.UnreadableAcknowledgementException.class)
                .hasMessageContaining("ITK008M");
    }

    @Test
    void theConsultationReportItselfIsNotAnAcknowledgement() throws IOException {
        assertThatThrownBy(() -> SendDocumentAcknowledgements.parse(
                fixture("../consultation_report.xml")))
                .isInstanceOf(SendDocumentAcknowledgements.UnreadableAcknowledgementException.class);
    }

    @Test
    void somethingThatIsNotFhirIsUnreadable() {
        assertThatThrownBy(() -> SendDocumentAcknowledgements.parse("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SendDocumentAcknowledgements.UnreadableAcknowledgementException.class);
        assertThatThrownBy(() -> SendDocumentAcknowledgements.parse(new byte[0]))
                .isInstanceOf(SendDocumentAcknowledgements.UnreadableAcknowledgementException.class);
        assertThatThrownBy(() -> SendDocumentAcknowledgements.parse(
                "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SendDocumentAcknowledgements.UnreadableAcknowledgementException.class);
    }
}
