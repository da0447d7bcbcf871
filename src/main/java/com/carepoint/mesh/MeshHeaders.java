package com.carepoint.mesh;

/**
 * MESH header names as the MESH API specification writes them (NHSDigital/mesh-api-specification,
 * specification/mesh-api.yaml: "Headers should be treated case insensitively, most http clients will do this for you
 * automatically, but please do not rely on explicit case"), and the checks on the values Carepoint sends.
 */
final class MeshHeaders {

    /** "MESH uses the Accept header to support different versions in the same API ... 2: application/vnd.mesh.v2+json" (mesh-api.yaml, "API Versioning"). */
    static final String ACCEPT_V2 = "application/vnd.mesh.v2+json";

    static final String MEX_FROM = "Mex-From";
    static final String MEX_TO = "Mex-To";
    static final String MEX_WORKFLOW_ID = "Mex-WorkflowID";
    static final String MEX_FILE_NAME = "Mex-FileName";
    static final String MEX_LOCAL_ID = "Mex-LocalID";
    static final String MEX_SUBJECT = "Mex-Subject";
    static final String MEX_CHUNK_RANGE = "Mex-Chunk-Range";
    /** Sandbox {@code mex_headers.py}: "Content Type of the overall message, overrides Content-Type and is passed through to recipient, for chunked messages Content-Type will always be application/octet-stream". */
    static final String MEX_CONTENT_TYPE = "Mex-Content-Type";
    static final String MEX_CLIENT_VERSION = "Mex-ClientVersion";
    static final String MEX_OS_NAME = "Mex-OSName";
    static final String MEX_OS_VERSION = "Mex-OSVersion";
    static final String MEX_OS_ARCHITECTURE = "Mex-OSArchitecture";
    static final String MEX_JAVA_VERSION = "Mex-JavaVersion";
    static final String MEX_MESSAGE_ID = "Mex-MessageID";
    static final String MEX_MESSAGE_TYPE = "Mex-MessageType";
    static final String MEX_LINKED_MSG_ID = "Mex-LinkedMsgID";
    static final String MEX_STATUS_CODE = "Mex-StatusCode";
    static final String MEX_STATUS_EVENT = "Mex-StatusEvent";
    static final String MEX_STATUS_DESCRIPTION = "Mex-StatusDescription";
    static final String MEX_STATUS_SUCCESS = "Mex-StatusSuccess";
    static final String MEX_STATUS_TIMESTAMP = "Mex-StatusTimestamp";

    private MeshHeaders() {
    }

    /** Refuses a value MESH would reject or an HTTP stack might alter: control characters, non-ASCII, too long. */
    static void checkValue(String header, String value, int maxLength, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException(header + " is required");
            }
            return;
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(header + " is longer than MESH accepts (" + maxLength + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(header + " may hold printable ASCII characters only");
            }
        }
        if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
            // The sandbox refuses a URL in Mex-To or Mex-WorkflowID ("MalformedControlFile").
            throw new IllegalArgumentException(header + " cannot be a URL");
        }
    }
}
