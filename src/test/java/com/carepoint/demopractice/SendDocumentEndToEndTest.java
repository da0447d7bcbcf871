package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.Application;
import com.carepoint.OwnContext;
import com.carepoint.demopractice.gpinbox.GpSystemInboxes;
import com.carepoint.demopractice.mesh.DemoMeshProperties;
import com.carepoint.demopractice.mesh.DemoMeshServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Send Document end to end over HTTP, as the specification describes it: an ITK3 message built from the
 * specification's example (src/test/resources/senddocument/consultation_report.xml, from nhsconnect/gpconnect-messaging
 * _includes/senddocument/consultation_report.xml) is sent over MESH to the patient's registered practice
 * (GPPROVIDER address); the practice's GP system validates it, sends the infrastructure and business
 * acknowledgements to the sender's mailbox and files the PDF; Access Document at the practice then lists it and
 * returns the PDF. Invalid messages and a patient not registered at the practice get the negative codes.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "carepoint.demo.mesh.gp-poll-interval=0s",
        "carepoint.demo.mesh.shared-key=TestKey",
        "carepoint.demo.mesh.carepoint.mailbox-id=TESTCARE01",
        "carepoint.demo.mesh.carepoint.password=test-care-password"})
class SendDocumentEndToEndTest {

    static final FhirContext STU3 = FhirContext.forDstu3Cached();
    static final String CARE = "TESTCARE01";
    static final String CARE_PW = "test-care-password";
    static final String RIVERSIDE_MAILBOX = "MESHA20047";
    static final String RIVERSIDE_PW = "riverside-mesh-demo";
    static final String EXAMPLE_SENDER_REFERENCE = "846ebe66-5ff8-4499-bc57-a112d3d0daa3";
    static final String RESPONSE_CODES = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1";

    @LocalServerPort
    int port;

    @Autowired
    DemoMeshServer server;

    @Autowired
    GpSystemInboxes gpSystems;

    MeshTestClient mesh;

    @BeforeEach
    void setUp() {
        mesh = new MeshTestClient(port, "TestKey");
        server.clear();
        server.faults().clearAll();
    }

    // ------------------------------------------------------------------------------------------- the message

    /** A message built from the specification's example, for a demo patient, with a fresh MessageHeader id. */
    record Message(String headerId, String xml, byte[] pdf) {
    }

    static Message message(String nhsNumber, String given, String family, String birthDate) throws IOException {
        String xml;
        try (InputStream in = SendDocumentEndToEndTest.class.getResourceAsStream("/senddocument/consultation_report.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] pdf = pdf("Consultation report - " + family);
        String headerId = UUID.randomUUID().toString();
        xml = xml.replace("{{PDF_BASE64}}", Base64.getEncoder().encodeToString(pdf))
                .replace("ea7221b8-3cc0-4b11-bc95-585b056b5428", headerId)
                .replace("MESHGP0001", CARE)
                .replace("9989453456", nhsNumber)
                .replace("<family value=\"Smith\" />", "<family value=\"" + family + "\" />")
                .replace("<given value=\"Richard\" />", "<given value=\"" + given + "\" />")
                .replace("1957-01-09", birthDate);
        return new Message(headerId, xml, pdf);
    }

    static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(50, 700);
                s.showText(text + " " + UUID.randomUUID());
                s.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static Message hargreaves() throws IOException {
        // Mrs Susan Hargreaves, 999 000 0018, born 1961-01-04, registered at Riverside Medical Practice (A20047).
        return message("9990000018", "Susan", "Hargreaves", "1961-01-04");
    }

    static final String HARGREAVES_ADDRESS = "GPPROVIDER_9990000018_19610104_Hargreaves";

    String send(String to, String content) {
        HttpResponse<byte[]> r = mesh.send(CARE, CARE_PW, to, "GPFED_CONSULT_REPORT",
                content.getBytes(StandardCharsets.UTF_8)).header("Mex-LocalID", "RX9")
                .header("Mex-Subject", "Consultation report").send();
        assertThat(r.statusCode()).isEqualTo(202);
        return JsonMapper.builder().build().readTree(r.body()).path("message_id").asString();
    }

    /** The ITK3 responses waiting in the sender's mailbox, in order, each downloaded and acknowledged. */
    List<Bundle> acknowledgements() {
        HttpResponse<byte[]> inbox = mesh.inbox(CARE, CARE_PW).send();
        List<Bundle> acks = new ArrayList<>();
        JsonMapper.builder().build().readTree(inbox.body()).path("messages").forEach(id -> {
            HttpResponse<byte[]> d = mesh.download(CARE, CARE_PW, id.asString()).send();
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.headers().firstValue("mex-workflowid")).hasValue("GPFED_CONSULT_REPORT_ACK");
            assertThat(d.headers().firstValue("mex-from")).hasValue(RIVERSIDE_MAILBOX);
            assertThat(d.headers().firstValue("mex-messagetype")).hasValue("DATA");
            acks.add(STU3.newXmlParser().parseResource(Bundle.class, new String(d.body(), StandardCharsets.UTF_8)));
            assertThat(mesh.acknowledge(CARE, CARE_PW, id.asString()).send().statusCode()).isEqualTo(200);
        });
        return acks;
    }

    /** The response's code, after checking the ITK3 response header the specification requires. */
    static String code(Bundle ack, String originalHeaderId) {
        assertThat(ack.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        assertThat(ack.getMeta().getProfile().getFirst().getValue())
                .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1");
        MessageHeader h = (MessageHeader) ack.getEntryFirstRep().getResource();
        assertThat(h.getEvent().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2");
        assertThat(h.getEvent().getCode()).isEqualTo("ITK008M");
        var handling = h.getExtensionByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2");
        assertThat(((BooleanType) handling.getExtensionByUrl("BusAckRequested").getValue()).getValue()).isFalse();
        assertThat(((BooleanType) handling.getExtensionByUrl("InfAckRequested").getValue()).getValue()).isFalse();
        assertThat(h.getResponse().getIdentifier()).isEqualTo(originalHeaderId);
        assertThat(h.getSource().getEndpoint()).isEqualTo(RIVERSIDE_MAILBOX);
        Bundle.BundleEntryComponent senderEntry = ack.getEntry().stream()
                .filter(e -> e.getResource() instanceof Organization).findFirst().orElseThrow();
        assertThat(((Organization) senderEntry.getResource()).getIdentifierFirstRep().getValue()).isEqualTo("A20047");
        assertThat(h.getSender().getReference()).isEqualTo(senderEntry.getFullUrl());
        OperationOutcome oo = (OperationOutcome) ack.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(OperationOutcome.class::isInstance).findFirst().orElseThrow();
        var coding = oo.getIssueFirstRep().getDetails().getCodingFirstRep();
        assertThat(coding.getSystem()).isEqualTo(RESPONSE_CODES);
        assertThat(oo.getIssueFirstRep().getDiagnostics()).isNotBlank();
        boolean positive = coding.getCode().equals("20013") || coding.getCode().equals("30001");
        assertThat(h.getResponse().getCode())
                .isEqualTo(positive ? MessageHeader.ResponseType.OK : MessageHeader.ResponseType.FATALERROR);
        return coding.getCode();
    }

    static String senderReference(Bundle ack) {
        MessageHeader h = (MessageHeader) ack.getEntryFirstRep().getResource();
        return ((StringType) h.getExtensionByUrl(
                "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2")
                .getExtensionByUrl("SenderReference").getValue()).getValue();
    }

    // ------------------------------------------------------------------------------------------- Access Document

    GpcTestRequest documents(String ods, String asid, String interaction, String path) {
        GpcTestRequest r = GpcTestRequest.to(port, ods, asid, interaction, "patient/*.read");
        r.root = "http://localhost:" + port + "/demo/gp/" + ods + "/STU3/1/gpconnect/documents/fhir";
        r.claims.put("aud", r.root);
        r.path = path;
        return r;
    }

    String patientId(String ods, String asid, String nhsNumber) {
        HttpResponse<String> r = documents(ods, asid, "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:patient-1",
                "/Patient?identifier=" + URLEncoder.encode("https://fhir.nhs.uk/Id/nhs-number|" + nhsNumber,
                        StandardCharsets.UTF_8)).send();
        assertThat(r.statusCode()).isEqualTo(200);
        Bundle b = STU3.newJsonParser().parseResource(Bundle.class, r.body());
        assertThat(b.getEntry()).hasSize(1);
        return b.getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    static final String INCLUDES = "?_include=" + enc("DocumentReference:subject:Patient")
            + "&_include=" + enc("DocumentReference:custodian:Organization")
            + "&_include=" + enc("DocumentReference:author:Organization")
            + "&_include=" + enc("DocumentReference:author:Practitioner")
            + "&" + enc("_revinclude:recurse") + "=" + enc("PractitionerRole:practitioner");

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    List<DocumentReference> documentReferences(String ods, String asid, String nhsNumber) {
        HttpResponse<String> r = documents(ods, asid,
                "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1",
                "/Patient/" + patientId(ods, asid, nhsNumber) + "/DocumentReference" + INCLUDES).send();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Bundle b = STU3.newJsonParser().parseResource(Bundle.class, r.body());
        assertThat(b.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(b.getEntry()).anyMatch(e -> e.getResource() instanceof Patient);
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast).toList();
    }

    Binary binary(String ods, String asid, DocumentReference ref) {
        String url = ref.getContentFirstRep().getAttachment().getUrl();
        GpcTestRequest r = documents(ods, asid, "urn:nhs:names:services:gpconnect:documents:fhir:rest:read:binary-1", "");
        assertThat(url).startsWith(r.root + "/Binary/");
        r.path = url.substring(r.root.length());
        HttpResponse<String> answer = r.send();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return STU3.newJsonParser().parseResource(Binary.class, answer.body());
    }

    // ------------------------------------------------------------------------------------------- tests

    @Test
    void aReportReachesTheRegisteredPracticeIsAcknowledgedTwiceAndIsFiled() throws Exception {
        int before = documentReferences("A20047", "918999100101", "9990000018").size();
        Message m = hargreaves();
        String meshId = send(HARGREAVES_ADDRESS, m.xml());

        assertThat(gpSystems.pollNow("A20047")).isEqualTo(1);

        List<Bundle> acks = acknowledgements();
        assertThat(acks).hasSize(2);
        assertThat(code(acks.get(0), m.headerId())).isEqualTo("20013");
        assertThat(code(acks.get(1), m.headerId())).isEqualTo("30001");
        assertThat(senderReference(acks.get(0))).isEqualTo(EXAMPLE_SENDER_REFERENCE);
        assertThat(senderReference(acks.get(1))).isEqualTo(EXAMPLE_SENDER_REFERENCE);
        // The GP system acknowledged the MESH message after answering it.
        assertThat(JsonMapper.builder().build().readTree(mesh.tracking(CARE, CARE_PW, meshId).send().body())
                .path("status").asString()).isEqualTo("acknowledged");
        assertThat(gpSystems.pollNow("A20047")).isZero();

        List<DocumentReference> refs = documentReferences("A20047", "918999100101", "9990000018");
        assertThat(refs).hasSize(before + 1);
        DocumentReference filed = refs.getFirst();
        assertThat(filed.getMeta().getProfile().getFirst().getValue())
                .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-DocumentReference-1");
        assertThat(filed.getDescription()).isEqualTo("Consultation report");
        assertThat(filed.getStatus().toCode()).isEqualTo("current");
        assertThat(filed.getType().getCodingFirstRep().getCode()).isEqualTo("371531000");
        assertThat(filed.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
        assertThat(filed.getContentFirstRep().getAttachment().getSize()).isEqualTo(m.pdf().length);
        assertThat(filed.getContentFirstRep().getAttachment().hasData()).isFalse();
        assertThat(filed.getIdentifier()).extracting(Identifier::getValue).isNotEmpty();

        Binary pdf = binary("A20047", "918999100101", filed);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getContent()).isEqualTo(m.pdf());
        assertThat(pdf.getMeta().getVersionId()).isNotBlank();
    }

    @Test
    void theSameMessageSentTwiceIsFiledOnceAndTheSecondCopyIsADuplicate() throws Exception {
        int before = documentReferences("A20047", "918999100101", "9990000018").size();
        Message m = hargreaves();
        send(HARGREAVES_ADDRESS, m.xml());
        send(HARGREAVES_ADDRESS, m.xml());
        assertThat(gpSystems.pollNow("A20047")).isEqualTo(2);
        List<Bundle> acks = acknowledgements();
        assertThat(acks).extracting(a -> code(a, m.headerId())).containsExactly("20013", "30001", "20007");
        assertThat(documentReferences("A20047", "918999100101", "9990000018")).hasSize(before + 1);
    }

    @Test
    void aPatientNotRegisteredAtThePracticeGetsANegativeBusinessAck() throws Exception {
        // Miss Davies (999 000 0022) is registered at Moorside, not Riverside: sent to Riverside's mailbox directly.
        Message m = message("9990000220", "Chloe", "Davies", "1995-07-22");
        send(RIVERSIDE_MAILBOX, m.xml());
        gpSystems.pollNow("A20047");
        List<Bundle> acks = acknowledgements();
        assertThat(acks).extracting(a -> code(a, m.headerId())).containsExactly("20013", "30002");
        assertThat(documentReferences("B82033", "918999100202", "9990000220"))
                .noneMatch(d -> d.getDescription().equals("Consultation report"));
    }

    @Test
    void aPatientWhoseDemographicsDoNotMatchIsNotKnown() throws Exception {
        // Hargreaves's NHS number with another date of birth, sent to the practice's mailbox directly.
        int before = documentReferences("A20047", "918999100101", "9990000018").size();
        Message m = message("9990000018", "Susan", "Hargreaves", "1961-01-05");
        send(RIVERSIDE_MAILBOX, m.xml());
        gpSystems.pollNow("A20047");
        assertThat(acknowledgements()).extracting(a -> code(a, m.headerId())).containsExactly("20013", "30002");
        assertThat(documentReferences("A20047", "918999100101", "9990000018")).hasSize(before);
    }

    @Test
    void anInvalidHeaderGetsOneNegativeInfrastructureAckAndNothingIsFiled() throws Exception {
        int before = documentReferences("A20047", "918999100101", "9990000018").size();
        Message m = hargreaves();
        send(HARGREAVES_ADDRESS, m.xml().replace("<code value=\"ITK007C\" />", "<code value=\"ITK999X\" />"));
        gpSystems.pollNow("A20047");
        List<Bundle> acks = acknowledgements();
        // A negative code: "There will be no further response message".
        assertThat(acks).extracting(a -> code(a, m.headerId())).containsExactly("20006");
        assertThat(documentReferences("A20047", "918999100101", "9990000018")).hasSize(before);
    }

    @Test
    void aReportThatIsNotAPdfIsAnUnsupportedAttachment() throws Exception {
        Message m = hargreaves();
        send(HARGREAVES_ADDRESS, m.xml().replace("<contentType value=\"application/pdf\" />",
                "<contentType value=\"application/msword\" />"));
        gpSystems.pollNow("A20047");
        assertThat(acknowledgements()).extracting(a -> code(a, m.headerId())).containsExactly("20005");
    }

    @Test
    void aPayloadWithoutTheCompositionFailsPayloadValidation() throws Exception {
        Message m = hargreaves();
        send(HARGREAVES_ADDRESS, m.xml().replace("<code value=\"371531000\" />", "<code value=\"000000\" />"));
        gpSystems.pollNow("A20047");
        assertThat(acknowledgements()).extracting(a -> code(a, m.headerId())).containsExactly("20009");
    }

    @Test
    void anUnreadableMessageIsAnsweredAsUnreadable() throws Exception {
        send(RIVERSIDE_MAILBOX, "this is not FHIR");
        gpSystems.pollNow("A20047");
        assertThat(acknowledgements()).extracting(a -> code(a, "UNREADABLE-IN-ORIGINAL-MESSAGE"))
                .containsExactly("10009");
    }

    @Test
    void aPatientThePracticeHoldsAsNoLongerRegisteredGetsTheNegativeBusinessAck30003() throws Exception {
        // The demo GP system's fault: Mrs Hargreaves has left Riverside, though the demographics service still names it.
        int before = documentReferences("A20047", "918999100101", "9990000018").size();
        server.faults().set("all", new DemoMeshProperties.Faults(false, Duration.ZERO, 0, false, List.of(),
                List.of("9990000018")));
        try {
            Message m = hargreaves();
            send(HARGREAVES_ADDRESS, m.xml());
            gpSystems.pollNow("A20047");
            assertThat(acknowledgements()).extracting(a -> code(a, m.headerId())).containsExactly("20013", "30003");
            assertThat(documentReferences("A20047", "918999100101", "9990000018")).hasSize(before);
        } finally {
            server.faults().clear("all");
        }
    }

    @Test
    void aMeshOutageDuringThePollLosesNothingAndDuplicatesNothing() throws Exception {
        Message m = hargreaves();
        send(HARGREAVES_ADDRESS, m.xml());
        server.faults().set("all", new DemoMeshProperties.Faults(true, Duration.ZERO, 0, false, List.of(), List.of()));
        assertThatThrownBy(() -> gpSystems.pollNow("A20047")).isInstanceOf(IOException.class);
        server.faults().clear("all");
        // The sender's mailbox refuses acknowledgements for a while: the GP system keeps the message until it can.
        server.faults().set(CARE, new DemoMeshProperties.Faults(false, Duration.ZERO, 0, true, List.of(), List.of()));
        assertThatThrownBy(() -> gpSystems.pollNow("A20047")).isInstanceOf(IOException.class);
        server.faults().clear(CARE);
        assertThat(gpSystems.pollNow("A20047")).isEqualTo(1);
        assertThat(acknowledgements()).extracting(a -> code(a, m.headerId())).containsExactly("20013", "30001");
    }

    @Test
    void preExistingDocumentsAreServed() {
        List<DocumentReference> refs = documentReferences("B82033", "918999100202", "9990000220");
        assertThat(refs).extracting(DocumentReference::getDescription).contains("Outpatient clinic letter");
        Binary b = binary("B82033", "918999100202", refs.stream()
                .filter(d -> d.getDescription().equals("Outpatient clinic letter")).findFirst().orElseThrow());
        assertThat(new String(b.getContent(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void accessDocumentIsStrict() {
        String id = patientId("A20047", "918999100101", "9990000018");
        HttpResponse<String> noIncludes = documents("A20047", "918999100101",
                "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1",
                "/Patient/" + id + "/DocumentReference").send();
        assertThat(noIncludes.statusCode()).isEqualTo(422);
        assertThat(noIncludes.body()).contains("INVALID_PARAMETER");
        HttpResponse<String> wrongInteraction = documents("A20047", "918999100101",
                "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1",
                "/Patient/" + id + "/DocumentReference" + INCLUDES).send();
        assertThat(wrongInteraction.statusCode()).isEqualTo(400);
        HttpResponse<String> noSuchDocument = documents("A20047", "918999100101",
                "urn:nhs:names:services:gpconnect:documents:fhir:rest:read:binary-1", "/Binary/no-such-document").send();
        assertThat(noSuchDocument.statusCode()).isEqualTo(404);
        assertThat(noSuchDocument.body()).contains("NO_RECORD_FOUND");
        // Another practice's document is not served here.
        List<DocumentReference> moorside = documentReferences("B82033", "918999100202", "9990000220");
        HttpResponse<String> elsewhere = documents("A20047", "918999100101",
                "urn:nhs:names:services:gpconnect:documents:fhir:rest:read:binary-1",
                "/Binary/" + moorside.getFirst().getIdElement().getIdPart()).send();
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        HttpResponse<String> metadata = documents("A20047", "918999100101",
                "urn:nhs:names:services:gpconnect:documents:fhir:rest:read:metadata-1", "/metadata")
                .with(r -> r.claims.put("requested_scope", "organization/*.read")).send();
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("DocumentReference");
    }
}
