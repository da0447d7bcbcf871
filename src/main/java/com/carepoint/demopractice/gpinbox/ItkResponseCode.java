package com.carepoint.demopractice.gpinbox;

import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/**
 * The ITK3 response codes a demo GP system returns (nhsconnect/ITK3-Messaging-Distribution
 * pages/explore/explore_response_codes.md, with the response code, severity and issue type mapping of
 * explore_response_structure.md). "InfAckRequested=true - Prefix 1 and 2 (10001 to 20013) should be returned;
 * BusAckRequested=true - Prefix 3 (30001 to 30003) must be returned" (explore_response_codes.md).
 */
enum ItkResponseCode {
    HANDLING_SPECIFICATION_ERROR("10001", "Handling Specification Error", OperationOutcome.IssueType.PROCESSING),
    INF_ACK_FLAG_ERROR("10002", "Infrastructure Acknowledgement flag processing error",
            OperationOutcome.IssueType.PROCESSING),
    BUS_ACK_FLAG_ERROR("10003", "Business Acknowledgement flag processing error", OperationOutcome.IssueType.PROCESSING),
    MESSAGE_DEFINITION_ERROR("10004", "Message Definition value processing error", OperationOutcome.IssueType.PROCESSING),
    SENDER_REFERENCE_ERROR("10007", "Sender Reference value processing error", OperationOutcome.IssueType.PROCESSING),
    HANDLING_BUSINESS_RULE_ERROR("10008", "Handling Specification business rule error",
            OperationOutcome.IssueType.PROCESSING),
    UNREADABLE("10009", "Unreadable message received", OperationOutcome.IssueType.PROCESSING),
    UNSUPPORTED_ATTACHMENT("20005", "Unsupported attachment file type", OperationOutcome.IssueType.SECURITY),
    HEADER_VALIDATION_FAILURE("20006", "ITK3 header validation failure", OperationOutcome.IssueType.INVALID),
    DUPLICATE_MESSAGE("20007", "Duplicate message", OperationOutcome.IssueType.DUPLICATE),
    PAYLOAD_VALIDATION_FAILURE("20009", "Payload validation failure", OperationOutcome.IssueType.INVALID),
    SUCCESS("20013", "Success", OperationOutcome.IssueType.INFORMATIONAL),
    PATIENT_KNOWN("30001", "Patient known here", OperationOutcome.IssueType.INFORMATIONAL),
    PATIENT_NOT_KNOWN("30002", "Patient not known here", OperationOutcome.IssueType.NOTFOUND),
    PATIENT_NO_LONGER_HERE("30003", "Patient no longer at this clinical setting",
            OperationOutcome.IssueType.BUSINESSRULE);

    /** https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1 (see docs/specs/send-document-and-mesh.md A4). */
    static final String SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1";

    final String code;
    final String display;
    final OperationOutcome.IssueType issueType;

    ItkResponseCode(String code, String display, OperationOutcome.IssueType issueType) {
        this.code = code;
        this.display = display;
        this.issueType = issueType;
    }

    boolean positive() {
        return this == SUCCESS || this == PATIENT_KNOWN;
    }

    boolean business() {
        return code.startsWith("3");
    }

    /** ITK-RS: {@code ok} with severity information for a success, {@code fatal-error} with severity fatal else. */
    MessageHeader.ResponseType responseType() {
        return positive() ? MessageHeader.ResponseType.OK : MessageHeader.ResponseType.FATALERROR;
    }

    OperationOutcome.IssueSeverity severity() {
        return positive() ? OperationOutcome.IssueSeverity.INFORMATION : OperationOutcome.IssueSeverity.FATAL;
    }
}
