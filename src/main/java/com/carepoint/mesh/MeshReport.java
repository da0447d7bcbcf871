package com.carepoint.mesh;

import java.util.Map;
import java.util.Optional;

/**
 * A MESH error report: a message of {@code Mex-MessageType: REPORT} about a message Carepoint sent that MESH could not
 * deliver. The MESH API specification, "Asynchronous error reporting": {@code Mex-LinkedMsgID} "The message
 * identifier of the undelivered message", {@code Mex-StatusCode} "non-00 indicates error", {@code Mex-StatusSuccess}
 * "SUCCESS or ERROR (is always ERROR in an error report)", {@code Mex-StatusEvent} "Step in the MESH server side
 * process when the error occurred".
 *
 * <p>Registered-practice routing ({@code GPPROVIDER_...}) reports its failures only this way: "errors encountered
 * when using the automated registered practice routing will not be returned in the API response header or payload,
 * but via a MESH error report" (nhsconnect/gpconnect-messaging, senddocument_fedcon_errors).
 *
 * @param linkedMessageId the undelivered message's id, or null when MESH did not say
 * @param localId         the undelivered message's {@code Mex-LocalID}, or null
 */
public record MeshReport(String linkedMessageId, String statusCode, String statusEvent, String statusDescription,
        boolean success, String statusTimestamp, String localId) {

    /**
     * What the report means, in plain English. Codes from the MESH API specification's "Error codes" table and the
     * endpoint lookup codes (EPL-150 to EPL-154) of NHS England's MESH guidance on endpoint lookup, as listed in
     * nhsconnect/gpconnect-messaging senddocument_fedcon_errors.
     */
    public String plainEnglish() {
        String code = statusCode == null ? "" : statusCode.trim();
        return Optional.ofNullable(MEANINGS.get(code))
                .orElse("MESH could not deliver the message (code " + (code.isEmpty() ? "not given" : code) + ")");
    }

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("02", "MESH could not read the message file"),
            Map.entry("06", "MESH found the message's headers malformed"),
            Map.entry("07", "MESH did not accept the sending mailbox"),
            Map.entry("08", "The message had no recipient"),
            Map.entry("11", "MESH did not accept the message type"),
            Map.entry("12", "The recipient is not registered with MESH"),
            Map.entry("14", "The recipient did not collect the message in time"),
            Map.entry("16", "Carepoint's mailbox is not allowed to send messages of this type"),
            Map.entry("17", "The workflow is not registered for the mailbox"),
            Map.entry("EPL-150", "MESH found more than one mailbox for the patient's registered practice"),
            Map.entry("EPL-151", "MESH found no mailbox for the patient's registered practice"),
            Map.entry("EPL-152", "MESH found the NHS number invalid"),
            Map.entry("EPL-153", "MESH did not find the NHS number on the national demographics service"),
            Map.entry("EPL-154", "The NHS number does not match the date of birth and surname on the national "
                    + "demographics service"));
}
