package com.carepoint.demopractice.mesh;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo MESH server: NHS Digital's MESH API (version 2, {@code application/vnd.mesh.v2+json}) under
 * {@code /demo/mesh/messageexchange/...}, for the demo's mailboxes. The rules come from the MESH API specification
 * (NHSDigital/mesh-api-specification, specification/mesh-api.yaml, "OAS" below) and, where it is silent, from the
 * behaviour of NHS Digital's own sandbox server (NHSDigital/mesh-sandbox, "SBX" below); each rule names its source.
 * Header names are answered in lower case (mesh-client 3.0 release notes, for v2: "All headers will be lower
 * case") and read ignoring case (OAS: "Headers should be treated case insensitively").
 */
public final class DemoMeshServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(DemoMeshServlet.class);

    static final String V2 = "application/vnd.mesh.v2+json";
    private static final Pattern VND = Pattern.compile("^application/vnd\\.mesh\\.v(\\d+)\\+json$");
    private static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** OAS: "Messages that are not downloaded and acknowledged within five days of delivery are removed". */
    private static final Duration INBOX_EXPIRY = Duration.ofDays(5);
    /** OAS: "A maximum of 500 message identifier are returned in every request". */
    private static final int INBOX_PAGE = 500;

    private static final Pattern HANDSHAKE = Pattern.compile("^/messageexchange/([^/]+)/?$");
    private static final Pattern COUNT = Pattern.compile("^/messageexchange/([^/]+)/count$");
    private static final Pattern INBOX = Pattern.compile("^/messageexchange/([^/]+)/inbox$");
    private static final Pattern DOWNLOAD = Pattern.compile("^/messageexchange/([^/]+)/inbox/([^/]+)(?:/([0-9]+))?$");
    private static final Pattern ACK = Pattern.compile("^/messageexchange/([^/]+)/inbox/([^/]+)/status/acknowledged$");
    private static final Pattern OUTBOX = Pattern.compile("^/messageexchange/([^/]+)/outbox$");
    private static final Pattern CHUNK = Pattern.compile("^/messageexchange/([^/]+)/outbox/([^/]+)/([0-9]+)$");
    private static final Pattern TRACKING = Pattern.compile("^/messageexchange/([^/]+)/outbox/tracking$");
    private static final Pattern TRACKING_LOCAL = Pattern.compile("^/messageexchange/([^/]+)/outbox/tracking/([^/]+)$");
    private static final Pattern STATUS = Pattern.compile("^/messageexchange/([^/]+)/outbox/([^/]+)/status$");
    private static final Pattern LOOKUP = Pattern.compile("^/messageexchange/endpointlookup/([^/]+)/([^/]+)$");
    private static final Pattern ADMIN_FAULTS = Pattern.compile("^/admin/faults(?:/([^/]+))?$");
    /** SBX rejects these in Mex-To, Mex-WorkflowID and the checksum ("MalformedControlFile"). */
    private static final Pattern CONTROL_OR_URL = Pattern.compile("[\\p{Cntrl}]|https?://", Pattern.CASE_INSENSITIVE);

    private final transient MeshStore store;
    private final transient MeshAuthenticator authenticator;
    private final transient MeshMailboxes mailboxes;
    private final transient GpProviderRouter router;
    private final transient MeshFaults faults;
    private final long maxRequestBytes;
    private final transient ObjectMapper json = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    DemoMeshServlet(MeshStore store, MeshAuthenticator authenticator, MeshMailboxes mailboxes, GpProviderRouter router,
            MeshFaults faults, long maxRequestBytes) {
        this.store = store;
        this.authenticator = authenticator;
        this.mailboxes = mailboxes;
        this.router = router;
        this.faults = faults;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** A MESH error answer: the HTTP status and the v2 error body's one detail (SBX views/error.py, MeshErrorV2). */
    static final class MeshError extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;
        final int status;
        final String event;
        final String code;
        final String messageId;

        MeshError(int status, String event, String code, String msg, String messageId) {
            super(msg, null, false, false);
            this.status = status;
            this.event = event;
            this.code = code;
            this.messageId = messageId;
        }

        MeshError(int status, String event, String code, String msg) {
            this(status, event, code, msg, null);
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String method = req.getMethod();
        resp.setHeader("Cache-Control", "no-store");
        String internalId = store.newId() + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));
        try {
            Matcher admin = ADMIN_FAULTS.matcher(path);
            if (admin.matches()) {
                adminFaults(req, resp, method, admin.group(1));
                return;
            }
            Matcher mailboxInPath = Pattern.compile("^/messageexchange/([^/]+)").matcher(path);
            String pathMailbox = mailboxInPath.find() ? mailboxInPath.group(1).toUpperCase(Locale.ROOT) : null;
            if (injectFaults(resp, pathMailbox)) {
                return;
            }
            checkAccept(req);
            store.expire(INBOX_EXPIRY);
            route(req, resp, path, method);
        } catch (MeshError e) {
            error(resp, e, internalId);
        } catch (MeshStore.Full e) {
            error(resp, new MeshError(503, "SEND", "", e.getMessage()), internalId);
        } catch (RuntimeException e) {
            log.warn("Demo MESH server: request failed ({})", e.toString());
            error(resp, new MeshError(500, "", "", "An internal error occurred."), internalId);
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, String path, String method)
            throws MeshError, IOException, MeshStore.Full {
        Matcher m;
        if ((m = LOOKUP.matcher(path)).matches() && "GET".equals(method)) {
            lookup(req, resp, m.group(1), m.group(2));
        } else if ((m = HANDSHAKE.matcher(path)).matches() && ("GET".equals(method) || "POST".equals(method))) {
            handshake(req, resp, auth(req, m.group(1)));
        } else if ((m = COUNT.matcher(path)).matches() && "GET".equals(method)) {
            count(resp, auth(req, m.group(1)));
        } else if ((m = INBOX.matcher(path)).matches() && "GET".equals(method)) {
            inbox(req, resp, auth(req, m.group(1)));
        } else if ((m = ACK.matcher(path)).matches() && "PUT".equals(method)) {
            acknowledge(resp, auth(req, m.group(1)), m.group(2));
        } else if ((m = DOWNLOAD.matcher(path)).matches() && ("GET".equals(method) || "HEAD".equals(method))) {
            download(req, resp, auth(req, m.group(1)), m.group(2),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)), "HEAD".equals(method));
        } else if ((m = OUTBOX.matcher(path)).matches() && "POST".equals(method)) {
            send(req, resp, auth(req, m.group(1)));
        } else if ((m = TRACKING.matcher(path)).matches() && "GET".equals(method)) {
            tracking(resp, auth(req, m.group(1)), req.getParameter("messageID"));
        } else if ((m = TRACKING_LOCAL.matcher(path)).matches() && "GET".equals(method)) {
            trackingByLocalId(resp, auth(req, m.group(1)), m.group(2));
        } else if ((m = STATUS.matcher(path)).matches() && "GET".equals(method)) {
            tracking(resp, auth(req, m.group(1)), m.group(2));
        } else if ((m = CHUNK.matcher(path)).matches() && "POST".equals(method)) {
            sendChunk(req, resp, auth(req, m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
        } else {
            throw new MeshError(404, "", "", "Not found");
        }
    }

    // ------------------------------------------------------------------------------------------------ faults

    private boolean injectFaults(HttpServletResponse resp, String pathMailbox) throws IOException {
        for (DemoMeshProperties.Faults f : List.of(faults.get(MeshFaults.ALL), faults.get(pathMailbox))) {
            if (!f.latency().isZero()) {
                try {
                    Thread.sleep(f.latency().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (f.down()) {
                resp.setStatus(503);
                resp.setHeader("Retry-After", "30");
                resp.setContentType("text/plain;charset=utf-8");
                resp.getWriter().write("The demo MESH server is down (injected fault).");
                return true;
            }
            if (f.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < f.errorRate()) {
                resp.setStatus(500);
                resp.setContentType("text/plain;charset=utf-8");
                resp.getWriter().write("An internal error occurred (injected fault).");
                return true;
            }
        }
        return false;
    }

    /** Operator control of the faults at run time: PUT a JSON Faults object, DELETE to clear (loopback only). */
    private void adminFaults(HttpServletRequest req, HttpServletResponse resp, String method, String key)
            throws IOException, MeshError {
        switch (method) {
            case "GET" -> writeJson(resp, 200, faults.snapshot(), "application/json");
            case "PUT" -> {
                if (key == null) {
                    throw new MeshError(400, "", "", "PUT /demo/mesh/admin/faults/{mailbox id or all}");
                }
                DemoMeshProperties.Faults f = json.readValue(readBody(req), DemoMeshProperties.Faults.class);
                faults.set(key, new DemoMeshProperties.Faults(f.down(),
                        f.latency() == null ? Duration.ZERO : f.latency(), f.errorRate(), f.refuseRecipient(),
                        f.refuseNhsNumbers() == null ? List.of() : f.refuseNhsNumbers(),
                        f.notRegisteredNhsNumbers() == null ? List.of() : f.notRegisteredNhsNumbers()));
                resp.setStatus(204);
            }
            case "DELETE" -> {
                if (key == null) {
                    faults.clearAll();
                } else {
                    faults.clear(key);
                }
                resp.setStatus(204);
            }
            default -> throw new MeshError(405, "", "", "Method not allowed");
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    /**
     * OAS "API Versioning": "MESH uses the `Accept` header"; version 2 is {@code application/vnd.mesh.v2+json}. SBX
     * answers 400 "Accept header api format incorrect" to a malformed {@code vnd.mesh} type. This demo server
     * implements version 2 only: a request for another version, or for none, is 406 (a real server would fall back
     * to version 1, whose shapes differ).
     */
    private static void checkAccept(HttpServletRequest req) throws MeshError {
        String accept = req.getHeader("Accept");
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                if (!type.contains("vnd.mesh")) {
                    continue;
                }
                Matcher m = VND.matcher(type);
                if (!m.matches()) {
                    throw new MeshError(400, "", "", "Accept header api format incorrect");
                }
                if ("2".equals(m.group(1))) {
                    return;
                }
            }
        }
        throw new MeshError(406, "", "", "This demo MESH server implements MESH API version 2 only: send Accept: " + V2);
    }

    private MeshMailbox auth(HttpServletRequest req, String pathMailbox) throws MeshError {
        try {
            return authenticator.authenticate(req.getHeader("Authorization"), pathMailbox.toUpperCase(Locale.ROOT));
        } catch (MeshAuthenticator.Refused e) {
            throw new MeshError(403, "", "", e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ handlers

    /**
     * OAS "Validate a mailbox (Handshake)": {@code Mex-ClientVersion}, {@code Mex-OSName} and {@code Mex-OSVersion}
     * are "required: true"; 200. SBX answers v2 with an empty body.
     */
    private void handshake(HttpServletRequest req, HttpServletResponse resp, MeshMailbox mailbox) throws MeshError {
        for (String h : List.of("Mex-ClientVersion", "Mex-OSName", "Mex-OSVersion")) {
            if (blank(req.getHeader(h))) {
                throw new MeshError(400, "", "", h + " header is required on the handshake");
            }
        }
        log.debug("Demo MESH handshake from {}", mailbox.mailboxId());
        resp.setStatus(200);
    }

    /** OAS "Check an inbox count (deprecated)": {@code count}, {@code internalID}, {@code allResultsIncluded}. */
    private void count(HttpServletResponse resp, MeshMailbox mailbox) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", store.inbox(mailbox.mailboxId()).size());
        body.put("internalID", store.newId());
        body.put("allResultsIncluded", true);
        writeJson(resp, 200, body, V2);
    }

    /**
     * OAS "Check an inbox": the ids of messages "ready for download", at most 500 a request. v2 body (SBX
     * handlers/inbox.py list_messages): {@code messages}, {@code approx_inbox_count}, {@code links.self} and
     * {@code links.next} when more are waiting ({@code continue_from}, {@code max_results}).
     */
    private void inbox(HttpServletRequest req, HttpServletResponse resp, MeshMailbox mailbox) throws IOException {
        List<MeshMessage> waiting = store.inbox(mailbox.mailboxId());
        int max = INBOX_PAGE;
        String maxParam = req.getParameter("max_results");
        if (maxParam != null && maxParam.matches("[0-9]{1,4}")) {
            max = Math.max(1, Math.min(INBOX_PAGE, Integer.parseInt(maxParam)));
        }
        String continueFrom = req.getParameter("continue_from");
        List<MeshMessage> page = new ArrayList<>(waiting);
        if (continueFrom != null) {
            int at = indexOf(page, continueFrom);
            page = at < 0 ? page : page.subList(at + 1, page.size());
        }
        boolean more = page.size() > max;
        page = page.subList(0, Math.min(max, page.size()));
        String self = "/messageexchange/" + mailbox.mailboxId() + "/inbox";
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        if (more) {
            links.put("next", self + "?max_results=" + max + "&continue_from=" + page.getLast().id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", page.stream().map(msg -> msg.id).toList());
        body.put("approx_inbox_count", waiting.size());
        body.put("links", links);
        writeJson(resp, 200, body, V2);
    }

    private static int indexOf(List<MeshMessage> messages, String id) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id.equalsIgnoreCase(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * OAS "Download message" / "Download message chunk": 200, or 206 for a chunk before the last of a chunked
     * message ({@code Mex-Chunk-Range: n:N}); a REPORT has an empty body. An acknowledged message "cannot be
     * downloaded again" (OAS, acknowledge) → 410 Gone; unknown → 404; another mailbox's message → 403 (SBX).
     * Headers as SBX {@code _get_response_headers}. Content-Encoding: gzip as stored when the client accepts gzip,
     * else decompressed; a plain message is gzipped for a v2 client that accepts gzip (SBX).
     */
    private void download(HttpServletRequest req, HttpServletResponse resp, MeshMailbox mailbox, String messageId,
            int chunk, boolean head) throws MeshError, IOException {
        MeshMessage msg = store.get(messageId).orElseThrow(() -> new MeshError(404, "RECEIVE", "20",
                "Message does not exist", messageId));
        if (!msg.recipient.mailboxId().equals(mailbox.mailboxId())) {
            throw new MeshError(403, "RECEIVE", "", "Not the recipient of this message", msg.id);
        }
        if (msg.status == MeshMessage.Status.ACKNOWLEDGED) {
            throw new MeshError(410, "SEND", "", "Message no longer available for download", msg.id);
        }
        if (msg.status != MeshMessage.Status.ACCEPTED) {
            throw new MeshError(404, "RECEIVE", "20", "Message does not exist", msg.id);
        }
        if (chunk < 1 || chunk > msg.totalChunks) {
            throw new MeshError(404, "RECEIVE", "20", "Message does not exist", msg.id);
        }
        Map<String, String> headers = messageHeaders(msg, chunk);
        headers.forEach(resp::setHeader);
        if (msg.type == MeshMessage.Type.REPORT) {
            resp.setStatus(200);
            resp.setContentLength(0);
            return;
        }
        byte[] content = msg.chunks[chunk - 1];
        String acceptEncoding = String.valueOf(req.getHeader("Accept-Encoding")).toLowerCase(Locale.ROOT);
        boolean acceptsGzip = acceptEncoding.contains("gzip");
        if ("gzip".equals(msg.contentEncoding) && !acceptsGzip) {
            content = gunzip(content);
        } else if ("gzip".equals(msg.contentEncoding) || acceptsGzip) {
            if (!"gzip".equals(msg.contentEncoding)) {
                content = gzip(content);
            }
            resp.setHeader("content-encoding", "gzip");
            resp.setHeader("mex-content-compressed", "Y");
        }
        resp.setStatus(chunk < msg.totalChunks ? 206 : 200);
        resp.setContentType(blank(msg.contentType) ? "application/octet-stream" : msg.contentType);
        resp.setContentLength(content.length);
        if (!head) {
            resp.getOutputStream().write(content);
        }
    }

    private Map<String, String> messageHeaders(MeshMessage msg, int chunk) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("mex-from", msg.sender.mailboxId());
        h.put("mex-to", msg.type == MeshMessage.Type.REPORT ? msg.requestedTo : msg.recipient.mailboxId());
        h.put("mex-workflowid", msg.workflowId);
        h.put("mex-chunk-range", chunk + ":" + msg.totalChunks);
        h.put("mex-addresstype", "ALL");
        h.put("mex-localid", msg.localId);
        h.put("mex-partnerid", msg.partnerId);
        h.put("mex-filename", msg.fileName);
        h.put("mex-subject", msg.subject);
        h.put("mex-version", "1.0");
        h.put("mex-messagetype", msg.type.name());
        h.put("mex-messageid", msg.id);
        String at = STATUS_TIME.format(msg.statusTimestamp);
        if (msg.type == MeshMessage.Type.DATA) {
            h.put("mex-statuscode", "00");
            h.put("mex-statusevent", "TRANSFER");
            h.put("mex-statusdescription", "Transferred to recipient mailbox");
            h.put("mex-statussuccess", "SUCCESS");
        } else {
            h.put("mex-linkedmsgid", msg.linkedMessageId);
            h.put("mex-statuscode", msg.statusCode);
            h.put("mex-statusevent", msg.statusEvent);
            h.put("mex-statusdescription", msg.statusDescription);
            h.put("mex-statussuccess", "ERROR");
        }
        h.put("mex-statustimestamp", at);
        if (msg.compressedFlag) {
            h.put("mex-content-compressed", "Y");
        }
        if (msg.encryptedFlag) {
            h.put("mex-content-encrypted", "Y");
        }
        if (!blank(msg.checksum)) {
            h.put("mex-content-checksum", msg.checksum);
        }
        h.put("last-modified", HTTP_DATE.format(msg.statusTimestamp));
        h.values().removeIf(DemoMeshServlet::blank);
        return h;
    }

    /**
     * OAS "Acknowledge message": "closes the message transaction on Spine; removes the message from your mailbox
     * inbox". 200 with an empty body under v2 (SBX); acknowledging again is 200 too (SBX); another mailbox's
     * message is 403 and an unknown one 404 (SBX).
     */
    private void acknowledge(HttpServletResponse resp, MeshMailbox mailbox, String messageId) throws MeshError {
        MeshMessage msg = store.get(messageId).orElseThrow(() -> new MeshError(404, "RECEIVE", "20",
                "Message does not exist", messageId));
        if (!msg.recipient.mailboxId().equals(mailbox.mailboxId())) {
            throw new MeshError(403, "RECEIVE", "", "Not the recipient of this message", msg.id);
        }
        store.acknowledge(msg);
        resp.setStatus(200);
    }

    /**
     * OAS "Send message". Required headers (OAS parameters; SBX common/mex_headers.py for the limits and checks):
     * {@code Mex-To} (missing: 400, SEND 08 "TO_DTS missing", SBX), {@code Mex-WorkflowID}, {@code Mex-From} (OAS
     * error 07 "Invalid From Address, the mailbox does not match the authorization header"), {@code Content-Type};
     * optional {@code Mex-FileName} (SBX default {@code {message_id}.dat}), {@code Mex-LocalID}, {@code Mex-Subject},
     * {@code Mex-Content-Checksum}, {@code Mex-Content-Compressed}, {@code Mex-Content-Encrypted},
     * {@code Mex-Chunk-Range: 1:N} on the first chunk of a chunked message, {@code Content-Encoding: gzip} (any other
     * encoding: 422 "UnsupportedContentEncoding", SBX). An empty body is 417 "MissingDataFile" (SBX, code 02). An
     * unknown recipient is 417 SEND 12 "Unregistered to address" (OAS 417 "Invalid Recipient or the workflow is
     * restricted"); a workflow the sender may not send is 417 SEND 16 (OAS "Sender is not allowed to send messages
     * of this type") and one the recipient may not receive 417 SEND 17 (OAS "Workflow ID not registered for
     * mailbox"). Accepted: 202 {@code {"message_id": ...}} (SBX views/outbox.py). MESH does not de-duplicate: every
     * send is a new message.
     */
    private void send(HttpServletRequest req, HttpServletResponse resp, MeshMailbox sender)
            throws MeshError, IOException, MeshStore.Full {
        String from = trimmed(req.getHeader("Mex-From"));
        if (from != null && !from.equalsIgnoreCase(sender.mailboxId())) {
            throw new MeshError(400, "SEND", "07", "Invalid From Address in the control file");
        }
        String to = trimmed(req.getHeader("Mex-To"));
        if (to == null) {
            throw new MeshError(400, "SEND", "08", "TO_DTS missing");
        }
        String workflowId = trimmed(req.getHeader("Mex-WorkflowID"));
        if (workflowId == null) {
            throw new MeshError(400, "SEND", "06", "Mex-WorkflowID missing");
        }
        String fileName = trimmed(req.getHeader("Mex-FileName"));
        String localId = trimmed(req.getHeader("Mex-LocalID"));
        String subject = trimmed(req.getHeader("Mex-Subject"));
        String checksum = trimmed(req.getHeader("Mex-Content-Checksum"));
        String chunkRange = trimmed(req.getHeader("Mex-Chunk-Range"));
        checkLength(to, 100);
        checkLength(workflowId, 300);
        checkLength(fileName, 300);
        checkLength(localId, 300);
        checkLength(subject, 500);
        checkLength(chunkRange, 20);
        checkLength(checksum, 100);
        if (CONTROL_OR_URL.matcher(to).find() || CONTROL_OR_URL.matcher(workflowId).find()
                || checksum != null && !checksum.matches("[A-Za-z0-9\\s:/-]*")) {
            throw new MeshError(400, "TRANSFER", "06", "MalformedControlFile");
        }
        String encoding = contentEncoding(req);
        int total = 1;
        if (chunkRange != null) {
            int[] range = chunkRange(chunkRange);
            if (range == null || range[0] != 1) {
                throw new MeshError(417, "SEND", "InvalidHeaderChunks",
                        "Invalid chunk values sent in mex-Chunk-Range header");
            }
            total = range[1];
        }
        byte[] body = readBody(req);
        if (body.length == 0) {
            throw new MeshError(417, "COLLECT", "02", "Data file is missing or inaccessible.");
        }
        checkGzip(encoding, body);
        if (!sender.maySend(workflowId)) {
            throw new MeshError(417, "SEND", "16", "Sender is not allowed to send messages of this type");
        }
        String contentType = firstNonBlank(req.getHeader("Mex-Content-Type"), req.getHeader("Content-Type"));
        boolean compressed = flag(req.getHeader("Mex-Content-Compressed"));
        boolean encrypted = flag(req.getHeader("Mex-Content-Encrypted"));
        String partnerId = trimmed(req.getHeader("Mex-PartnerID"));
        String id = store.newId();

        MeshMailbox recipient;
        GpProviderRouter.Route route = null;
        if (GpProviderRouter.isGpProviderAddress(to, workflowId)) {
            route = router.route(to, workflowId);
            recipient = route.mailbox();
        } else {
            recipient = mailboxes.get(to).orElseThrow(
                    () -> new MeshError(417, "SEND", "12", "Unregistered to address"));
        }
        if (recipient != null && faults.get(recipient.mailboxId()).refuseRecipient()) {
            throw new MeshError(417, "SEND", "12", "Unregistered to address");
        }
        if (recipient != null && !recipient.mayReceive(workflowId)) {
            throw new MeshError(417, "SEND", "17", "Workflow ID not registered for mailbox");
        }
        MeshMessage msg = new MeshMessage(id, MeshMessage.Type.DATA, sender, recipient == null ? sender : recipient,
                to, workflowId, subject, localId, fileName == null ? id + ".dat" : fileName, contentType, encoding,
                compressed, encrypted, checksum, partnerId, total, store.now());
        msg.status = MeshMessage.Status.UPLOADING;
        store.add(msg, body.length);
        if (recipient == null) {
            // Routing failed: the send is still accepted, and an error report goes to the sender's inbox.
            store.markUndeliverable(msg, "SEND", route.code(), route.description());
            store.putChunk(msg, 1, body);
            MeshMessage report = new MeshMessage(store.newId(), MeshMessage.Type.REPORT, sender, sender, to,
                    workflowId, subject, localId, null, null, "", false, false, null, null, 1, store.now());
            report.status = MeshMessage.Status.UPLOADING;
            report.linkedMessageId = id;
            report.statusEvent = "SEND";
            report.statusCode = route.code();
            report.statusDescription = route.description();
            store.add(report, 0);
            store.putChunk(report, 1, new byte[0]);
        } else {
            store.putChunk(msg, 1, body);
        }
        log.info("Demo MESH: message {} from {} to {} workflow {} ({} chunk(s))", id, sender.mailboxId(),
                recipient == null ? "(routing failed: " + route.code() + ")" : recipient.mailboxId(), workflowId, total);
        writeJson(resp, 202, Map.of("message_id", id), V2);
    }

    /**
     * OAS "Send chunked message": {@code POST .../outbox/{messageId}/{chunkNo}} with {@code Mex-Chunk-Range: n:N}.
     * SBX handlers/outbox.py send_chunk: a missing or inconsistent range is 417 "InvalidHeaderChunks"; unknown 404;
     * another sender's message 403; a message no longer uploading 423; a chunk past N 406; a changed
     * Content-Encoding 417 "cannot change content encoding". 202 (v2: no body).
     */
    private void sendChunk(HttpServletRequest req, HttpServletResponse resp, MeshMailbox sender, String messageId,
            int number) throws MeshError, IOException, MeshStore.Full {
        String range = trimmed(req.getHeader("Mex-Chunk-Range"));
        int[] r = range == null ? null : chunkRange(range);
        if (r == null || r[0] != number) {
            throw new MeshError(417, "SEND", "InvalidHeaderChunks",
                    "Invalid chunk values sent in mex-Chunk-Range header", messageId);
        }
        MeshMessage msg = store.get(messageId).orElseThrow(() -> new MeshError(404, "SEND", "", "Not found", messageId));
        if (!msg.sender.mailboxId().equals(sender.mailboxId())) {
            throw new MeshError(403, "SEND", "", "Not the sender of this message", msg.id);
        }
        if (msg.status != MeshMessage.Status.UPLOADING) {
            throw new MeshError(423, "SEND", "", "Message is not uploading", msg.id);
        }
        if (number > msg.totalChunks || r[1] != msg.totalChunks) {
            throw new MeshError(406, "SEND", "", "Chunk number beyond the total", msg.id);
        }
        String encoding = contentEncoding(req);
        if (!encoding.equals(msg.contentEncoding)) {
            throw new MeshError(417, "SEND", "", "cannot change content encoding", msg.id);
        }
        byte[] body = readBody(req);
        if (body.length == 0) {
            throw new MeshError(417, "COLLECT", "02", "Data file is missing or inaccessible.", msg.id);
        }
        checkGzip(encoding, body);
        store.putChunk(msg, number, body);
        resp.setStatus(202);
    }

    /**
     * OAS "Track an outbox message": {@code GET .../outbox/tracking?messageID=}; SBX also serves
     * {@code GET .../outbox/{messageId}/status}. Only the sender may track (else 404). v2 body: SBX views/tracking.py
     * TrackingV2.
     */
    private void tracking(HttpServletResponse resp, MeshMailbox sender, String messageId) throws MeshError, IOException {
        if (blank(messageId)) {
            throw new MeshError(400, "", "", "messageID is required");
        }
        MeshMessage msg = store.get(messageId).filter(m -> m.type == MeshMessage.Type.DATA)
                .filter(m -> m.sender.mailboxId().equals(sender.mailboxId()))
                .orElseThrow(() -> new MeshError(404, "", "", "Message does not exist", messageId));
        writeJson(resp, 200, trackingBody(msg), V2);
    }

    /**
     * OAS "Track outbox (deprecated)" by local id: 300 Multiple Choices when the local id is not unique. (Send
     * Document puts the sender's ODS code in Mex-LocalID, which is rarely unique: track by message id.)
     */
    private void trackingByLocalId(HttpServletResponse resp, MeshMailbox sender, String localId)
            throws MeshError, IOException {
        List<MeshMessage> found = store.sentBy(sender.mailboxId(), localId);
        if (found.isEmpty()) {
            throw new MeshError(404, "", "", "Message does not exist");
        }
        if (found.size() > 1) {
            throw new MeshError(300, "", "", "Multiple messages have this local id");
        }
        writeJson(resp, 200, trackingBody(found.getFirst()), V2);
    }

    private Map<String, Object> trackingBody(MeshMessage msg) {
        Map<String, Object> t = new LinkedHashMap<>();
        boolean undeliverable = msg.status == MeshMessage.Status.UNDELIVERABLE;
        t.put("message_id", msg.id);
        t.put("local_id", msg.localId);
        t.put("workflow_id", msg.workflowId);
        t.put("filename", msg.fileName);
        t.put("expiry_time", undeliverable ? null : iso(msg.created.plus(INBOX_EXPIRY)));
        t.put("upload_timestamp", iso(msg.created));
        t.put("recipient", undeliverable ? null : msg.recipient.mailboxId());
        t.put("recipient_name", undeliverable ? null : msg.recipient.name());
        t.put("recipient_ods_code", undeliverable ? null : msg.recipient.odsCode());
        t.put("recipient_org_code", undeliverable ? null : msg.recipient.odsCode());
        t.put("recipient_org_name", undeliverable ? null : msg.recipient.name());
        t.put("status_success", !undeliverable);
        t.put("status", msg.status.name().toLowerCase(Locale.ROOT));
        t.put("status_event", msg.statusEvent);
        t.put("status_timestamp", iso(msg.statusTimestamp));
        t.put("status_description", msg.statusDescription);
        t.put("status_code", msg.statusCode);
        t.values().removeIf(v -> v == null);
        return t;
    }

    /**
     * OAS "Look up MESH address": {@code GET /messageexchange/endpointlookup/{ods_code}/{workflow_id}} →
     * {@code {"query_id", "results": [{"endpoint_type": "MESH", "description", "address"}]}}. The token is checked
     * against its own mailbox (the path names none).
     */
    private void lookup(HttpServletRequest req, HttpServletResponse resp, String ods, String workflowId)
            throws MeshError, IOException {
        String header = req.getHeader("Authorization");
        String tokenMailbox = header != null && header.startsWith(MeshAuthenticator.SCHEME)
                ? header.substring(MeshAuthenticator.SCHEME.length()).split(":", 2)[0] : "";
        auth(req, tokenMailbox);
        List<Map<String, String>> results = mailboxes.receiving(ods, workflowId).stream()
                .map(m -> Map.of("endpoint_type", "MESH", "description", m.name(), "address", m.mailboxId()))
                .toList();
        writeJson(resp, 200, Map.of("query_id", store.newId(), "results", results), V2);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String contentEncoding(HttpServletRequest req) throws MeshError {
        String encoding = String.valueOf(firstNonBlank(req.getHeader("Content-Encoding"), "")).trim()
                .toLowerCase(Locale.ROOT);
        if (!encoding.isEmpty() && !"gzip".equals(encoding)) {
            throw new MeshError(422, "SEND", "UnsupportedContentEncoding", "Unsupported content encoding");
        }
        return encoding;
    }

    /** A body declared gzip must be gzip (SBX "Invalid file format": "File Level Error (file not formed correctly)"). */
    private static void checkGzip(String encoding, byte[] body) throws MeshError {
        if ("gzip".equals(encoding) && (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b)) {
            throw new MeshError(400, "SEND", "Invalid file format", "File Level Error (file not formed correctly)");
        }
    }

    /** SBX get_chunk_range: "n:N", numeric, 0 &lt; n &lt;= N. */
    private static int[] chunkRange(String range) {
        String[] parts = range.split(":");
        if (parts.length != 2) {
            return null;
        }
        try {
            int n = Integer.parseInt(parts[0].trim());
            int total = Integer.parseInt(parts[1].trim());
            return n > 0 && n <= total ? new int[] {n, total} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void checkLength(String value, int max) throws MeshError {
        if (value != null && value.length() > max) {
            throw new MeshError(400, "TRANSFER", "06", "MalformedControlFile");
        }
    }

    private byte[] readBody(HttpServletRequest req) throws IOException, MeshError {
        long declared = req.getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw new MeshError(413, "SEND", "", "The request is larger than " + maxRequestBytes + " bytes");
        }
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
            if (body.length > maxRequestBytes) {
                throw new MeshError(413, "SEND", "", "The request is larger than " + maxRequestBytes + " bytes");
            }
            return body;
        }
    }

    private byte[] gunzip(byte[] content) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(content))) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes * 20));
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private void writeJson(HttpServletResponse resp, int status, Object body, String type) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /** The v2 error body (SBX views/error.py MeshErrorV2): {@code message_id}, {@code internal_id}, {@code detail}. */
    private void error(HttpServletResponse resp, MeshError e, String internalId) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        Map<String, Object> body = new LinkedHashMap<>();
        if (e.messageId != null) {
            body.put("message_id", e.messageId);
        }
        body.put("internal_id", internalId);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("event", e.event);
        detail.put("code", e.code);
        detail.put("msg", e.getMessage());
        body.put("detail", List.of(detail));
        writeJson(resp, e.status, body, V2);
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    private static boolean flag(String v) {
        return v != null && List.of("y", "yes", "t", "true", "on", "1").contains(v.trim().toLowerCase(Locale.ROOT));
    }

    private static String trimmed(String v) {
        return blank(v) ? null : v.trim();
    }

    private static String firstNonBlank(String a, String b) {
        return blank(a) ? b : a;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
