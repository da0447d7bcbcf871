package com.carepoint.mesh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for the MESH API, version 2 ({@code Accept: application/vnd.mesh.v2+json} on every request, as NHS England's
 * own client does since its 3.0 release: "Moved to v2 mesh content types, sending application/vnd.mesh.v2+json for all
 * requests"). Paths, headers and answers are those of the MESH API specification
 * (NHSDigital/mesh-api-specification, specification/mesh-api.yaml) and, for the v2 answer shapes the specification
 * does not print, NHS England's MESH sandbox (NHSDigital/mesh-sandbox, {@code views/*.py}). Answers in the v1 shapes
 * are read too.
 *
 * <p>Every request carries a new Authorization token ({@link MeshAuthToken}), a per-read timeout and an overall
 * deadline, and every answer is read within a size bound. Log lines carry message ids, workflow ids and HTTP statuses,
 * never an address, a subject or a body (a {@code GPPROVIDER_...} address names the patient).
 *
 * <p>One instance is safe for concurrent use.
 */
public final class MeshClient {

    private static final Logger log = LoggerFactory.getLogger(MeshClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OCTET_STREAM = "application/octet-stream";

    private final MeshProperties properties;
    private final Supplier<URI> baseUri;
    private final Clock clock;
    private final HttpClient http;
    private final String mailbox;

    MeshClient(MeshProperties properties, Supplier<URI> baseUri, Clock clock, SSLContext tls) {
        if (properties.mailboxId().isBlank() || properties.sharedKey().isEmpty()) {
            throw new IllegalArgumentException("carepoint.mesh.mailbox-id and carepoint.mesh.shared-key are needed");
        }
        if (properties.chunkBytes() < 1) {
            throw new IllegalArgumentException("carepoint.mesh.chunk-bytes must be positive");
        }
        this.properties = properties;
        this.baseUri = baseUri;
        this.clock = clock;
        // "Must be uppercase" (Authorization header table); the sandbox upper-cases the mailbox in the path and
        // refuses a token whose mailbox differs from it ("Mailbox id does not match token").
        this.mailbox = properties.mailboxId().trim().toUpperCase(Locale.ROOT);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** A client for an absolute base URL, with the TLS key and trust stores of the properties. */
    public static MeshClient create(MeshProperties properties) {
        URI base = URI.create(properties.baseUrl());
        if (!base.isAbsolute()) {
            throw new IllegalArgumentException("carepoint.mesh.base-url must be an absolute URL here");
        }
        return create(properties, () -> base);
    }

    /** A client whose base URL is worked out at each call (a relative URL resolved once the server's port is known). */
    public static MeshClient create(MeshProperties properties, Supplier<URI> baseUri) {
        return new MeshClient(properties, baseUri, Clock.systemUTC(), MeshTls.context(properties.tls()));
    }

    /** Carepoint's mailbox id as sent (upper case). */
    public String mailboxId() {
        return mailbox;
    }

    /**
     * Validate the mailbox ("Handshake"): {@code GET /messageexchange/{mailbox_id}} with {@code Mex-ClientVersion},
     * {@code Mex-OSName} and {@code Mex-OSVersion} (required) and {@code Mex-OSArchitecture}, {@code Mex-JavaVersion}
     * (optional). "This endpoint only needs to be called once every 24 hours" (MESH API specification, "Validate a
     * mailbox (Handshake)").
     */
    public void handshake() throws MeshException {
        HttpRequest.Builder request = request(mailboxPath())
                .header(MeshHeaders.MEX_CLIENT_VERSION, headerSafe(properties.clientName() + "=="
                        + properties.clientVersion()))
                .header(MeshHeaders.MEX_OS_NAME, headerSafe(System.getProperty("os.name", "unknown")))
                .header(MeshHeaders.MEX_OS_VERSION, headerSafe(System.getProperty("os.version", "unknown")))
                .header(MeshHeaders.MEX_OS_ARCHITECTURE, headerSafe(System.getProperty("os.arch", "unknown")))
                .header(MeshHeaders.MEX_JAVA_VERSION, headerSafe(System.getProperty("java.version", "unknown")))
                .GET();
        Answer answer = exchange("handshake", Call.HANDSHAKE, request, properties.maxResponseBytes());
        expect(answer, "handshake", Call.HANDSHAKE, 200);
        log.info("MESH handshake with mailbox {} succeeded", mailbox);
    }

    /**
     * Send a message: {@code POST /messageexchange/{mailbox_id}/outbox} with {@code Mex-From}, {@code Mex-To},
     * {@code Mex-WorkflowID}, {@code Mex-FileName} and {@code Content-Type} (all "required: true" in the
     * specification), {@code Mex-LocalID} and {@code Mex-Subject} when given, and {@code Content-Encoding: gzip} when
     * compression is on. Returns the message id MESH assigned ("It is good practice to capture the returned message
     * identifier as this provides a unique identifier which you can use for message tracking").
     *
     * <p>A body larger than {@code chunk-bytes} is sent as a chunked message, as the specification's "Outbox
     * workflow" says: "split the uncompressed data into ordered chunks", "independently compress each chunk", "use the
     * first chunk (after compression) as the initial message data" with {@code Mex-Chunk-Range: 1:n}, then each
     * further chunk to {@code POST .../outbox/{message_id}/{chunkNo}} with {@code Mex-Chunk-Range: k:n}. A chunked
     * message's {@code Content-Type} is {@code application/octet-stream} and its own type travels in
     * {@code Mex-Content-Type} (the sandbox: "for chunked messages Content-Type will always be
     * application/octet-stream but Mex-Content-Type will be preserved").
     */
    public String send(OutgoingMessage message) throws MeshException {
        byte[] body = message.body();
        int chunkSize = properties.chunkBytes();
        int chunks = Math.max(1, (int) ((body.length + (long) chunkSize - 1) / chunkSize));
        HttpRequest.Builder first = request(mailboxPath() + "/outbox")
                .header(MeshHeaders.MEX_FROM, mailbox)
                .header(MeshHeaders.MEX_TO, message.to())
                .header(MeshHeaders.MEX_WORKFLOW_ID, message.workflowId())
                .header(MeshHeaders.MEX_FILE_NAME, message.fileName());
        message.localIdValue().ifPresent(v -> first.header(MeshHeaders.MEX_LOCAL_ID, v));
        message.subjectValue().ifPresent(v -> first.header(MeshHeaders.MEX_SUBJECT, v));
        if (chunks == 1) {
            first.header("Content-Type", message.contentType());
        } else {
            first.header("Content-Type", OCTET_STREAM)
                    .header(MeshHeaders.MEX_CONTENT_TYPE, message.contentType())
                    .header(MeshHeaders.MEX_CHUNK_RANGE, "1:" + chunks);
        }
        first.POST(HttpRequest.BodyPublishers.ofByteArray(encoded(chunk(body, 0, chunkSize), first)));
        Answer answer = exchange("send", Call.SEND, first, properties.maxResponseBytes());
        expect(answer, "send", Call.SEND, 202, 200);
        String messageId = field(json(answer, "send"), "message_id", "messageID", "messageId")
                .orElseThrow(() -> unreadable("send", answer.status(), true));
        for (int n = 2; n <= chunks; n++) {
            HttpRequest.Builder next = request(mailboxPath() + "/outbox/" + pathSegment(messageId) + "/" + n)
                    .header("Content-Type", OCTET_STREAM)
                    .header(MeshHeaders.MEX_CHUNK_RANGE, n + ":" + chunks);
            next.POST(HttpRequest.BodyPublishers.ofByteArray(encoded(chunk(body, n - 1, chunkSize), next)));
            Answer chunkAnswer = exchange("send chunk", Call.SEND_CHUNK, next, properties.maxResponseBytes());
            expect(chunkAnswer, "send chunk", Call.SEND_CHUNK, 202, 200);
        }
        log.info("MESH accepted message {} (workflow {}, {} chunk(s))", messageId, message.workflowId(), chunks);
        return messageId;
    }

    /**
     * The ids of the messages waiting in the inbox: {@code GET /messageexchange/{mailbox_id}/inbox}, following the v2
     * answer's {@code links.next} up to {@code max-inbox-pages} pages. "A maximum of 500 message identifier are
     * returned in every request. Continue the polling and download cycle until you empty the mailbox".
     */
    public List<String> inbox() throws MeshException {
        List<String> ids = new ArrayList<>();
        String path = mailboxPath() + "/inbox";
        for (int page = 0; page < properties.maxInboxPages() && path != null; page++) {
            Answer answer = exchange("inbox", Call.INBOX, request(path).GET(), properties.maxResponseBytes());
            expect(answer, "inbox", Call.INBOX, 200);
            JsonNode root = json(answer, "inbox");
            JsonNode messages = root.path("messages");
            if (!messages.isArray()) {
                throw unreadable("inbox", answer.status(), false);
            }
            for (JsonNode id : messages) {
                if (!id.isString() || id.stringValue().isBlank()) {
                    throw unreadable("inbox", answer.status(), false);
                }
                ids.add(id.stringValue());
            }
            path = nextPage(root.path("links").path("next"));
        }
        return ids;
    }

    /**
     * Download a message: {@code GET /messageexchange/{mailbox_id}/inbox/{message_id}}; "When the message is chunked
     * ... the response code is '206: Partial Content' ... the response headers contain Mex-Chunk-Range: 1:n", and
     * "This endpoint is used to download the remaining n-1 chunks": {@code GET .../inbox/{message_id}/{chunkNo}}.
     */
    public DownloadedMessage download(String messageId) throws MeshException {
        String path = mailboxPath() + "/inbox/" + pathSegment(messageId);
        Answer first = exchange("download", Call.DOWNLOAD, request(path).GET(), properties.maxMessageBytes());
        expect(first, "download", Call.DOWNLOAD, 200, 206);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(decoded(first, "download"));
        boolean report = first.headers().firstValue(MeshHeaders.MEX_MESSAGE_TYPE).orElse("").trim()
                .equalsIgnoreCase("REPORT");
        // A report has no body and no chunks ("the Download message response body of an error report message is empty").
        int total = report ? 1 : chunkTotal(first, "download");
        if (first.status() == 206 && total < 2) {
            throw unreadable("download", 206, false);
        }
        for (int n = 2; n <= total; n++) {
            Answer chunk = exchange("download chunk", Call.DOWNLOAD, request(path + "/" + n).GET(),
                    properties.maxMessageBytes());
            expect(chunk, "download chunk", Call.DOWNLOAD, 200, 206);
            byte[] part = decoded(chunk, "download chunk");
            if ((long) body.size() + part.length > properties.maxMessageBytes()) {
                throw new MeshException(MeshException.Kind.TOO_LARGE, "download", chunk.status(), false, null,
                        "larger than carepoint.mesh.max-message-bytes", null);
            }
            body.writeBytes(part);
        }
        return message(messageId, first.headers(), body.toByteArray());
    }

    /**
     * Acknowledge a downloaded message: {@code PUT /messageexchange/{mailbox_id}/inbox/{message_id}/status/acknowledged}.
     * "This operation: closes the message transaction on Spine; removes the message from your mailbox inbox".
     */
    public void acknowledge(String messageId) throws MeshException {
        HttpRequest.Builder request = request(mailboxPath() + "/inbox/" + pathSegment(messageId)
                + "/status/acknowledged").PUT(HttpRequest.BodyPublishers.noBody());
        Answer answer = exchange("acknowledge", Call.ACKNOWLEDGE, request, properties.maxResponseBytes());
        expect(answer, "acknowledge", Call.ACKNOWLEDGE, 200, 204);
        log.info("MESH message {} acknowledged", messageId);
    }

    /**
     * Track a sent message by its MESH message id: {@code GET /messageexchange/{mailbox_id}/outbox/tracking?messageID=}.
     * Tracking by local id ({@code .../outbox/tracking/{local_id}}) is not offered: the specification marks it
     * "deprecated ... tracking?messageID should be used instead", NHS England's client removed it in 3.0, and for GP
     * Connect the local id is the sender's ODS code (GPCM-SD-CS-080), not unique per message.
     */
    public TrackingInfo track(String messageId) throws MeshException {
        String path = mailboxPath() + "/outbox/tracking?messageID="
                + URLEncoder.encode(messageId, StandardCharsets.UTF_8);
        Answer answer = exchange("track", Call.TRACK, request(path).GET(), properties.maxResponseBytes());
        expect(answer, "track", Call.TRACK, 200);
        JsonNode n = json(answer, "track");
        String id = field(n, "message_id", "messageId", "dtsId").orElseThrow(() -> unreadable("track", 200, false));
        return new TrackingInfo(id, field(n, "local_id", "localId").orElse(null),
                field(n, "workflow_id", "workflowId").orElse(null), field(n, "recipient").orElse(null),
                field(n, "status").orElse(null), success(n), field(n, "status_code", "statusCode").orElse(null),
                field(n, "status_event", "statusEvent").orElse(null),
                field(n, "status_description", "statusDescription").orElse(null),
                field(n, "upload_timestamp", "uploadTimestamp").orElse(null),
                field(n, "expiry_time", "expiryTime").orElse(null));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Which call an answer belongs to: the same HTTP status means different things on different endpoints. */
    enum Call {
        HANDSHAKE, SEND, SEND_CHUNK, INBOX, DOWNLOAD, ACKNOWLEDGE, TRACK
    }

    record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    private String mailboxPath() {
        return "/messageexchange/" + pathSegment(mailbox);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        URI base = baseUri.get();
        String root = base.toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .timeout(properties.readTimeout())
                .header("Accept", MeshHeaders.ACCEPT_V2)
                // A new token for every request: "Any repeated use of a token results in a 403".
                .header("Authorization", MeshAuthToken.forRequest(mailbox, properties.mailboxPassword(),
                        properties.sharedKey(), clock.instant()));
    }

    private Answer exchange(String what, Call call, HttpRequest.Builder builder, long maxBytes)
            throws MeshException {
        boolean sending = call == Call.SEND || call == Call.SEND_CHUNK;
        HttpRequest request = builder.build();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request,
                info -> new BoundedBodySubscriber(maxBytes));
        try {
            HttpResponse<byte[]> response = future.get(properties.callDeadline().toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new MeshException(MeshException.Kind.TIMEOUT, what, 0, sending, null, null, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new MeshException(MeshException.Kind.NETWORK_ERROR, what, 0, sending, null, "interrupted", e);
        } catch (CancellationException e) {
            throw new MeshException(MeshException.Kind.NETWORK_ERROR, what, 0, sending, null, "cancelled", e);
        } catch (ExecutionException e) {
            throw failure(what, sending, e.getCause());
        }
    }

    private static MeshException failure(String what, boolean sending, Throwable cause) {
        if (cause instanceof BoundedBodySubscriber.TooLargeException) {
            return new MeshException(MeshException.Kind.UNREADABLE_RESPONSE, what, 0, sending, null,
                    "answer larger than Carepoint accepts", cause);
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || hasCause(cause, ConnectException.class)) {
            return new MeshException(MeshException.Kind.CONNECTION_FAILED, what, 0, false, null, null, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new MeshException(MeshException.Kind.TIMEOUT, what, 0, sending, null, null, cause);
        }
        if (cause instanceof SSLException || hasCause(cause, SSLException.class)) {
            // A refused client certificate ends the handshake: the request was never sent.
            return new MeshException(MeshException.Kind.AUTHENTICATION_FAILED, what, 0, false, null,
                    "TLS handshake failed", cause);
        }
        return new MeshException(MeshException.Kind.NETWORK_ERROR, what, 0, sending, null, null, cause);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** Anything but the expected statuses becomes a typed failure. */
    private void expect(Answer answer, String what, Call call, int... ok) throws MeshException {
        if (Arrays.stream(ok).anyMatch(s -> s == answer.status())) {
            return;
        }
        MeshError error = MeshError.read(answer.body());
        MeshException.Kind kind = MeshError.kind(call, answer.status(), error);
        boolean unknown = (call == Call.SEND || call == Call.SEND_CHUNK) && answer.status() >= 500;
        log.warn("MESH {} answered HTTP {} ({}{})", what, answer.status(), kind,
                error.code() == null ? "" : ", code " + error.code());
        throw new MeshException(kind, what, answer.status(), unknown, error.code(), error.description(), null);
    }

    private static JsonNode json(Answer answer, String what) throws MeshException {
        try {
            JsonNode node = JSON.readTree(answer.body());
            if (node == null || !node.isObject()) {
                throw unreadable(what, answer.status(), what.startsWith("send"));
            }
            return node;
        } catch (JacksonException e) {
            throw unreadable(what, answer.status(), what.startsWith("send"));
        }
    }

    private static MeshException unreadable(String what, int status, boolean sending) {
        return new MeshException(MeshException.Kind.UNREADABLE_RESPONSE, what, status, sending, null, null, null);
    }

    static Optional<String> field(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.path(name);
            if (v.isString() && !v.stringValue().isBlank()) {
                return Optional.of(v.stringValue());
            }
        }
        return Optional.empty();
    }

    private static Boolean success(JsonNode n) {
        JsonNode v2 = n.path("status_success");
        if (v2.isBoolean()) {
            return v2.booleanValue();
        }
        return field(n, "statusSuccess").map(s -> s.equalsIgnoreCase("SUCCESS")).orElse(null);
    }

    /** {@code links.next} is a path from the server root (sandbox: "/messageexchange/mb12345/inbox?..."). */
    private String nextPage(JsonNode next) {
        if (!next.isString() || next.stringValue().isBlank()) {
            return null;
        }
        URI uri = URI.create(next.stringValue());
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        // Only ever this mailbox's inbox: a next link elsewhere is not followed.
        return path.startsWith(mailboxPath() + "/inbox") ? path : null;
    }

    private byte[] encoded(byte[] chunk, HttpRequest.Builder request) {
        if (!properties.compress()) {
            return chunk;
        }
        request.header("Content-Encoding", "gzip");
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length / 2 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(chunk);
        } catch (IOException e) {
            throw new IllegalStateException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(byte[] body, int index, int size) {
        int from = index * size;
        return Arrays.copyOfRange(body, from, (int) Math.min(body.length, (long) from + size));
    }

    /** The answer's body with any gzip content encoding undone, within the message bound. */
    private byte[] decoded(Answer answer, String what) throws MeshException {
        String encoding = answer.headers().firstValue("Content-Encoding").orElse("").trim();
        if (encoding.isEmpty() || encoding.equalsIgnoreCase("identity")) {
            return answer.body();
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw unreadable(what, answer.status(), false);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxMessageBytes() + 1));
            if (out.length > properties.maxMessageBytes()) {
                throw new MeshException(MeshException.Kind.TOO_LARGE, what, answer.status(), false, null,
                        "larger than carepoint.mesh.max-message-bytes", null);
            }
            return out;
        } catch (IOException e) {
            throw unreadable(what, answer.status(), false);
        }
    }

    /** The n of {@code Mex-Chunk-Range: k:n}; 1 when absent. */
    private static int chunkTotal(Answer answer, String what) throws MeshException {
        Optional<String> range = answer.headers().firstValue(MeshHeaders.MEX_CHUNK_RANGE);
        if (range.isEmpty() || range.get().isBlank()) {
            return 1;
        }
        String[] parts = range.get().trim().split(":");
        try {
            int total = Integer.parseInt(parts[parts.length - 1].trim());
            if (parts.length != 2 || total < 1 || total > 100_000) {
                throw unreadable(what, answer.status(), false);
            }
            return total;
        } catch (NumberFormatException e) {
            throw unreadable(what, answer.status(), false);
        }
    }

    private static DownloadedMessage message(String requestedId, HttpHeaders headers, byte[] body) {
        Map<String, String> mex = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("mex-") && !values.isEmpty()) {
                mex.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        String type = mex.getOrDefault("mex-messagetype", "DATA").trim().toUpperCase(Locale.ROOT);
        DownloadedMessage.Type messageType = switch (type) {
            case "DATA" -> DownloadedMessage.Type.DATA;
            case "REPORT" -> DownloadedMessage.Type.REPORT;
            default -> DownloadedMessage.Type.OTHER;
        };
        Optional<MeshReport> report = Optional.empty();
        if (messageType == DownloadedMessage.Type.REPORT) {
            report = Optional.of(new MeshReport(mex.get("mex-linkedmsgid"), mex.get("mex-statuscode"),
                    mex.get("mex-statusevent"), mex.get("mex-statusdescription"),
                    "SUCCESS".equalsIgnoreCase(mex.getOrDefault("mex-statussuccess", "ERROR").trim()),
                    mex.get("mex-statustimestamp"), mex.get("mex-localid")));
        }
        String contentType = Optional.ofNullable(mex.get("mex-content-type"))
                .or(() -> headers.firstValue("Content-Type")).orElse(null);
        return new DownloadedMessage(mex.getOrDefault("mex-messageid", requestedId), messageType, mex.get("mex-from"),
                mex.get("mex-to"), mex.get("mex-workflowid"), mex.get("mex-localid"), mex.get("mex-filename"),
                contentType, body, report, Map.copyOf(mex));
    }

    private static String pathSegment(String value) {
        if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("Not a MESH id");
        }
        return value;
    }

    /** System properties are not ours to trust: an odd character would make the handshake fail. */
    private static String headerSafe(String value) {
        String cleaned = value.replaceAll("[^\\x20-\\x7e]", "?").trim();
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }
}
