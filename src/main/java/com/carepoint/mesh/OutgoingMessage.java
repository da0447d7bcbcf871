package com.carepoint.mesh;

import java.util.Objects;
import java.util.Optional;

/**
 * A message to send through MESH ({@code POST /messageexchange/{mailbox}/outbox}). The header values must be printable
 * ASCII (MESH refuses control characters with "MalformedControlFile"; Carepoint sends nothing it cannot be sure every
 * HTTP stack carries unchanged) and within MESH's lengths (the official sandbox's {@code send_message_mex_headers}:
 * Mex-To 100, Mex-WorkflowID 300, Mex-Subject 500, Mex-LocalID 300, Mex-FileName 300).
 *
 * @param to          {@code Mex-To}: the recipient mailbox, or an address MESH resolves (e.g. {@code GPPROVIDER_...})
 * @param workflowId  {@code Mex-WorkflowID}
 * @param body        the message file's bytes, uncompressed
 * @param contentType the media type of the body (sent as {@code Content-Type}, or as {@code Mex-Content-Type} when the
 *                    message is chunked and each chunk is {@code application/octet-stream})
 * @param fileName    {@code Mex-FileName} (required by the MESH API specification)
 * @param localId     {@code Mex-LocalID}, or null: "must not contain Patient Identifiable Data"
 * @param subject     {@code Mex-Subject}, or null
 */
public record OutgoingMessage(String to, String workflowId, byte[] body, String contentType, String fileName,
        String localId, String subject) {

    public OutgoingMessage {
        Objects.requireNonNull(body, "body");
        MeshHeaders.checkValue("Mex-To", to, 100, true);
        MeshHeaders.checkValue("Mex-WorkflowID", workflowId, 300, true);
        MeshHeaders.checkValue("Content-Type", contentType, 200, true);
        MeshHeaders.checkValue("Mex-FileName", fileName, 300, true);
        MeshHeaders.checkValue("Mex-LocalID", localId, 300, false);
        MeshHeaders.checkValue("Mex-Subject", subject, 500, false);
        if (body.length == 0) {
            // The sandbox answers 417 "MissingDataFile" to an empty body.
            throw new IllegalArgumentException("A MESH message cannot be empty");
        }
    }

    public Optional<String> localIdValue() {
        return Optional.ofNullable(localId);
    }

    public Optional<String> subjectValue() {
        return Optional.ofNullable(subject);
    }

    @Override
    public String toString() {
        // The address and subject of a GP Connect message name the patient: never in a log line.
        return "OutgoingMessage[workflowId=" + workflowId + ", bytes=" + body.length + "]";
    }
}
