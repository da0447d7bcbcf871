package com.carepoint.gpconnect.senddocument;

import java.util.Optional;

/**
 * An ITK3 response the registered practice sent about a Consultation Report (workflow
 * {@code GPFED_CONSULT_REPORT_ACK}).
 *
 * @param originalMessageId the {@code MessageHeader.response.identifier}: the MessageHeader id of the report it
 *                          answers (FHIR STU3: "Id of original message"), or {@code UNREADABLE-IN-ORIGINAL-MESSAGE}
 *                          (ITK3: "Unable to ascertain the identifier of the original message ... return the fixed
 *                          string")
 * @param senderReference   the echoed SenderReference (GPCM-SD-CS-056), when present
 * @param senderOdsCode     the practice's ODS code from the header Organization, when present
 * @param level             infrastructure (codes 1xxxx and 2xxxx) or business (3xxxx)
 * @param outcome           accepted, filed, a duplicate or rejected
 * @param code              the ITK3 response code, or null when the response carried none (an OK acknowledgement
 *                          carried in the MessageHeader alone)
 * @param plainEnglish      what it means, for the note's author
 * @param diagnostics       the practice system's own explanation (GPCM-SD-032: "error context and description MUST be
 *                          provided in the OperationOutcome.diagnostic element")
 */
public record ItkAcknowledgement(String originalMessageId, Optional<String> senderReference,
        Optional<String> senderOdsCode, Level level, Outcome outcome, String code, String plainEnglish,
        Optional<String> diagnostics) {

    /** Which acknowledgement this is (ITK3 response codes: "InfAckRequested=true - Prefix 1 and 2 (10001 to 20013) should be returned; BusAckRequested=true - Prefix 3 (30001 to 30003) must be returned"). */
    public enum Level {
        INFRASTRUCTURE, BUSINESS
    }

    /** What it says about the report. */
    public enum Outcome {
        /** 20013 "Success": the practice's system received and validated the message. */
        ACCEPTED,
        /** 30001 "Patient known here": the practice has the patient and takes the report into the record. */
        FILED,
        /**
         * 20007 "Duplicate Message received" or 20008 "Duplicate Document received": this copy was refused because the
         * practice already has the message — a resend after a lost answer. It says nothing bad about the first copy,
         * whose own acknowledgements stand; it is not a reason to tell the author the report failed.
         */
        DUPLICATE,
        /** Any other negative code: "All Negative response codes are deemed to be fatal and no further processing will be carried out on the message". */
        REJECTED
    }

    public boolean rejected() {
        return outcome == Outcome.REJECTED;
    }

    @Override
    public String toString() {
        return "ItkAcknowledgement[" + originalMessageId + ", " + level + ", " + outcome + ", " + code + "]";
    }
}
