package com.carepoint.mesh;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A MESH error answer, in any of the shapes MESH uses: v1 {@code {"messageID", "errorEvent", "errorCode",
 * "errorDescription"}} (MESH API specification, "Send message", 417), v2 {@code {"message_id", "internal_id",
 * "detail": [{"event", "code", "msg"}]}} (sandbox {@code views/error.py}, {@code MeshErrorV2}), or a plain
 * {@code {"detail": "..."}}. An answer that is none of these (an HTML error page, nothing) reads as no code.
 */
record MeshError(String event, String code, String description) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static MeshError read(byte[] body) {
        if (body == null || body.length == 0 || body.length > 65536) {
            return new MeshError(null, null, null);
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                return new MeshError(null, null, null);
            }
            JsonNode detail = n.path("detail");
            if (detail.isArray() && !detail.isEmpty()) {
                JsonNode first = detail.get(0);
                return new MeshError(text(first.path("event")), text(first.path("code")), text(first.path("msg")));
            }
            if (n.has("errorDescription") || n.has("errorCode")) {
                return new MeshError(text(n.path("errorEvent")), text(n.path("errorCode")),
                        text(n.path("errorDescription")));
            }
            if (detail.isString()) {
                return new MeshError(null, null, detail.stringValue());
            }
            if (detail.isObject()) {
                return new MeshError(text(detail.path("errorEvent")), text(detail.path("errorCode")),
                        text(detail.path("errorDescription")));
            }
            return new MeshError(null, null, null);
        } catch (JacksonException e) {
            return new MeshError(null, null, null);
        }
    }

    private static String text(JsonNode n) {
        if (n.isString()) {
            return n.stringValue();
        }
        if (n.isNumber()) {
            // The specification's 417 schema types errorCode as an integer: 12 is "12".
            String s = n.asString();
            return s.length() == 1 ? "0" + s : s;
        }
        return null;
    }

    /**
     * What an HTTP error status means for each call, from the MESH API specification's responses and "Error codes"
     * table (07 invalid From address, 08 missing Mex-To, 12 "Unregistered to address", 16 "Sender is not allowed to send
     * messages of this type", 17 "Workflow ID not registered for mailbox") and the sandbox's answers ({@code 403} "No
     * mailbox matched", {@code 400} "Invalid Authentication Token" / "Error reading from Authorization header" /
     * "Mailbox id does not match token", {@code 417} "Unregistered recipient").
     */
    static MeshException.Kind kind(MeshClient.Call call, int status, MeshError error) {
        String code = error.code() == null ? "" : error.code().trim();
        String text = error.description() == null ? "" : error.description().toLowerCase(Locale.ROOT);
        if (code.equals("12") || text.contains("unregistered") || text.contains("invalid to address")) {
            return MeshException.Kind.UNKNOWN_RECIPIENT;
        }
        if (code.equals("16") || code.equals("17") || text.contains("not registered for mailbox")) {
            return MeshException.Kind.WORKFLOW_NOT_PERMITTED;
        }
        if (text.contains("no mailbox matched")) {
            return MeshException.Kind.MAILBOX_NOT_FOUND;
        }
        if (text.contains("authentication token") || text.contains("authorization header")
                || text.contains("does not match token") || code.equals("07")) {
            return MeshException.Kind.AUTHENTICATION_FAILED;
        }
        if (text.contains("does not exist")) {
            // "403: Message does not exist" is the tracking endpoint's documented answer.
            return MeshException.Kind.NOT_FOUND;
        }
        return switch (status) {
            case 401, 403 -> MeshException.Kind.AUTHENTICATION_FAILED;
            case 404 -> call == MeshClient.Call.HANDSHAKE ? MeshException.Kind.MAILBOX_NOT_FOUND
                    : MeshException.Kind.NOT_FOUND;
            case 410 -> MeshException.Kind.GONE;
            case 413 -> MeshException.Kind.TOO_LARGE;
            case 408, 425, 429 -> MeshException.Kind.THROTTLED;
            default -> status >= 500 ? MeshException.Kind.SERVER_ERROR
                    : status == 417 && call == MeshClient.Call.SEND && code.startsWith("EPL-")
                            ? MeshException.Kind.UNKNOWN_RECIPIENT
                            : MeshException.Kind.REJECTED;
        };
    }
}
