package com.carepoint.mesh;

import java.util.Map;
import java.util.Optional;

/**
 * A message downloaded from the inbox ({@code GET /messageexchange/{mailbox}/inbox/{messageId}}, with every chunk
 * fetched and any {@code Content-Encoding: gzip} undone). A download is not an acknowledgement: call
 * {@link MeshClient#acknowledge} once it is safely processed, or MESH keeps it ("Messages that are not downloaded and
 * acknowledged within five days of delivery are removed from your inbox. The sending organisation receives an error
 * report").
 *
 * @param messageId   {@code Mex-MessageID}
 * @param type        {@code Mex-MessageType}: a {@code DATA} message, or a {@code REPORT} (an error report: "the
 *                    Download message response body of an error report message is empty")
 * @param from        {@code Mex-From}
 * @param to          {@code Mex-To}
 * @param workflowId  {@code Mex-WorkflowID}
 * @param localId     {@code Mex-LocalID}, or null
 * @param fileName    {@code Mex-FileName}, or null
 * @param contentType {@code Mex-Content-Type}, else {@code Content-Type}, or null
 * @param body        the message's bytes (empty for a report)
 * @param report      the error report, for a {@code REPORT}
 * @param mexHeaders  every {@code mex-*} header as received, names in lower case
 */
public record DownloadedMessage(String messageId, Type type, String from, String to, String workflowId,
        String localId, String fileName, String contentType, byte[] body, Optional<MeshReport> report,
        Map<String, String> mexHeaders) {

    /** {@code Mex-MessageType}. */
    public enum Type {
        DATA, REPORT, OTHER
    }

    @Override
    public String toString() {
        return "DownloadedMessage[" + messageId + ", " + type + ", workflowId=" + workflowId + ", bytes="
                + body.length + "]";
    }
}
