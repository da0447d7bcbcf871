package com.carepoint.demopractice.gpinbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demo GP system's own MESH API client (version 2), written for the demo from the MESH API specification
 * (NHSDigital/mesh-api-specification, specification/mesh-api.yaml): it shares no code with Carepoint's MESH
 * client, nor with the demo MESH server's token check.
 * <ul>
 * <li>Token: "NHSMESH " + {@code mailbox_id:nonce:nonce_count:timestamp:hash}, the hash an HMAC-SHA256 hex digest
 * keyed by the shared secret over {@code mailbox_id:nonce:nonce_count:mailbox_password:timestamp}, the timestamp
 * {@code yyyyMMddHHmm}; a new nonce for every request ("you must generate a new token for every request").</li>
 * <li>Poll cycle (OAS "Inbox poll cycle"): check the inbox, download each message and its chunks, acknowledge.</li>
 * </ul>
 */
final class GpMeshClient {

    static final String V2 = "application/vnd.mesh.v2+json";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** The largest message (all chunks, decompressed) this GP system takes. */
    static final int MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

    /** A MESH answer other than the one expected. */
    static final class MeshCallFailed extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        MeshCallFailed(String what, int status) {
            super(what + " answered HTTP " + status);
            this.status = status;
        }
    }

    /** A downloaded message: its MESH headers (lower-case names) and its whole content, decompressed. */
    record Downloaded(String messageId, Map<String, String> headers, byte[] content) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpClient http;
    private final String base;
    private final String mailboxId;
    private final String password;
    private final byte[] sharedKey;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final AtomicLong nonceCount = new AtomicLong();

    GpMeshClient(HttpClient http, String base, String mailboxId, String password, String sharedKey, Clock clock) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.mailboxId = mailboxId;
        this.password = password;
        this.sharedKey = sharedKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    String mailboxId() {
        return mailboxId;
    }

    String token() {
        String nonce = UUID.randomUUID().toString();
        String count = Long.toString(nonceCount.incrementAndGet());
        String timestamp = TIMESTAMP.format(clock.instant());
        String message = mailboxId + ":" + nonce + ":" + count + ":" + password + ":" + timestamp;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedKey, "HmacSHA256"));
            String hash = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            return "NHSMESH " + mailboxId + ":" + nonce + ":" + count + ":" + timestamp + ":" + hash;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/messageexchange/" + mailboxId + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token())
                .header("Accept", V2);
    }

    /** OAS "Validate a mailbox (Handshake)", with the required Mex-ClientVersion, Mex-OSName and Mex-OSVersion. */
    void handshake() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request("")
                .header("Mex-ClientVersion", "CarepointDemoGpSystem==1.0")
                .header("Mex-OSName", System.getProperty("os.name", "Linux"))
                .header("Mex-OSVersion", System.getProperty("os.version", "unknown"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        expect("handshake", r, 200);
    }

    /** The ids waiting in the inbox (every page: "Continue the polling and download cycle until you empty it"). */
    List<String> inbox() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String path = "/inbox";
        for (int page = 0; page < 20 && path != null; page++) {
            HttpResponse<byte[]> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            expect("inbox", r, 200);
            JsonNode body = json.readTree(r.body());
            body.path("messages").forEach(n -> ids.add(n.asString()));
            String next = body.path("links").path("next").asString(null);
            path = next == null ? null : next.substring(next.indexOf("/inbox"));
        }
        return ids;
    }

    /** OAS "Download message" and, for a chunked one (206, Mex-Chunk-Range 1:N), each further chunk. */
    Downloaded download(String messageId) throws IOException, InterruptedException {
        HttpResponse<byte[]> first = http.send(request("/inbox/" + messageId).header("Accept-Encoding", "gzip").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (first.statusCode() != 200 && first.statusCode() != 206) {
            throw new MeshCallFailed("download", first.statusCode());
        }
        Map<String, String> headers = new TreeMap<>();
        first.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.getFirst()));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        append(content, first);
        String range = headers.getOrDefault("mex-chunk-range", "1:1");
        int total = range.matches("\\d+:\\d+") ? Integer.parseInt(range.split(":")[1]) : 1;
        for (int chunk = 2; chunk <= total; chunk++) {
            HttpResponse<byte[]> r = http.send(request("/inbox/" + messageId + "/" + chunk)
                    .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 && r.statusCode() != 206) {
                throw new MeshCallFailed("download chunk " + chunk, r.statusCode());
            }
            append(content, r);
        }
        return new Downloaded(messageId, headers, content.toByteArray());
    }

    private static void append(ByteArrayOutputStream content, HttpResponse<byte[]> r) throws IOException {
        byte[] body = r.body();
        // OAS: "independently compress each chunk": each chunk is gunzipped on its own.
        if (r.headers().firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip")).orElse(false)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readNBytes(MAX_MESSAGE_BYTES + 1);
            }
        }
        if (content.size() + body.length > MAX_MESSAGE_BYTES) {
            throw new IOException("The message is larger than this GP system takes");
        }
        content.write(body);
    }

    /** OAS "Acknowledge message": PUT .../inbox/{id}/status/acknowledged. */
    void acknowledge(String messageId) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request("/inbox/" + messageId + "/status/acknowledged")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        expect("acknowledge", r, 200);
    }

    /** OAS "Send message" with the mex-* headers; gzip-compressed. Returns the new message id. */
    String send(String to, String workflowId, String subject, String localId, String fileName, String contentType,
            byte[] content) throws IOException, InterruptedException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(content);
        }
        HttpResponse<byte[]> r = http.send(request("/outbox")
                .header("Mex-From", mailboxId)
                .header("Mex-To", to)
                .header("Mex-WorkflowID", workflowId)
                .header("Mex-Subject", subject)
                .header("Mex-LocalID", localId)
                .header("Mex-FileName", fileName)
                .header("Content-Type", contentType)
                .header("Content-Encoding", "gzip")
                .header("Mex-Content-Compressed", "Y")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        expect("send", r, 202);
        return json.readTree(r.body()).path("message_id").asString();
    }

    private static void expect(String what, HttpResponse<?> r, int status) throws MeshCallFailed {
        if (r.statusCode() != status) {
            throw new MeshCallFailed(what, r.statusCode());
        }
    }
}
