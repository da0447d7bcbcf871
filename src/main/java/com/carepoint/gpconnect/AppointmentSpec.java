package com.carepoint.gpconnect;

/**
 * Every GP Connect Appointment Management (1.2.x) URL, code and scope the consumer sends or reads, in one place, each
 * with the page it comes from. Pages are in repository {@code nhsconnect/gpconnect}; {@code UC/x} abbreviates
 * {@code pages/appointments/appointments_use_case_x.md} (1.2.7-refresh and 1.2.8 copies), {@code INC/x} the published
 * examples under {@code _includes/appointments/}. Checked against the pages and examples, never against Carepoint's
 * demo services. docs/interoperability.md lists the rules and their tests.
 */
final class AppointmentSpec {

    private AppointmentSpec() {
    }

    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    // ------------------------------------------------------------------ scopes (JWT requested_scope)

    /**
     * pages/integration/integration_cross_organisation_audit_and_provenance.md, the scope table: "organization/*.read"
     * for "Search for free slots"; "patient/*.read" for "Retrieve a patient's appointments" and "Read an appointment";
     * "patient/*.write" for "Book/Amend/Cancel an appointment". Appointment Management stays on 1.2.x, so no
     * {@code conf/N} suffix (that is Access Record Structured 1.6's).
     */
    static final String SCOPE_SLOTS = "organization/*.read";
    static final String SCOPE_READ = "patient/*.read";
    static final String SCOPE_WRITE = "patient/*.write";

    // ------------------------------------------------------------------ search for free slots

    /**
     * UC/search_for_free_slots: "{@code status=free} ... SHALL be specified"; "the {@code _include=Slot:schedule}
     * parameter" is required; consumers "MAY send" the {@code _include:recurse} parameters and "SHALL send the
     * {@code _include:recurse=Location:managingOrganization} parameter, IF they require" the Organization. The
     * example request INC/search-for-free-slots-request-header-1.txt sends all of them.
     */
    static final String SLOT_INCLUDES = "_include=Slot:schedule"
            + "&_include:recurse=Schedule:actor:Practitioner"
            + "&_include:recurse=Schedule:actor:Location"
            + "&_include:recurse=Location:managingOrganization";

    /** UC/search_for_free_slots, {@code searchFilter}: the consumer's ODS code ("SHOULD send"). */
    static final String ODS_ORGANIZATION = "https://fhir.nhs.uk/Id/ods-organization-code";

    /**
     * UC/search_for_free_slots, {@code searchFilter}: the consumer's organisation type, and UC/book_an_appointment:
     * the booking Organization "SHALL include the {@code type} element with a value matching the organization type
     * sent as a {@code searchFilter} ... If organization type was not passed to the {@code searchFilter} then
     * {@code type} SHALL not be populated". Codes as in the examples: {@code urgent-care}, {@code gp-practice}.
     */
    static final String ORGANISATION_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";

    // ------------------------------------------------------------------ profiles and extensions

    static final String APPOINTMENT_PROFILE = SD + "GPConnect-Appointment-1";
    static final String ORGANIZATION_PROFILE = SD + "CareConnect-GPC-Organization-1";

    /** UC/book_an_appointment: "the {@code bookingOrganisation} extension referencing an contained {@code Organization}". */
    static final String BOOKING_ORGANISATION = SD + "Extension-GPConnect-BookingOrganisation-1";

    /** On Schedule (INC/search-for-free-slots-response-payload-1.json) and Appointment (INC/book-appt-response-payload-1.json). */
    static final String PRACTITIONER_ROLE = SD + "Extension-GPConnect-PractitionerRole-1";

    /**
     * On Slot and Appointment ("Remove deliveryChannel extension from GPConnect-Schedule-1 ... Add ... to
     * GPConnect-Slot-1", release notes 1.2.1); {@code valueCode} from GPConnect-DeliveryChannel-1:
     * {@code In-person}, {@code Telephone}, {@code Video}.
     */
    static final String DELIVERY_CHANNEL = SD + "Extension-GPConnect-DeliveryChannel-2";

    /** UC/cancel_an_appointment: "the appointment {@code cancellation-reason} extension SHALL be included" (valueString, INC/cancel-appt-request-payload-1.json). */
    static final String CANCELLATION_REASON = SD + "Extension-GPConnect-AppointmentCancellationReason-1";

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
}
