package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.OwnContext;
import com.carepoint.demopractice.mesh.DemoMeshProperties;
import com.carepoint.demopractice.mesh.DemoMeshServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo MESH server answers as the MESH API specification (NHSDigital/mesh-api-specification,
 * specification/mesh-api.yaml) and NHS Digital's sandbox (NHSDigital/mesh-sandbox) say, over raw HTTP: the token,
 * send, inbox, download, acknowledge, tracking, chunks, gzip, GPPROVIDER routing and the injected faults. The GP
 * systems do not poll here (poll interval 0), so every mailbox holds only what a test put there.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "carepoint.demo.mesh.gp-poll-interval=0s",
        "carepoint.demo.mesh.shared-key=TestKey",
        "carepoint.demo.mesh.carepoint.mailbox-id=TESTCARE01",
        "carepoint.demo.mesh.carepoint.password=test-care-password",
        "carepoint.demo.mesh.faults.MESHD82044.down=true"})
class DemoMeshApiTest {

    static final String CARE = "TESTCARE01";
    static final String CARE_PW = "test-care-password";
    static final String RIVERSIDE = "MESHA20047";
    static final String RIVERSIDE_PW = "riverside-mesh-demo";
    static final String MOORSIDE = "MESHB82033";
    static final String MOORSIDE_PW = "moorside-mesh-demo";
    static final String REPORT = "GPFED_CONSULT_REPORT";
    static final String ACK = "GPFED_CONSULT_REPORT_ACK";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DemoMeshServer server;

    MeshTestClient mesh;

    @BeforeEach
    void setUp() {
        mesh = new MeshTestClient(port, "TestKey");
        server.clear();
        // Leaves the configured fault (MESHD82044 down) in place.
        server.faults().clear("all");
        server.faults().clear(RIVERSIDE);
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        return JSON.readTree(r.body());
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    String sendToRiverside(byte[] content) {
        HttpResponse<byte[]> r = mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, content).send();
        assertThat(r.statusCode()).isEqualTo(202);
        return json(r).path("message_id").asString();
    }

    List<String> inbox(String mailbox, String password) {
        HttpResponse<byte[]> r = mesh.inbox(mailbox, password).send();
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(r).path("messages").forEach(n -> ids.add(n.asString()));
        return ids;
    }

    void assertRoutingReport(String mexTo, String code) {
        HttpResponse<byte[]> r = mesh.send(CARE, CARE_PW, mexTo, REPORT, "x".getBytes(StandardCharsets.UTF_8))
                .send();
        // "errors encountered when using the automated registered practice routing will not be returned in the
        // API response header or payload, but via a MESH error report".
        assertThat(r.statusCode()).as(mexTo).isEqualTo(202);
        String id = json(r).path("message_id").asString();
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).isEmpty();
        List<String> reports = inbox(CARE, CARE_PW);
        assertThat(reports).hasSize(1);
        HttpResponse<byte[]> report = mesh.download(CARE, CARE_PW, reports.getFirst()).send();
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).isEmpty();
        assertThat(header(report, "mex-messagetype")).isEqualTo("REPORT");
        assertThat(header(report, "mex-linkedmsgid")).isEqualTo(id);
        assertThat(header(report, "mex-statuscode")).isEqualTo(code);
        assertThat(header(report, "mex-statussuccess")).isEqualTo("ERROR");
        assertThat(header(report, "mex-statusevent")).isEqualTo("SEND");
        assertThat(header(report, "mex-workflowid")).isEqualTo(REPORT);
        assertThat(header(report, "mex-localid")).isEqualTo("TEST1");
        JsonNode tracking = json(mesh.tracking(CARE, CARE_PW, id).send());
        assertThat(tracking.path("status").asString()).isEqualTo("undeliverable");
        assertThat(tracking.path("status_success").asBoolean()).isFalse();
        assertThat(tracking.path("status_code").asString()).isEqualTo(code);
        assertThat(mesh.acknowledge(CARE, CARE_PW, reports.getFirst()).send().statusCode()).isEqualTo(200);
        assertThat(inbox(CARE, CARE_PW)).isEmpty();
    }

    static void assertError(HttpResponse<byte[]> r, int status, String event, String code) {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode detail = json(r).path("detail").get(0);
        assertThat(detail.path("event").asString()).isEqualTo(event);
        assertThat(detail.path("code").asString()).isEqualTo(code);
    }

    // -------------------------------------------------------------------------------- Authorisation

    @Test
    void aCorrectTokenIsAccepted() {
        HttpResponse<byte[]> r = mesh.handshake(CARE, CARE_PW).send();
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void theHandshakeNeedsTheClientHeaders() {
        assertThat(mesh.handshake(CARE, CARE_PW).header("Mex-ClientVersion", null).send().statusCode())
                .isEqualTo(400);
        assertThat(mesh.handshake(CARE, CARE_PW).header("Mex-OSName", null).send().statusCode()).isEqualTo(400);
    }

    @Test
    void aWrongPasswordOrSharedKeyGivesAWrongHmac() {
        assertThat(mesh.handshake(CARE, "not-the-password").send().statusCode()).isEqualTo(403);
        String wrongKey = MeshTestClient.token("NotTheKey", CARE, CARE_PW, UUID.randomUUID().toString(), "1",
                Instant.now());
        assertThat(mesh.handshake(CARE, CARE_PW).header("Authorization", wrongKey).send().statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTamperedHashIsRefused() {
        String good = MeshTestClient.token("TestKey", CARE, CARE_PW, UUID.randomUUID().toString(), "1",
                Instant.now());
        String tampered = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        assertThat(mesh.handshake(CARE, CARE_PW).header("Authorization", tampered).send().statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTimestampMoreThanTwoHoursFromTheServersTimeIsRefused() {
        String stale = MeshTestClient.token("TestKey", CARE, CARE_PW, UUID.randomUUID().toString(), "1",
                Instant.now().minus(Duration.ofHours(3)));
        assertThat(mesh.handshake(CARE, CARE_PW).header("Authorization", stale).send().statusCode())
                .isEqualTo(403);
        String future = MeshTestClient.token("TestKey", CARE, CARE_PW, UUID.randomUUID().toString(), "1",
                Instant.now().plus(Duration.ofHours(3)));
        assertThat(mesh.handshake(CARE, CARE_PW).header("Authorization", future).send().statusCode())
                .isEqualTo(403);
        String anHourAgo = MeshTestClient.token("TestKey", CARE, CARE_PW, UUID.randomUUID().toString(), "1",
                Instant.now().minus(Duration.ofHours(1)));
        assertThat(mesh.handshake(CARE, CARE_PW).header("Authorization", anHourAgo).send().statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTokenIsValidForOneRequestOnly() {
        String nonce = UUID.randomUUID().toString();
        String token = MeshTestClient.token("TestKey", CARE, CARE_PW, nonce, "1", Instant.now());
        assertThat(mesh.handshake(CARE, CARE_PW).header("Authorization", token).send().statusCode())
                .isEqualTo(200);
        assertThat(mesh.handshake(CARE, CARE_PW).header("Authorization", token).send().statusCode())
                .isEqualTo(403);
        // "Changing the nonce and/or nonce_count elements between requests ensures the Authorization header is
        // unique and valid".
        String nextCount = MeshTestClient.token("TestKey", CARE, CARE_PW, nonce, "2", Instant.now());
        assertThat(mesh.handshake(CARE, CARE_PW).header("Authorization", nextCount).send().statusCode())
                .isEqualTo(200);
    }

    @Test
    void theTokensMailboxMustBeThePathsMailbox() {
        String riversideToken = mesh.token(RIVERSIDE, RIVERSIDE_PW);
        HttpResponse<byte[]> r = mesh.inbox(CARE, CARE_PW).header("Authorization", riversideToken).send();
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : List.of("", "NHSMESH", "Bearer abc", "NHSMESH " + CARE + ":nonce:1:202401011200",
                "NHSMESH " + CARE + ":nonce:x:202401011200:abcd", "NHSMESH" + CARE + ":n:1:202401011200:ab")) {
            assertThat(mesh.inbox(CARE, CARE_PW).header("Authorization", bad).send().statusCode())
                    .as(bad).isEqualTo(403);
        }
        assertThat(mesh.inbox(CARE, CARE_PW).header("Authorization", null).send().statusCode()).isEqualTo(403);
    }

    @Test
    void theMeshServerAnswersOnlyThisMachine() {
        // The same loopback-only filter as the other demo services: a proxied request is not from this machine.
        assertThat(mesh.handshake(CARE, CARE_PW).header("X-Forwarded-For", "203.0.113.9").send().statusCode())
                .isEqualTo(403);
    }

    @Test
    void anUnknownMailboxIsRefused() {
        assertThat(mesh.handshake("NOSUCHBOX1", "x").send().statusCode()).isEqualTo(403);
    }

    @Test
    void onlyVersionTwoIsServed() {
        assertThat(mesh.inbox(CARE, CARE_PW).header("Accept", "application/vnd.mesh.v1+json").send()
                .statusCode()).isEqualTo(406);
        assertThat(mesh.inbox(CARE, CARE_PW).header("Accept", "application/vnd.mesh.vx+json").send()
                .statusCode()).isEqualTo(400);
        assertThat(mesh.inbox(CARE, CARE_PW).header("Accept", null).send().statusCode()).isEqualTo(406);
    }

    // -------------------------------------------------------------------------------- SendAndReceive

    @Test
    void aMessageGoesFromOutboxToInboxAndIsAcknowledged() {
        byte[] content = "<Bundle xmlns=\"http://hl7.org/fhir\"/>".getBytes(StandardCharsets.UTF_8);
        String id = sendToRiverside(content);
        assertThat(id).matches("\\d{20}_[0-9A-F]{6}");
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).containsExactly(id);
        assertThat(inbox(CARE, CARE_PW)).isEmpty();

        HttpResponse<byte[]> tracked = mesh.tracking(CARE, CARE_PW, id).send();
        assertThat(tracked.statusCode()).isEqualTo(200);
        assertThat(json(tracked).path("status").asString()).isEqualTo("accepted");
        assertThat(json(tracked).path("recipient").asString()).isEqualTo(RIVERSIDE);
        assertThat(json(tracked).path("local_id").asString()).isEqualTo("TEST1");
        assertThat(json(tracked).path("workflow_id").asString()).isEqualTo(REPORT);

        HttpResponse<byte[]> d = mesh.download(RIVERSIDE, RIVERSIDE_PW, id).send();
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).isEqualTo(content);
        assertThat(header(d, "mex-from")).isEqualTo(CARE);
        assertThat(header(d, "mex-to")).isEqualTo(RIVERSIDE);
        assertThat(header(d, "mex-workflowid")).isEqualTo(REPORT);
        assertThat(header(d, "mex-messagetype")).isEqualTo("DATA");
        assertThat(header(d, "mex-messageid")).isEqualTo(id);
        assertThat(header(d, "mex-localid")).isEqualTo("TEST1");
        assertThat(header(d, "mex-subject")).isEqualTo("Test message");
        assertThat(header(d, "mex-filename")).isEqualTo("message.xml");
        assertThat(header(d, "mex-statuscode")).isEqualTo("00");
        assertThat(header(d, "mex-statussuccess")).isEqualTo("SUCCESS");
        assertThat(header(d, "mex-chunk-range")).isEqualTo("1:1");
        assertThat(header(d, "Content-Type")).startsWith("application/fhir+xml");

        // Downloading does not acknowledge.
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).containsExactly(id);
        assertThat(mesh.acknowledge(CARE, CARE_PW, id).send().statusCode()).isEqualTo(403);
        assertThat(mesh.acknowledge(RIVERSIDE, RIVERSIDE_PW, id).send().statusCode()).isEqualTo(200);
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).isEmpty();
        assertThat(json(mesh.tracking(CARE, CARE_PW, id).send()).path("status").asString())
                .isEqualTo("acknowledged");
        assertThat(mesh.download(RIVERSIDE, RIVERSIDE_PW, id).send().statusCode()).isEqualTo(410);
        assertThat(mesh.acknowledge(RIVERSIDE, RIVERSIDE_PW, id).send().statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheRecipientDownloadsAndOnlyTheSenderTracks() {
        String id = sendToRiverside("x".getBytes(StandardCharsets.UTF_8));
        assertThat(mesh.download(MOORSIDE, MOORSIDE_PW, id).send().statusCode()).isEqualTo(403);
        assertThat(mesh.tracking(MOORSIDE, MOORSIDE_PW, id).send().statusCode()).isEqualTo(404);
        assertThat(mesh.download(RIVERSIDE, RIVERSIDE_PW, "20200101000000000000_ABCDEF").send().statusCode())
                .isEqualTo(404);
    }

    @Test
    void everySendIsANewMessage() {
        byte[] content = "same".getBytes(StandardCharsets.UTF_8);
        String first = sendToRiverside(content);
        String second = sendToRiverside(content);
        assertThat(first).isNotEqualTo(second);
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).containsExactly(first, second);
    }

    @Test
    void requiredHeadersAndTheirChecks() {
        byte[] c = "x".getBytes(StandardCharsets.UTF_8);
        assertError(mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, c).header("Mex-To", null).send(), 400, "SEND",
                "08");
        assertThat(mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, c).header("Mex-WorkflowID", null).send()
                .statusCode()).isEqualTo(400);
        assertError(mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, c).header("Mex-From", RIVERSIDE).send(), 400,
                "SEND", "07");
        assertError(mesh.send(CARE, CARE_PW, "NOSUCHBOX1", REPORT, c).send(), 417, "SEND", "12");
        assertError(mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, new byte[0]).send(), 417, "COLLECT", "02");
        assertError(mesh.send(CARE, CARE_PW, "https://example.org", REPORT, c).send(), 400, "TRANSFER", "06");
        assertError(mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, c).header("Content-Encoding", "br").send(), 422,
                "SEND", "UnsupportedContentEncoding");
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).isEmpty();
    }

    @Test
    void workflowsAreAllowedPerMailbox() {
        byte[] c = "x".getBytes(StandardCharsets.UTF_8);
        // Carepoint sends reports, not acknowledgements.
        assertError(mesh.send(CARE, CARE_PW, RIVERSIDE, ACK, c).send(), 417, "SEND", "16");
        // A practice sends acknowledgements; another practice does not receive them.
        assertError(mesh.send(RIVERSIDE, RIVERSIDE_PW, MOORSIDE, ACK, c).send(), 417, "SEND", "17");
        assertThat(mesh.send(RIVERSIDE, RIVERSIDE_PW, CARE, ACK, c).send().statusCode()).isEqualTo(202);
    }

    @Test
    void gzipIsStoredAsSentAndDecompressedForAClientThatDoesNotAcceptIt() throws IOException {
        byte[] content = "<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"1\"/></Bundle>".repeat(50)
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> sent = mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, gzip(content))
                .header("Content-Encoding", "gzip").send();
        assertThat(sent.statusCode()).isEqualTo(202);
        String id = json(sent).path("message_id").asString();
        HttpResponse<byte[]> plain = mesh.download(RIVERSIDE, RIVERSIDE_PW, id).send();
        assertThat(plain.body()).isEqualTo(content);
        HttpResponse<byte[]> zipped = mesh.download(RIVERSIDE, RIVERSIDE_PW, id)
                .header("Accept-Encoding", "gzip").send();
        assertThat(header(zipped, "content-encoding")).isEqualTo("gzip");
        assertThat(gunzip(zipped.body())).isEqualTo(content);
        assertThat(mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, content).header("Content-Encoding", "gzip").send()
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aChunkedMessageIsDeliveredWhenItsLastChunkArrives() throws IOException {
        byte[][] parts = {"part one|".getBytes(StandardCharsets.UTF_8), "part two|".getBytes(StandardCharsets.UTF_8),
                "part three".getBytes(StandardCharsets.UTF_8)};
        HttpResponse<byte[]> first = mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, gzip(parts[0]))
                .header("Content-Encoding", "gzip").header("Mex-Chunk-Range", "1:3").send();
        assertThat(first.statusCode()).isEqualTo(202);
        String id = json(first).path("message_id").asString();
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).isEmpty();
        assertThat(json(mesh.tracking(CARE, CARE_PW, id).send()).path("status").asString()).isEqualTo("uploading");
        String chunkPath = "/messageexchange/" + CARE + "/outbox/" + id + "/";
        // A chunk whose range does not match its number, or that changes the encoding, is refused.
        assertThat(mesh.call("POST", chunkPath + "2", CARE, CARE_PW).header("Mex-Chunk-Range", "3:3")
                .header("Content-Encoding", "gzip").body(gzip(parts[1])).send().statusCode()).isEqualTo(417);
        assertThat(mesh.call("POST", chunkPath + "2", CARE, CARE_PW).header("Mex-Chunk-Range", "2:3")
                .body(parts[1]).send().statusCode()).isEqualTo(417);
        assertThat(mesh.call("POST", chunkPath + "2", CARE, CARE_PW).header("Mex-Chunk-Range", "2:3")
                .header("Content-Encoding", "gzip").body(gzip(parts[1])).send().statusCode()).isEqualTo(202);
        assertThat(mesh.call("POST", chunkPath + "3", CARE, CARE_PW).header("Mex-Chunk-Range", "3:3")
                .header("Content-Encoding", "gzip").body(gzip(parts[2])).send().statusCode()).isEqualTo(202);
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).containsExactly(id);
        // Uploading is over: another chunk is refused (423 Locked).
        assertThat(mesh.call("POST", chunkPath + "3", CARE, CARE_PW).header("Mex-Chunk-Range", "3:3")
                .header("Content-Encoding", "gzip").body(gzip(parts[2])).send().statusCode()).isEqualTo(423);

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        HttpResponse<byte[]> c1 = mesh.download(RIVERSIDE, RIVERSIDE_PW, id).send();
        assertThat(c1.statusCode()).isEqualTo(206);
        assertThat(header(c1, "mex-chunk-range")).isEqualTo("1:3");
        all.write(c1.body());
        HttpResponse<byte[]> c2 = mesh.call("GET", "/messageexchange/" + RIVERSIDE + "/inbox/" + id + "/2",
                RIVERSIDE, RIVERSIDE_PW).send();
        assertThat(c2.statusCode()).isEqualTo(206);
        all.write(c2.body());
        HttpResponse<byte[]> c3 = mesh.call("GET", "/messageexchange/" + RIVERSIDE + "/inbox/" + id + "/3",
                RIVERSIDE, RIVERSIDE_PW).send();
        assertThat(c3.statusCode()).isEqualTo(200);
        assertThat(header(c3, "mex-chunk-range")).isEqualTo("3:3");
        all.write(c3.body());
        assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo("part one|part two|part three");
    }

    @Test
    void trackingByLocalIdNeedsAUniqueLocalId() {
        byte[] c = "x".getBytes(StandardCharsets.UTF_8);
        String path = "/messageexchange/" + CARE + "/outbox/tracking/";
        String id = json(mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, c).header("Mex-LocalID", "ONLY-ONE").send())
                .path("message_id").asString();
        HttpResponse<byte[]> one = mesh.call("GET", path + "ONLY-ONE", CARE, CARE_PW).send();
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).path("message_id").asString()).isEqualTo(id);
        mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, c).header("Mex-LocalID", "TWICE").send();
        mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, c).header("Mex-LocalID", "TWICE").send();
        assertThat(mesh.call("GET", path + "TWICE", CARE, CARE_PW).send().statusCode()).isEqualTo(300);
        assertThat(mesh.call("GET", path + "NONE", CARE, CARE_PW).send().statusCode()).isEqualTo(404);
        HttpResponse<byte[]> byStatus = mesh.call("GET", "/messageexchange/" + CARE + "/outbox/" + id + "/status",
                CARE, CARE_PW).send();
        assertThat(json(byStatus).path("status").asString()).isEqualTo("accepted");
    }

    @Test
    void theInboxIsPaged() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(sendToRiverside(("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> page = mesh.call("GET", "/messageexchange/" + RIVERSIDE + "/inbox?max_results=2",
                RIVERSIDE, RIVERSIDE_PW).send();
        JsonNode body = json(page);
        assertThat(body.path("messages").size()).isEqualTo(2);
        assertThat(body.path("approx_inbox_count").asInt()).isEqualTo(3);
        String next = body.path("links").path("next").asString();
        HttpResponse<byte[]> rest = mesh.call("GET", next, RIVERSIDE, RIVERSIDE_PW).send();
        assertThat(json(rest).path("messages").get(0).asString()).isEqualTo(sent.get(2));
    }

    @Test
    void theEndpointLookupFindsAPracticesMailbox() {
        HttpResponse<byte[]> r = mesh.call("GET", "/messageexchange/endpointlookup/A20047/" + REPORT, CARE,
                CARE_PW).send();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("results").get(0).path("address").asString()).isEqualTo(RIVERSIDE);
    }

    /*
     * Routing to the registered practice (gpconnect-messaging pages/integration/integration_mesh.md): Mex-To
     * GPPROVIDER_nhsnumber_yyyyMMdd_surname, resolved through the demographics stand-in's registered practice.
     */
    // -------------------------------------------------------------------------------- GpProviderRouting

    @Test
    void aPatientsAddressReachesTheRegisteredPracticesMailbox() {
        // Mrs Susan Hargreaves, 999 000 0018, born 4 January 1961, registered at Riverside (A20047).
        HttpResponse<byte[]> r = mesh.send(CARE, CARE_PW, "GPPROVIDER_9990000018_19610104_Hargreaves", REPORT,
                "x".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(r.statusCode()).isEqualTo(202);
        String id = json(r).path("message_id").asString();
        assertThat(inbox(RIVERSIDE, RIVERSIDE_PW)).containsExactly(id);
        // The identified mailbox replaces the patient details.
        assertThat(header(mesh.download(RIVERSIDE, RIVERSIDE_PW, id).send(), "mex-to")).isEqualTo(RIVERSIDE);
        assertThat(json(mesh.tracking(CARE, CARE_PW, id).send()).path("recipient").asString()).isEqualTo(RIVERSIDE);
    }

    @Test
    void theSurnameIsComparedIgnoringCase() {
        assertThat(mesh.send(CARE, CARE_PW, "GPPROVIDER_9990000220_19950722_DAVIES", REPORT,
                "x".getBytes(StandardCharsets.UTF_8)).send().statusCode()).isEqualTo(202);
        assertThat(inbox(MOORSIDE, MOORSIDE_PW)).hasSize(1);
    }

    @Test
    void aDateOfBirthInDdMmYyyyDoesNotMatchTheDemographics() {
        assertRoutingReport("GPPROVIDER_9990000018_04011961_Hargreaves", "EPL-154");
    }

    @Test
    void aWrongSurnameDoesNotMatchTheDemographics() {
        assertRoutingReport("GPPROVIDER_9990000018_19610104_Smith", "EPL-154");
    }

    @Test
    void anInvalidNhsNumber() {
        assertRoutingReport("GPPROVIDER_9990000019_19610104_Hargreaves", "EPL-152");
    }

    @Test
    void anNhsNumberNotFound() {
        // 999 000 0026 passes the modulus 11 check but no demo patient has it.
        assertRoutingReport("GPPROVIDER_9990000026_19610104_Hargreaves", "EPL-153");
    }

    @Test
    void aPracticeWithNoMailbox() {
        // Mr O'Connor is registered at P99999, which has no mailbox on the demo MESH server.
        assertRoutingReport("GPPROVIDER_9990000786_19790418_O'Connor", "EPL-151");
    }

    @Test
    void aLowerCaseTagIsNotAGpProviderAddress() {
        assertError(mesh.send(CARE, CARE_PW, "gpprovider_9990000018_19610104_Hargreaves", REPORT,
                "x".getBytes(StandardCharsets.UTF_8)).send(), 417, "SEND", "12");
    }

    // -------------------------------------------------------------------------------- Faults

    @Test
    void aMailboxConfiguredDownAnswers503() {
        // carepoint.demo.mesh.faults.MESHD82044.down=true
        HttpResponse<byte[]> r = mesh.inbox("MESHD82044", "harbour-mesh-demo").send();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(header(r, "Retry-After")).isNotNull();
    }

    @Test
    void theWholeServerDownAndBack() {
        server.faults().set("all", new DemoMeshProperties.Faults(true, Duration.ZERO, 0, false, List.of(), List.of()));
        assertThat(mesh.handshake(CARE, CARE_PW).send().statusCode()).isEqualTo(503);
        assertThat(mesh.inbox(RIVERSIDE, RIVERSIDE_PW).send().statusCode()).isEqualTo(503);
        server.faults().clear("all");
        assertThat(mesh.handshake(CARE, CARE_PW).send().statusCode()).isEqualTo(200);
    }

    @Test
    void anErrorRateOfOneFailsOnlyThatMailbox() {
        server.faults().set(RIVERSIDE, new DemoMeshProperties.Faults(false, Duration.ZERO, 1, false, List.of(), List.of()));
        assertThat(mesh.inbox(RIVERSIDE, RIVERSIDE_PW).send().statusCode()).isEqualTo(500);
        assertThat(mesh.inbox(CARE, CARE_PW).send().statusCode()).isEqualTo(200);
    }

    @Test
    void aSlowServerStillAnswers() {
        server.faults().set("all", new DemoMeshProperties.Faults(false, Duration.ofMillis(200), 0, false,
                List.of(), List.of()));
        assertThat(mesh.handshake(CARE, CARE_PW).send().statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedRecipient() {
        server.faults().set(RIVERSIDE, new DemoMeshProperties.Faults(false, Duration.ZERO, 0, true, List.of(), List.of()));
        assertError(mesh.send(CARE, CARE_PW, RIVERSIDE, REPORT, "x".getBytes(StandardCharsets.UTF_8)).send(), 417,
                "SEND", "12");
        assertError(mesh.send(CARE, CARE_PW, "GPPROVIDER_9990000018_19610104_Hargreaves", REPORT,
                "x".getBytes(StandardCharsets.UTF_8)).send(), 417, "SEND", "12");
    }

    @Test
    void aRefusedPatientFailsRouting() {
        server.faults().set("all", new DemoMeshProperties.Faults(false, Duration.ZERO, 0, false,
                List.of("9990000018"), List.of()));
        assertRoutingReport("GPPROVIDER_9990000018_19610104_Hargreaves", "EPL-151");
    }

    @Test
    void faultsAreSwitchedOverHttpToo() {
        HttpResponse<byte[]> put = mesh.call("PUT", "/admin/faults/all", CARE, CARE_PW)
                .header("Content-Type", "application/json")
                .body("{\"down\":true}".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(mesh.handshake(CARE, CARE_PW).send().statusCode()).isEqualTo(503);
        assertThat(mesh.call("DELETE", "/admin/faults", CARE, CARE_PW).send().statusCode()).isEqualTo(204);
        assertThat(mesh.handshake(CARE, CARE_PW).send().statusCode()).isEqualTo(200);
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] content) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        }
    }
}
