package com.carepoint.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The MESH client against {@link FakeMeshServer}, a loopback MESH written from the MESH API specification. Every test
 * also requires that the fake saw no rule broken.
 */
class MeshClientTest {

    static final String MAILBOX = "X26ABC1";
    FakeMeshServer mesh;

    @BeforeEach
    void start() throws IOException {
        mesh = new FakeMeshServer();
        mesh.passwords.put(MAILBOX, "password");
        mesh.passwords.put("X26ABC2", "password");
        mesh.recipients.add("X26ABC2");
    }

    @AfterEach
    void stop() {
        mesh.close();
    }

    static MeshProperties properties(String baseUrl, Map<String, String> extra) {
        Map<String, String> map = new java.util.HashMap<>(Map.of(
                "carepoint.mesh.base-url", baseUrl,
                "carepoint.mesh.mailbox-id", "x26abc1",
                "carepoint.mesh.mailbox-password", "password",
                "carepoint.mesh.shared-key", FakeMeshServer.SHARED_KEY,
                "carepoint.mesh.read-timeout", "5s",
                "carepoint.mesh.call-deadline", "20s"));
        map.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(map)).bind("carepoint.mesh", MeshProperties.class).get();
    }

    MeshClient client(Map<String, String> extra) {
        return MeshClient.create(properties(mesh.baseUrl(), extra));
    }

    MeshClient client() {
        return client(Map.of());
    }

    static OutgoingMessage message(String to, byte[] body) {
        return new OutgoingMessage(to, "GPFED_CONSULT_REPORT", body, "application/fhir+xml", "report.xml", "RX9",
                "Consultation report");
    }

    @Test
    void theHandshakeIsAGetOnTheMailboxWithTheClientAndOsHeaders() throws Exception {
        client().handshake();
        var r = mesh.requests.get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/messageexchange/X26ABC1");
        assertThat(r.header("Mex-ClientVersion")).isEqualTo("Carepoint==0.1.0");
        assertThat(r.header("Mex-OSName")).isNotBlank();
        assertThat(r.header("Mex-OSVersion")).isNotBlank();
        assertThat(mesh.violations).isEmpty();
    }

    @Test
    void aSendCarriesTheRequiredHeadersAndReturnsMeshsMessageId() throws Exception {
        byte[] body = "<Bundle xmlns=\"http://hl7.org/fhir\"/>".getBytes(StandardCharsets.UTF_8);
        String id = client(Map.of("carepoint.mesh.compress", "false")).send(
                message("GPPROVIDER_9990000018_19570109_Smith", body));

        var r = mesh.requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/messageexchange/X26ABC1/outbox");
        assertThat(r.header("Mex-From")).isEqualTo("X26ABC1");
        assertThat(r.header("Mex-To")).isEqualTo("GPPROVIDER_9990000018_19570109_Smith");
        assertThat(r.header("Mex-WorkflowID")).isEqualTo("GPFED_CONSULT_REPORT");
        assertThat(r.header("Mex-FileName")).isEqualTo("report.xml");
        assertThat(r.header("Mex-LocalID")).isEqualTo("RX9");
        assertThat(r.header("Mex-Subject")).isEqualTo("Consultation report");
        assertThat(r.header("Content-Type")).isEqualTo("application/fhir+xml");
        assertThat(r.header("Content-Encoding")).isNull();
        assertThat(r.header("Mex-Chunk-Range")).isNull();
        assertThat(r.body()).isEqualTo(body);
        assertThat(id).isEqualTo(mesh.messages.keySet().iterator().next());
        assertThat(mesh.violations).isEmpty();
    }

    @Test
    void compressionIsDeclaredAsContentEncodingGzip() throws Exception {
        byte[] body = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        client().send(message("X26ABC2", body));
        var r = mesh.requests.get(0);
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.body().length).isLessThan(body.length);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes()).isEqualTo(body);
        // Mex-Content-Compressed would tell the recipient the decoded content is itself compressed: it is not.
        assertThat(r.header("Mex-Content-Compressed")).isNull();
        assertThat(mesh.violations).isEmpty();
    }

    @Test
    void aLargeMessageIsSplitUncompressedThenEachChunkGzippedOnItsOwn() throws Exception {
        byte[] body = new byte[2500];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        String id = client(Map.of("carepoint.mesh.chunk-bytes", "1000")).send(message("X26ABC2", body));

        assertThat(mesh.requests).hasSize(3);
        var first = mesh.requests.get(0);
        assertThat(first.path()).isEqualTo("/messageexchange/X26ABC1/outbox");
        assertThat(first.header("Mex-Chunk-Range")).isEqualTo("1:3");
        assertThat(first.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(first.header("Mex-Content-Type")).isEqualTo("application/fhir+xml");
        assertThat(mesh.requests.get(1).path()).isEqualTo("/messageexchange/X26ABC1/outbox/" + id + "/2");
        assertThat(mesh.requests.get(1).header("Mex-Chunk-Range")).isEqualTo("2:3");
        assertThat(mesh.requests.get(2).header("Mex-Chunk-Range")).isEqualTo("3:3");
        for (var r : mesh.requests) {
            assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        }
        var stored = mesh.messages.get(id);
        assertThat(stored.status).isEqualTo("accepted");
        assertThat(stored.chunks).extracting(c -> c.length).containsExactly(1000, 1000, 500);
        assertThat(mesh.violations).isEmpty();
    }

    @Test
    void anUnregisteredRecipientIsATypedFailureNotWorthRetrying() {
        assertThatThrownBy(() -> client().send(message("X99NOPE", new byte[] {1})))
                .isInstanceOfSatisfying(MeshException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MeshException.Kind.UNKNOWN_RECIPIENT);
                    assertThat(e.httpStatus()).isEqualTo(417);
                    assertThat(e.errorCode()).contains("12");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.outcomeUnknown()).isFalse();
                });
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureForAnOperator() {
        mesh.passwords.put(MAILBOX, "another");
        assertThatThrownBy(() -> client().handshake()).isInstanceOfSatisfying(MeshException.class, e -> {
            assertThat(e.kind()).isEqualTo(MeshException.Kind.AUTHENTICATION_FAILED);
            assertThat(e.kind().needsOperator()).isTrue();
            assertThat(e.retryable()).isFalse();
        });
    }

    @Test
    void anUnknownMailboxIsSaidSo() {
        mesh.passwords.remove(MAILBOX);
        assertThatThrownBy(() -> client().handshake()).isInstanceOfSatisfying(MeshException.class,
                e -> assertThat(e.kind()).isEqualTo(MeshException.Kind.MAILBOX_NOT_FOUND));
    }

    @Test
    void aServerErrorOnSendIsRetryableAndMayHaveBeenAccepted() {
        mesh.failWith = 503;
        assertThatThrownBy(() -> client().send(message("X26ABC2", new byte[] {1})))
                .isInstanceOfSatisfying(MeshException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MeshException.Kind.SERVER_ERROR);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }

    @Test
    void noAnswerInTimeIsATimeoutWhoseOutcomeIsUnknown() {
        mesh.hold = new CountDownLatch(1);
        MeshClient client = client(Map.of("carepoint.mesh.read-timeout", "300ms", "carepoint.mesh.call-deadline",
                "30s"));
        assertThatThrownBy(() -> client.send(message("X26ABC2", new byte[] {1})))
                .isInstanceOfSatisfying(MeshException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MeshException.Kind.TIMEOUT);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }

    @Test
    void nothingListeningIsAConnectionFailureAndTheMessageCertainlyDidNotLeave() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        MeshClient client = MeshClient.create(properties("http://127.0.0.1:" + port, Map.of()));
        assertThatThrownBy(() -> client.send(message("X26ABC2", new byte[] {1})))
                .isInstanceOfSatisfying(MeshException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MeshException.Kind.CONNECTION_FAILED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.outcomeUnknown()).isFalse();
                });
    }

    @Test
    void theInboxFollowsTheNextLinksAndDownloadsReassembleChunks() throws Exception {
        mesh.inboxPageSize = 2;
        for (int i = 0; i < 4; i++) {
            mesh.deliver(MAILBOX, "X26ABC2", "GPFED_CONSULT_REPORT_ACK", ("ack" + i).getBytes(StandardCharsets.UTF_8));
        }
        var chunked = mesh.deliver(MAILBOX, "X26ABC2", "GPFED_CONSULT_REPORT_ACK",
                "first half,".getBytes(StandardCharsets.UTF_8), " second half".getBytes(StandardCharsets.UTF_8));
        MeshClient client = client();

        assertThat(client.inbox()).hasSize(5).contains(chunked.id);
        DownloadedMessage m = client.download(chunked.id);
        assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("first half, second half");
        assertThat(m.type()).isEqualTo(DownloadedMessage.Type.DATA);
        assertThat(m.workflowId()).isEqualTo("GPFED_CONSULT_REPORT_ACK");
        assertThat(m.from()).isEqualTo("X26ABC2");
        assertThat(mesh.requests.stream().map(FakeMeshServer.Seen::path))
                .contains("/messageexchange/X26ABC1/inbox/" + chunked.id,
                        "/messageexchange/X26ABC1/inbox/" + chunked.id + "/2");

        client.acknowledge(chunked.id);
        var ack = mesh.requests.get(mesh.requests.size() - 1);
        assertThat(ack.method()).isEqualTo("PUT");
        assertThat(ack.path()).isEqualTo("/messageexchange/X26ABC1/inbox/" + chunked.id + "/status/acknowledged");
        assertThat(client.inbox()).hasSize(4).doesNotContain(chunked.id);
        assertThatThrownBy(() -> client.download(chunked.id)).isInstanceOfSatisfying(MeshException.class,
                e -> assertThat(e.kind()).isEqualTo(MeshException.Kind.GONE));
        assertThat(mesh.violations).isEmpty();
    }

    @Test
    void anErrorReportIsReadFromItsHeaders() throws Exception {
        var report = mesh.deliver(MAILBOX, "X26ABC1", "GPFED_CONSULT_REPORT");
        report.messageType = "REPORT";
        report.headers.put("Mex-LinkedMsgID", "20200529155357895317_3573F8");
        report.headers.put("Mex-StatusCode", "EPL-154");
        report.headers.put("Mex-StatusEvent", "SEND");
        report.headers.put("Mex-StatusSuccess", "ERROR");
        report.headers.put("Mex-StatusDescription", "NHS Number supplied does not match the demographics");

        DownloadedMessage m = client().download(report.id);
        assertThat(m.type()).isEqualTo(DownloadedMessage.Type.REPORT);
        assertThat(m.body()).isEmpty();
        MeshReport r = m.report().orElseThrow();
        assertThat(r.linkedMessageId()).isEqualTo("20200529155357895317_3573F8");
        assertThat(r.statusCode()).isEqualTo("EPL-154");
        assertThat(r.success()).isFalse();
        assertThat(r.plainEnglish()).isEqualTo(
                "The NHS number does not match the date of birth and surname on the national demographics service");
    }

    @Test
    void trackingIsByMessageIdAndReadsTheV2Answer() throws Exception {
        MeshClient client = client();
        String id = client.send(message("X26ABC2", new byte[] {1, 2, 3}));
        TrackingInfo t = client.track(id);
        assertThat(mesh.requests.get(1).path()).isEqualTo("/messageexchange/X26ABC1/outbox/tracking");
        assertThat(mesh.requests.get(1).query()).isEqualTo("messageID=" + id);
        assertThat(t.messageId()).isEqualTo(id);
        assertThat(t.localId()).isEqualTo("RX9");
        assertThat(t.state()).isEqualTo(TrackingInfo.State.ACCEPTED);
        mesh.messages.get(id).status = "acknowledged";
        assertThat(client.track(id).state()).isEqualTo(TrackingInfo.State.ACKNOWLEDGED);
        assertThatThrownBy(() -> client.track("NOSUCHMESSAGE")).isInstanceOfSatisfying(MeshException.class,
                e -> assertThat(e.kind()).isEqualTo(MeshException.Kind.NOT_FOUND));
        assertThat(mesh.violations).isEmpty();
    }

    @Test
    void anAnswerLargerThanTheBoundIsRefused() {
        var m = mesh.deliver(MAILBOX, "X26ABC2", "W", new byte[10]);
        mesh.padDownloads = 5000;
        MeshClient client = client(Map.of("carepoint.mesh.max-message-bytes", "1000"));
        assertThatThrownBy(() -> client.download(m.id)).isInstanceOfSatisfying(MeshException.class,
                e -> assertThat(e.kind()).isEqualTo(MeshException.Kind.UNREADABLE_RESPONSE));
    }

    @Test
    void everyRequestHasItsOwnTokenSoNoneIsRefusedAsReused() throws Exception {
        MeshClient client = client();
        for (int i = 0; i < 5; i++) {
            client.handshake();
        }
        assertThat(mesh.requests).hasSize(5);
        assertThat(mesh.requests.stream().map(r -> r.header("Authorization")).distinct()).hasSize(5);
        assertThat(mesh.violations).isEmpty();
    }

    @Test
    void headerValuesMeshWouldRefuseAreNotSent() {
        assertThatThrownBy(() -> message("GPPROVIDER_1_2_Sm\nith", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message("GPPROVIDER_1_2_Zoë", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message("X".repeat(101), new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message("X26ABC2", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(mesh.requests).isEmpty();
    }

    @Test
    void aRelativeBaseUrlIsResolvedAtEachCall() throws Exception {
        MeshClient client = new MeshClient(properties("/", Map.of()), () -> URI.create(mesh.baseUrl()),
                Clock.systemUTC(), null);
        client.handshake();
        assertThat(mesh.requests).hasSize(1);
    }

    @Test
    void propertiesBindWithDefaultsAndNeverPrintSecrets() {
        MeshProperties p = properties("https://msg.intspineservices.nhs.uk", Map.of());
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.compress()).isTrue();
        assertThat(p.tls().keyStoreType()).isEqualTo("PKCS12");
        assertThat(p.toString()).doesNotContain("password").doesNotContain(FakeMeshServer.SHARED_KEY);
    }
}
