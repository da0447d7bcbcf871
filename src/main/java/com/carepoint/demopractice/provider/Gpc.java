package com.carepoint.demopractice.provider;

import com.carepoint.demopractice.data.NhsNumbers;

/** GP Connect wire constants as the demo providers check and answer them. */
final class Gpc {

    static final String PREFIX = "urn:nhs:names:services:gpconnect:";
    static final String METADATA = PREFIX + "fhir:rest:read:metadata-1";
    static final String STRUCTURED_METADATA = PREFIX + "structured:fhir:rest:read:metadata-1";
    static final String SEARCH_PATIENT = PREFIX + "fhir:rest:search:patient-1";
    static final String READ_PATIENT = PREFIX + "fhir:rest:read:patient-1";
    static final String SEARCH_PRACTITIONER = PREFIX + "fhir:rest:search:practitioner-1";
    static final String READ_PRACTITIONER = PREFIX + "fhir:rest:read:practitioner-1";
    static final String SEARCH_ORGANIZATION = PREFIX + "fhir:rest:search:organization-1";
    static final String READ_ORGANIZATION = PREFIX + "fhir:rest:read:organization-1";
    static final String READ_LOCATION = PREFIX + "fhir:rest:read:location-1";
    static final String STRUCTURED = PREFIX + "fhir:operation:gpc.getstructuredrecord-1";
    /** Appointment Management 1.2.x (pages/appointments/appointments_use_case_*.md, "Request headers"). */
    static final String SEARCH_SLOT = PREFIX + "fhir:rest:search:slot-1";
    static final String CREATE_APPOINTMENT = PREFIX + "fhir:rest:create:appointment-1";
    static final String READ_APPOINTMENT = PREFIX + "fhir:rest:read:appointment-1";
    static final String SEARCH_PATIENT_APPOINTMENTS = PREFIX + "fhir:rest:search:patient_appointments-1";
    static final String AMEND_APPOINTMENT = PREFIX + "fhir:rest:update:appointment-1";
    static final String CANCEL_APPOINTMENT = PREFIX + "fhir:rest:cancel:appointment-1";

    // Access Document (nhsconnect/gpconnect pages/access_documents/): each page's "Request headers" table.
    /** access_documents_use_case_get_the_fhir_capability_statement.md. */
    static final String DOCUMENTS_METADATA = PREFIX + "documents:fhir:rest:read:metadata-1";
    /** access_documents_use_case_find_a_patient.md. */
    static final String DOCUMENTS_SEARCH_PATIENT = PREFIX + "documents:fhir:rest:search:patient-1";
    /** access_documents_development_search_patient_documents.md. */
    static final String DOCUMENTS_SEARCH = PREFIX + "documents:fhir:rest:search:documentreference-1";
    /**
     * ⚠ Some stored versions of the same page write {@code urn:nhs:names:services:gpconnect-documents:fhir:rest:search:documentreference-1}
     * (a hyphen for the colon) in the request headers table; the other Access Document pages, the directory and
     * NHS's own adaptors use the colon. The directory lists the colon form; the hyphen form is accepted too.
     */
    static final String DOCUMENTS_SEARCH_HYPHEN = "urn:nhs:names:services:gpconnect-documents:fhir:rest:search:documentreference-1";
    /** access_documents_development_retrieve_patient_documents.md. */
    static final String DOCUMENTS_BINARY = PREFIX + "documents:fhir:rest:read:binary-1";

    static final String SCOPE_PATIENT_READ = "patient/*.read";
    static final String SCOPE_PATIENT_WRITE = "patient/*.write";
    static final String SCOPE_ORGANIZATION_READ = "organization/*.read";

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_ORGANIZATION = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SDS_USER = "https://fhir.nhs.uk/Id/sds-user-id";
    static final String SDS_ROLE_PROFILE = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    static final String SNOMED = "http://snomed.info/sct";
    static final String DMD = "https://dmd.nhs.uk";
    static final String ERROR_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
    static final String STRUCTURED_OPERATION = "$gpc.getstructuredrecord";
    static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_XML = "application/fhir+xml";

    static final String PROFILE_BASE = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    static final String EXT_LIST_WARNING = PROFILE_BASE + "Extension-CareConnect-GPC-ListWarningCode-1";
    static final String EXT_PRESCRIPTION_TYPE = PROFILE_BASE + "Extension-CareConnect-GPC-PrescriptionType-1";
    static final String EXT_LAST_ISSUE = PROFILE_BASE + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1";
    /** An HL7 UK CareConnect extension (pages/accessrecord_structured/accessrecord_structured_problems.md). */
    static final String EXT_PROBLEM_SIGNIFICANCE =
            "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1";
    static final String EXT_ALLERGY_END = PROFILE_BASE + "Extension-CareConnect-GPC-AllergyIntoleranceEnd-1";
    static final String EXT_REGISTRATION = PROFILE_BASE + "Extension-CareConnect-GPC-RegistrationDetails-1";
    /** ARS/list and _includes/accessrecord_structured/allergies_response3.json. */
    static final String LIST_EMPTY_REASON = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListEmptyReasonCode-1";

    static final String PROFILE_SLOT = PROFILE_BASE + "GPConnect-Slot-1";
    static final String PROFILE_SCHEDULE = PROFILE_BASE + "GPConnect-Schedule-1";
    static final String PROFILE_APPOINTMENT = PROFILE_BASE + "GPConnect-Appointment-1";
    static final String PROFILE_ORGANIZATION = PROFILE_BASE + "CareConnect-GPC-Organization-1";
    static final String EXT_DELIVERY_CHANNEL = PROFILE_BASE + "Extension-GPConnect-DeliveryChannel-2";
    static final String EXT_PRACTITIONER_ROLE = PROFILE_BASE + "Extension-GPConnect-PractitionerRole-1";
    static final String EXT_BOOKING_ORGANISATION = PROFILE_BASE + "Extension-GPConnect-BookingOrganisation-1";
    static final String EXT_CANCELLATION_REASON = PROFILE_BASE + "Extension-GPConnect-AppointmentCancellationReason-1";
    static final String SDS_JOB_ROLE = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";
    static final String ORGANISATION_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";

    private Gpc() {
    }

    /** Modulus 11 check of a 10-digit NHS number (the providers' own check, independent of Carepoint's). */
    static boolean validNhsNumber(String value) {
        return NhsNumbers.valid(value);
    }
}
