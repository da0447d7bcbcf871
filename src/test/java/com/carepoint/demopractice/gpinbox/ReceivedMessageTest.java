package com.carepoint.demopractice.gpinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A demo GP system's validation of a Send Document message, from the specification's example
 * (src/test/resources/senddocument/consultation_report.xml: nhsconnect/gpconnect-messaging
 * _includes/senddocument/consultation_report.xml) with one rule broken at a time, and the ITK3 response code each
 * broken rule gets.
 */
class ReceivedMessageTest {

    static final FhirContext STU3 = FhirContext.forDstu3Cached();
    static final String PDF = Base64.getEncoder().encodeToString(
            "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII));

    static String example() throws IOException {
        try (InputStream in = ReceivedMessageTest.class.getResourceAsStream("/senddocument/consultation_report.xml")) {
            // The example's patient 9989453456 fails the modulus 11 check; 9990000018 passes.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{PDF_BASE64}}", PDF)
                    .replace("9989453456", "9990000018");
        }
    }

    static ReceivedMessage read(String xml) throws ReceivedMessage.Invalid {
        return ReceivedMessage.read(STU3, xml.getBytes(StandardCharsets.UTF_8), "application/fhir+xml");
    }

    @Test
    void theSpecificationsExampleIsValid() throws Exception {
        ReceivedMessage m = read(example());
        assertThat(m.messageHeaderId).isEqualTo("ea7221b8-3cc0-4b11-bc95-585b056b5428");
        assertThat(m.senderReference).isEqualTo("846ebe66-5ff8-4499-bc57-a112d3d0daa3");
        assertThat(m.nhsNumber).isEqualTo("9990000018");
        assertThat(m.custodianOds()).isEqualTo("GP0001");
        assertThat(m.officialName()).hasValueSatisfying(n -> assertThat(n.getFamily()).isEqualTo("Smith"));
        assertThat(new String(m.pdf.getContent(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(m.xml).isTrue();
    }

    @Test
    void theSameMessageInJsonIsValidToo() throws Exception {
        Bundle parsed = STU3.newXmlParser().parseResource(Bundle.class, example());
        String json = STU3.newJsonParser().encodeResourceToString(parsed);
        ReceivedMessage m = ReceivedMessage.read(STU3, json.getBytes(StandardCharsets.UTF_8), "application/fhir+json");
        assertThat(m.xml).isFalse();
        assertThat(m.messageHeaderId).isEqualTo("ea7221b8-3cc0-4b11-bc95-585b056b5428");
    }

    @Test
    void theOlderMessageDefinitionInstanceUrlIsAccepted() throws Exception {
        read(example().replace("ITK-GPConnectSendDocument-MessageDefinition-1",
                "ITK-GPConnectSendDocument-MessageDefinition-Instance-1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no handling specification|Extension-ITK-MessageHandling-2|Extension-ITK-MessageHandling-9|10001",
        "InfAckRequested not a boolean|<extension url=\"InfAckRequested\">|<extension url=\"InfAckRequestedX\">|10002",
        "BusAckRequested missing|<extension url=\"BusAckRequested\">|<extension url=\"BusAckRequestedX\">|10003",
        "unknown MessageDefinition|ITK-GPConnectSendDocument-MessageDefinition-1|ITK-Other-MessageDefinition-1|10004",
        "no SenderReference|<extension url=\"SenderReference\">|<extension url=\"SenderReferenceX\">|10007",
        "RecipientType not FA|<code value=\"FA\" />|<code value=\"FI\" />|10008",
        "acknowledgements not requested|<valueBoolean value=\"true\" />|<valueBoolean value=\"false\" />|10008",
        "wrong event|<code value=\"ITK007C\" />|<code value=\"ITK001C\" />|20006",
        "a destination|<source>|<destination><endpoint value=\"X26ABC1\" /></destination><source>|20006",
        "no source endpoint|<endpoint value=\"TESTCARE01\" />|<endpoint value=\"\" />|20006",
        "not a message bundle|<type value=\"message\" />|<type value=\"collection\" />|20006",
        "payload not a document|<type value=\"document\" />|<type value=\"collection\" />|20009",
        "Composition not final|<status value=\"final\" />|<status value=\"preliminary\" />|20009",
        "not a consultation report|<code value=\"371531000\" />|<code value=\"123\" />|20009",
        "attachment not a PDF|<contentType value=\"application/pdf\" />|<contentType value=\"image/png\" />|20005",
        "no NHS number|<system value=\"https://fhir.nhs.uk/Id/nhs-number\" />|<system value=\"https://example.org/local-id\" />|20009",
        "invalid NHS number|9990000018|9990000019|20009",
        "no birth date|<birthDate value=\"1957-01-09\" />||20009",
        "no official name|<use value=\"official\" />|<use value=\"nickname\" />|20009"})
    void eachBrokenRuleGetsItsCode(String rule, String from, String to, String code) throws Exception {
        String xml = example().replace("MESHGP0001", "TESTCARE01");
        assertThat(xml).as(rule).contains(from);
        String broken = xml.replace(from, to == null ? "" : to);
        ReceivedMessage.Invalid e = catchThrowableOfType(ReceivedMessage.Invalid.class, () -> read(broken));
        assertThat(e).as(rule).isNotNull();
        assertThat(e.code.code).as(rule + ": " + e.getMessage()).isEqualTo(code);
    }

    @Test
    void contentThatIsNotAPdfIsRefused() throws Exception {
        String notPdf = Base64.getEncoder().encodeToString("plain text".getBytes(StandardCharsets.US_ASCII));
        ReceivedMessage.Invalid e = catchThrowableOfType(ReceivedMessage.Invalid.class,
                () -> read(example().replace(PDF, notPdf)));
        assertThat(e.code).isEqualTo(ItkResponseCode.PAYLOAD_VALIDATION_FAILURE);
    }

    @Test
    void unreadableContent() {
        assertThatThrownBy(() -> read("not FHIR at all")).isInstanceOfSatisfying(ReceivedMessage.Invalid.class,
                e -> assertThat(e.code).isEqualTo(ItkResponseCode.UNREADABLE));
        assertThatThrownBy(() -> read("<Patient xmlns=\"http://hl7.org/fhir\"/>"))
                .isInstanceOfSatisfying(ReceivedMessage.Invalid.class,
                        e -> assertThat(e.code).isEqualTo(ItkResponseCode.UNREADABLE));
    }

    @Test
    void anInvalidMessageStillYieldsWhatItsResponseEchoes() throws Exception {
        ReceivedMessage.Invalid e = catchThrowableOfType(ReceivedMessage.Invalid.class,
                () -> read(example().replace("<code value=\"ITK007C\" />", "<code value=\"ITK001C\" />")));
        assertThat(e.partial.messageHeaderId).isEqualTo("ea7221b8-3cc0-4b11-bc95-585b056b5428");
        assertThat(e.partial.senderReference).isEqualTo("846ebe66-5ff8-4499-bc57-a112d3d0daa3");
    }
}
