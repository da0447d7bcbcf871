package com.carepoint.gpconnect;

/** GP Connect interaction IDs Carepoint uses. */
public final class Interactions {

    public static final String PREFIX = "urn:nhs:names:services:gpconnect:";
    public static final String STRUCTURED = PREFIX + "fhir:operation:gpc.getstructuredrecord-1";
    public static final String STRUCTURED_METADATA = PREFIX + "structured:fhir:rest:read:metadata-1";

    /** Foundations "Find a patient" (the service's own id for the patient, needed to book). */
    public static final String PATIENT_SEARCH = PREFIX + "fhir:rest:search:patient-1";
    public static final String LOCATION_READ = PREFIX + "fhir:rest:read:location-1";
    public static final String PRACTITIONER_READ = PREFIX + "fhir:rest:read:practitioner-1";

    // Appointment Management 1.2.x (pages/integration/integration_interaction_ids.md and each use-case page's
    // "Request headers"). Amend and cancel share PUT /Appointment/[id]: the interaction id tells them apart.
    public static final String SLOT_SEARCH = PREFIX + "fhir:rest:search:slot-1";
    public static final String APPOINTMENT_CREATE = PREFIX + "fhir:rest:create:appointment-1";
    public static final String APPOINTMENT_READ = PREFIX + "fhir:rest:read:appointment-1";
    public static final String PATIENT_APPOINTMENTS = PREFIX + "fhir:rest:search:patient_appointments-1";
    public static final String APPOINTMENT_AMEND = PREFIX + "fhir:rest:update:appointment-1";
    public static final String APPOINTMENT_CANCEL = PREFIX + "fhir:rest:cancel:appointment-1";

    private Interactions() {
    }
}
