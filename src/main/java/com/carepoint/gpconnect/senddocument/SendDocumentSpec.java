package com.carepoint.gpconnect.senddocument;

/**
 * The fixed values of GP Connect Send Document, each as the requirement that sets it
 * (nhsconnect/gpconnect-messaging {@code _data/senddoc_requirements.yml}, the 1.5.x catalogue).
 */
public final class SendDocumentSpec {

    private SendDocumentSpec() {
    }

    /** GPCM-SD-CS-061: "each instance of a Consultation Report message MUST include the following MESH Workflow ID ... GPFED_CONSULT_REPORT". */
    public static final String WORKFLOW_ID = "GPFED_CONSULT_REPORT";
    /** GPCM-SD-CS-062: "each instance of an acknowledgement message ... MUST include the following Workflow ID ... GPFED_CONSULT_REPORT_ACK". */
    public static final String ACK_WORKFLOW_ID = "GPFED_CONSULT_REPORT_ACK";

    /** The media type Carepoint sends the message as: every published example is an XML Bundle (the spec fixes no media type). */
    public static final String CONTENT_TYPE = "application/fhir+xml";

    // Profiles (GPCM-SD-001..005, CS-017, CS-024..026, CS-049; examples _includes/senddocument/consultation_report.xml)
    public static final String PROFILE_MESSAGE_BUNDLE = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1";
    public static final String PROFILE_MESSAGE_HEADER = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2";
    public static final String PROFILE_HEADER_ORGANIZATION = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Organization-1";
    public static final String PROFILE_DOCUMENT_BUNDLE = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1";
    public static final String PROFILE_COMPOSITION = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Composition-1";
    public static final String PROFILE_BINARY = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Attachment-Binary-1";
    public static final String PROFILE_PATIENT = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1";
    public static final String PROFILE_ORGANIZATION = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Organization-1";
    public static final String PROFILE_PRACTITIONER = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Practitioner-1";
    public static final String PROFILE_ENCOUNTER = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Encounter-1";

    // The ITK3 handling specification extension (ITK-MessageHeader-2; CS-043..048)
    public static final String EXT_MESSAGE_HANDLING = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2";
    public static final String SYSTEM_RECIPIENT_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1";
    /** GPCM-SD-CS-047: "MessageDefinition MUST be set to fixed value of https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1". */
    public static final String MESSAGE_DEFINITION = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1";
    /** GPCM-SD-CS-048: "LocalExtension MUST be set to fixed value of SendDocument-ConsultationReport". */
    public static final String LOCAL_EXTENSION = "SendDocument-ConsultationReport";

    // Events (CS-051, CS-058)
    public static final String SYSTEM_MESSAGE_EVENT = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2";
    public static final String EVENT_SEND_DOCUMENT = "ITK007C";
    public static final String EVENT_RESPONSE = "ITK008M";

    // Identifiers and codings
    public static final String SYSTEM_RFC4122 = "https://tools.ietf.org/html/rfc4122";
    public static final String SYSTEM_ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SYSTEM_SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    public static final String SYSTEM_NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String EXT_NHS_NUMBER_VERIFICATION = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-NHSNumberVerificationStatus-1";
    public static final String SYSTEM_NHS_NUMBER_VERIFICATION = "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1";
    public static final String SYSTEM_SNOMED = "http://snomed.info/sct";
    /** GPCM-SD-CS-019: "Composition.type MUST contain the SNOMED code 371531000 (Report of clinical encounter)". */
    public static final String REPORT_OF_CLINICAL_ENCOUNTER = "371531000";
    /** GPCM-SD-CS-022: "Composition.title MUST contain the fixed value Consultation report". */
    public static final String COMPOSITION_TITLE = "Consultation report";

    /** The ITK3 response codes (ITK-RS: "issue.details.coding.code ... ITK3 Response Codes"). */
    public static final String SYSTEM_ITK_RESPONSE_CODES = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1";
}
