package com.carepoint.mesh;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small MESH server on loopback, written from the MESH API specification (NHSDigital/mesh-api-specification,
 * specification/mesh-api.yaml) and the v2 answer shapes of NHS England's MESH sandbox (NHSDigital/mesh-sandbox) —
 * <em>not</em> from Carepoint's client: it uses none of the client's classes or constants, and checks every request
 * against the text:
 *
 * <ul>
 * <li>Authorization: "NHSMESH" followed by a space, then mailbox_id:nonce:nonce_count:timestamp:hash; the mailbox
 * "Must be uppercase" and equal to the path's; the nonce "A GUID"; the timestamp "yyyyMMddHHmm" and "within 2 hours
 * of the server time"; the hash HMAC-SHA256 keyed with the shared secret over
 * mailbox_id:nonce:nonce_count:mailbox_password:timestamp (hex); "Any repeated use of a token results in a 403".</li>
 * <li>{@code Accept: application/vnd.mesh.v2+json} ("API Versioning").</li>
 * <li>Handshake {@code GET /messageexchange/{mailbox_id}}: Mex-ClientVersion, Mex-OSName, Mex-OSVersion "required:
 * true".</li>
 * <li>Send {@code POST /messageexchange/{mailbox_id}/outbox}: Content-Type, Mex-FileName, Mex-From, Mex-To,
 * Mex-WorkflowID "required: true"; Content-Encoding gzip or none (the sandbox answers 422 otherwise); 202 with
 * {@code {"message_id": ...}} (v2); an unregistered recipient is 417 with the v2 error {@code detail} (sandbox
 * {@code MeshErrorV2}, code 12 "Unregistered to address"); chunks {@code POST .../outbox/{message_id}/{chunkNo}} with
 * Mex-Chunk-Range {@code chunkNo:n}, each gzipped on its own.</li>
 * <li>Inbox, download (206 and Mex-Chunk-Range for a chunked message), acknowledge (PUT .../status/acknowledged) and
 * tracking (GET .../outbox/tracking?messageID=) as the specification's endpoints.</li>
 * </ul>
 *
 * A request that breaks a rule is answered as MESH would (400/403/417...) <em>and</em> recorded in
 * {@link #violations}, so a test fails even if the client copes with the error.
 */
final class FakeMeshServer implements AutoCloseable {

    static final String SHARED_KEY = "TestKey";
    static final String V2 = "application/vnd.mesh.v2+json";
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    /** One request as it arrived. */
    record Seen(String method, String path, String query, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** A message held by the fake. */
    static final class Stored {
        final String id;
        final String from;
        final String to;
        final String workflowId;
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<byte[]> chunks = new ArrayList<>();
        int totalChunks = 1;
        String messageType = "DATA";
        String status = "accepted";

        Stored(String id, String from, String to, String workflowId) {
            this.id = id;
            this.from = from;
            this.to = to;
            this.workflowId = workflowId;
        }
    }

    final List<Seen> requests = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final Map<String, String> passwords = new ConcurrentHashMap<>();
    final Set<String> recipients = ConcurrentHashMap.newKeySet();
    final Map<String, Stored> messages = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> usedTokens = ConcurrentHashMap.newKeySet();
    volatile int inboxPageSize = 500;
    /** Answer every request with this status (0: behave normally). */
    volatile int failWith = 0;
    /** Hold every request until released (a MESH that does not answer). */
    volatile CountDownLatch hold;
    /** Answer downloads with this many bytes of padding appended (a hostile answer). */
    volatile int padDownloads = 0;

    private final HttpServer server;

    FakeMeshServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Stored deliver(String to, String from, String workflowId, byte[]... chunks) {
        Stored m = new Stored(UUID.randomUUID().toString().replace("-", "").toUpperCase(), from, to, workflowId);
        m.chunks.addAll(List.of(chunks));
        m.totalChunks = Math.max(1, chunks.length);
        messages.put(m.id, m);
        return m;
    }

    @Override
    public void close() {
        CountDownLatch h = hold;
        if (h != null) {
            h.countDown();
        }
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            Seen seen = new Seen(x.getRequestMethod(), x.getRequestURI().getRawPath(), x.getRequestURI().getRawQuery(),
                    x.getRequestHeaders(), body);
            requests.add(seen);
            CountDownLatch h = hold;
            if (h != null) {
                h.await();
                return;
            }
            if (failWith != 0) {
                send(x, failWith, "text/html", "<html>failure</html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            route(x, seen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Pattern PATH = Pattern.compile(
            "/messageexchange/([^/]+)(/outbox(?:/tracking|/([^/]+)/(\\d+))?|/inbox(?:/([^/]+)(?:/(\\d+)|/status/acknowledged)?)?)?");

    private void route(HttpExchange x, Seen r) throws IOException {
        Matcher m = PATH.matcher(r.path());
        if (!m.matches()) {
            violation("unknown path " + r.method() + " " + r.path());
            send(x, 404, null, new byte[0]);
            return;
        }
        String mailbox = m.group(1);
        if (!V2.equals(r.header("Accept"))) {
            violation("Accept is not " + V2 + ": " + r.header("Accept"));
        }
        if (!authorised(x, r, mailbox)) {
            return;
        }
        String rest = m.group(2) == null ? "" : m.group(2);
        if (rest.isEmpty() && r.method().equals("GET")) {
            handshake(x, r);
        } else if (rest.equals("/outbox") && r.method().equals("POST")) {
            sendMessage(x, r, mailbox);
        } else if (m.group(3) != null && r.method().equals("POST")) {
            sendChunk(x, r, mailbox, m.group(3), Integer.parseInt(m.group(4)));
        } else if (rest.equals("/outbox/tracking") && r.method().equals("GET")) {
            track(x, r, mailbox);
        } else if (rest.equals("/inbox") && r.method().equals("GET")) {
            inbox(x, r, mailbox);
        } else if (rest.endsWith("/status/acknowledged") && r.method().equals("PUT")) {
            acknowledge(x, mailbox, m.group(5));
        } else if (m.group(5) != null && r.method().equals("GET")) {
            download(x, mailbox, m.group(5), m.group(6) == null ? 1 : Integer.parseInt(m.group(6)));
        } else {
            violation("unexpected " + r.method() + " " + r.path());
            send(x, 405, null, new byte[0]);
        }
    }

    private boolean authorised(HttpExchange x, Seen r, String mailbox) throws IOException {
        String auth = r.header("Authorization");
        String why = null;
        if (auth == null || !auth.startsWith("NHSMESH ")) {
            why = "no NHSMESH scheme with its space";
        } else {
            String[] parts = auth.substring("NHSMESH ".length()).split(":", -1);
            String password = parts.length == 5 ? passwords.get(parts[0]) : null;
            if (parts.length != 5) {
                why = "not five parts";
            } else if (!parts[0].equals(mailbox)) {
                why = "mailbox does not match the path";
            } else if (!parts[0].equals(parts[0].toUpperCase())) {
                why = "mailbox not upper case";
            } else if (!GUID.matcher(parts[1]).matches()) {
                why = "nonce not a GUID";
            } else if (!parts[2].matches("\\d+")) {
                why = "nonce_count not a number";
            } else if (!parts[3].matches("\\d{12}") || Duration.between(LocalDateTime.parse(parts[3], STAMP),
                    LocalDateTime.now(ZoneOffset.UTC)).abs().compareTo(Duration.ofHours(2)) > 0) {
                why = "timestamp not yyyyMMddHHmm within 2 hours of UTC now";
            } else if (password == null) {
                send(x, 403, V2, json("{\"detail\":[{\"event\":\"AUTH\",\"code\":\"\",\"msg\":\"No mailbox matched\"}]}"));
                return false;
            } else if (!parts[4].equals(hmac(parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + password + ":"
                    + parts[3]))) {
                send(x, 403, null, new byte[0]);
                return false;
            } else if (!usedTokens.add(auth)) {
                violation("token used twice");
                send(x, 403, null, new byte[0]);
                return false;
            }
        }
        if (why != null) {
            violation("Authorization: " + why);
            send(x, 403, null, new byte[0]);
            return false;
        }
        return true;
    }

    private void handshake(HttpExchange x, Seen r) throws IOException {
        for (String h : List.of("Mex-ClientVersion", "Mex-OSName", "Mex-OSVersion")) {
            if (blank(r.header(h))) {
                violation("handshake without " + h);
                send(x, 400, null, new byte[0]);
                return;
            }
        }
        send(x, 200, null, new byte[0]);
    }

    private void sendMessage(HttpExchange x, Seen r, String mailbox) throws IOException {
        for (String h : List.of("Content-Type", "Mex-FileName", "Mex-From", "Mex-To", "Mex-WorkflowID")) {
            if (blank(r.header(h))) {
                violation("send without " + h);
                send(x, 400, V2, json("{\"detail\":[{\"event\":\"SEND\",\"code\":\"06\",\"msg\":\"MalformedControlFile\"}]}"));
                return;
            }
        }
        if (!mailbox.equals(r.header("Mex-From"))) {
            violation("Mex-From is not the sending mailbox");
        }
        String encoding = r.header("Content-Encoding");
        if (encoding != null && !encoding.equals("gzip")) {
            send(x, 422, null, new byte[0]);
            return;
        }
        byte[] data = decode(r);
        if (data.length == 0) {
            send(x, 417, null, new byte[0]);
            return;
        }
        String to = r.header("Mex-To");
        if (!recipients.contains(to) && !to.startsWith("GPPROVIDER_")) {
            send(x, 417, V2, json("{\"message_id\":null,\"internal_id\":\"X\",\"detail\":[{\"event\":\"SEND\","
                    + "\"code\":\"12\",\"msg\":\"Unregistered to address\"}]}"));
            return;
        }
        Stored m = new Stored(UUID.randomUUID().toString().replace("-", "").toUpperCase(), mailbox, to,
                r.header("Mex-WorkflowID"));
        for (String h : List.of("Mex-LocalID", "Mex-Subject", "Mex-FileName", "Content-Type", "Mex-Content-Type")) {
            if (r.header(h) != null) {
                m.headers.put(h, r.header(h));
            }
        }
        String range = r.header("Mex-Chunk-Range");
        if (range != null) {
            Matcher c = Pattern.compile("1:(\\d+)").matcher(range);
            if (!c.matches()) {
                violation("first chunk's Mex-Chunk-Range is " + range);
                send(x, 417, null, new byte[0]);
                return;
            }
            m.totalChunks = Integer.parseInt(c.group(1));
            if (m.totalChunks > 1) {
                m.status = "uploading";
            }
        }
        m.chunks.add(data);
        messages.put(m.id, m);
        send(x, 202, V2, json("{\"message_id\":\"" + m.id + "\"}"));
    }

    private void sendChunk(HttpExchange x, Seen r, String mailbox, String id, int n) throws IOException {
        Stored m = messages.get(id);
        if (m == null || !m.from.equals(mailbox)) {
            send(x, 404, null, new byte[0]);
            return;
        }
        if (!(n + ":" + m.totalChunks).equals(r.header("Mex-Chunk-Range")) || n != m.chunks.size() + 1) {
            violation("chunk " + n + " with Mex-Chunk-Range " + r.header("Mex-Chunk-Range"));
            send(x, 417, null, new byte[0]);
            return;
        }
        if (!"uploading".equals(m.status)) {
            send(x, 423, null, new byte[0]);
            return;
        }
        m.chunks.add(decode(r));
        if (m.chunks.size() == m.totalChunks) {
            m.status = "accepted";
        }
        send(x, 202, null, new byte[0]);
    }

    private void inbox(HttpExchange x, Seen r, String mailbox) throws IOException {
        List<String> ids;
        synchronized (messages) {
            ids = messages.values().stream().filter(m -> m.to.equals(mailbox) && m.status.equals("accepted"))
                    .map(m -> m.id).toList();
        }
        int from = 0;
        if (r.query() != null && r.query().startsWith("continue_from=")) {
            from = Integer.parseInt(r.query().substring("continue_from=".length()));
        }
        List<String> page = ids.subList(from, Math.min(ids.size(), from + inboxPageSize));
        StringBuilder b = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < page.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(page.get(i)).append('"');
        }
        b.append("],\"links\":{\"self\":\"/messageexchange/").append(mailbox).append("/inbox\"");
        if (from + inboxPageSize < ids.size()) {
            b.append(",\"next\":\"/messageexchange/").append(mailbox).append("/inbox?continue_from=")
                    .append(from + inboxPageSize).append('"');
        }
        b.append("},\"approx_inbox_count\":").append(ids.size()).append('}');
        send(x, 200, V2, json(b.toString()));
    }

    private void download(HttpExchange x, String mailbox, String id, int n) throws IOException {
        Stored m = messages.get(id);
        if (m == null || !m.to.equals(mailbox)) {
            send(x, 404, null, new byte[0]);
            return;
        }
        if (!m.status.equals("accepted")) {
            send(x, 410, null, new byte[0]);
            return;
        }
        Headers h = x.getResponseHeaders();
        h.add("Mex-From", m.from);
        h.add("Mex-To", m.to);
        h.add("Mex-WorkflowID", m.workflowId);
        h.add("Mex-MessageID", m.id);
        h.add("Mex-MessageType", m.messageType);
        h.add("Mex-Chunk-Range", n + ":" + m.totalChunks);
        m.headers.forEach(h::add);
        if (m.messageType.equals("REPORT")) {
            send(x, 200, null, new byte[0]);
            return;
        }
        byte[] chunk = m.chunks.get(n - 1);
        if (padDownloads > 0) {
            chunk = new byte[chunk.length + padDownloads];
        }
        send(x, n < m.totalChunks ? 206 : 200, "application/octet-stream", chunk);
    }

    private void acknowledge(HttpExchange x, String mailbox, String id) throws IOException {
        Stored m = messages.get(id);
        if (m == null || !m.to.equals(mailbox)) {
            send(x, 404, null, new byte[0]);
            return;
        }
        m.status = "acknowledged";
        send(x, 200, null, new byte[0]);
    }

    private void track(HttpExchange x, Seen r, String mailbox) throws IOException {
        String query = r.query() == null ? "" : r.query();
        if (!query.startsWith("messageID=")) {
            violation("tracking without ?messageID=");
            send(x, 400, null, new byte[0]);
            return;
        }
        Stored m = messages.get(query.substring("messageID=".length()));
        if (m == null || !m.from.equals(mailbox)) {
            send(x, 404, V2, json("{\"detail\":[{\"event\":\"TRACK\",\"code\":\"20\",\"msg\":\"Message does not exist\"}]}"));
            return;
        }
        send(x, 200, V2, json("{\"message_id\":\"" + m.id + "\",\"local_id\":\"" + m.headers.getOrDefault("Mex-LocalID", "")
                + "\",\"workflow_id\":\"" + m.workflowId + "\",\"filename\":\"f.dat\",\"expiry_time\":\"2026-12-08T10:00:00\","
                + "\"upload_timestamp\":\"2026-12-03T10:00:00\",\"recipient\":\"" + m.to + "\",\"status\":\"" + m.status
                + "\",\"status_success\":true}"));
    }

    private static byte[] decode(Seen r) throws IOException {
        if (!"gzip".equals(r.header("Content-Encoding"))) {
            return r.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        }
    }

    private void violation(String what) {
        violations.add(what);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange x, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            x.getResponseHeaders().set("Content-Type", contentType);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SHARED_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
