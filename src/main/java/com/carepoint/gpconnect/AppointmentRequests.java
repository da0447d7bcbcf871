package com.carepoint.gpconnect;

import com.carepoint.appointments.BookingOrganisation;
import com.carepoint.appointments.FreeSlot;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * What Carepoint sends for Appointment Management, strictly as the use-case pages and their examples write it.
 */
final class AppointmentRequests {

    private AppointmentRequests() {
    }

    /**
     * {@code Slot?status=free&start=ge[date]&end=le[date]&_include...&searchFilter=...} (UC/search_for_free_slots and
     * INC/search-for-free-slots-request-header-1.txt): dates ("a date in the format yyyy-mm-dd. Partial dates are not
     * allowed"), each of start and end once, with the ge and le prefixes; the consumer's ODS code and, where it has
     * one, organisation type as searchFilters. The {@code |} of a token is percent-encoded; names keep their colons.
     */
    static String slotSearch(LocalDate from, LocalDate to, BookingOrganisation org) {
        StringBuilder q = new StringBuilder("Slot?status=free&start=ge").append(from).append("&end=le").append(to)
                .append('&').append(AppointmentSpec.SLOT_INCLUDES)
                .append("&searchFilter=").append(encode(AppointmentSpec.ODS_ORGANIZATION + "|" + org.odsCode()));
        org.gpConnectType().ifPresent(t -> q.append("&searchFilter=")
                .append(encode(AppointmentSpec.ORGANISATION_TYPE + "|" + t)));
        return q.toString();
    }

    /** Foundations "Find a patient": {@code Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|[NHS number]}. */
    static String patientSearch(String nhsNumber) {
        return "Patient?identifier=" + encode(AppointmentSpec.NHS_NUMBER + "|" + nhsNumber);
    }

    /**
     * UC/retrieve_a_patients_appointments: "SHALL include two start search parameter" ({@code ge} and {@code le}),
     * "SHALL only include the date component", and no date in the past.
     */
    static String patientAppointments(String patientId, LocalDate from, LocalDate to) {
        return "Patient/" + encode(patientId) + "/Appointment?start=ge" + from + "&start=le" + to;
    }

    /**
     * The booking (UC/book_an_appointment; INC/book-appt-request-payload-1.json): GPConnect-Appointment-1 with the
     * booking Organization contained (ODS identifier, name, telecom, and type only when the slots were searched with
     * that type) and referenced by Extension-GPConnect-BookingOrganisation-1; status booked; start and end of the slot;
     * the slot; created; description (≤ 100) and comment (≤ 500); participants Patient (the service's own id),
     * Location and, where the slot names one, Practitioner ("SHOULD"), each "accepted". Never reason or specialty.
     */
    static Appointment booking(FreeSlot slot, String patientId, BookingOrganisation org, String description,
            Optional<String> comment, ZonedDateTime now) {
        Appointment a = new Appointment();
        a.getMeta().addProfile(AppointmentSpec.APPOINTMENT_PROFILE);
        Organization booking = new Organization();
        booking.setId("1");
        booking.getMeta().addProfile(AppointmentSpec.ORGANIZATION_PROFILE);
        booking.addIdentifier().setSystem(AppointmentSpec.ODS_ORGANIZATION).setValue(org.odsCode());
        org.gpConnectType().ifPresent(t -> booking.addType(new CodeableConcept().addCoding(
                new Coding().setSystem(AppointmentSpec.ORGANISATION_TYPE).setCode(t))));
        booking.setName(org.name());
        booking.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(org.telephone());
        a.addContained(booking);
        a.addExtension().setUrl(AppointmentSpec.BOOKING_ORGANISATION).setValue(new Reference("#1"));
        a.setStatus(Appointment.AppointmentStatus.BOOKED);
        a.setDescription(description);
        a.setStartElement(instant(slot.start()));
        a.setEndElement(instant(slot.end()));
        a.addSlot(new Reference("Slot/" + slot.slotId()));
        a.setCreatedElement(new DateTimeType(AppointmentMapper.wire(now)));
        comment.ifPresent(a::setComment);
        a.addParticipant().setActor(new Reference("Patient/" + patientId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        a.addParticipant().setActor(new Reference("Location/" + slot.locationId()))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        slot.practitionerId().ifPresent(p -> a.addParticipant().setActor(new Reference("Practitioner/" + p))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED));
        return a;
    }

    /**
     * An amendment (UC/amend_an_appointment): the appointment as read, with only {@code description} and
     * {@code comment} changed in place ("It is recommended that Consumers read the Appointment ... then update the
     * fields allowed below in place").
     */
    static Appointment amendment(Appointment read, String description, Optional<String> comment) {
        Appointment a = read.copy();
        a.setDescription(description);
        a.setComment(comment.orElse(null));
        return a;
    }

    /**
     * A cancellation (UC/cancel_an_appointment): the appointment as read, with {@code status} "cancelled" and the
     * cancellation-reason extension, nothing else changed ("If any content other than the appointment cancellation
     * reason or appointment status is updated the server SHALL reject").
     */
    static Appointment cancellation(Appointment read, String reason) {
        Appointment a = read.copy();
        a.setStatus(Appointment.AppointmentStatus.CANCELLED);
        a.getExtension().removeIf(e -> AppointmentSpec.CANCELLATION_REASON.equals(e.getUrl()));
        a.addExtension().setUrl(AppointmentSpec.CANCELLATION_REASON).setValue(new StringType(reason));
        return a;
    }

    /** {@code W/"[versionId]"}: "The Appointment's current ETag, e.g. W/"23"" (UC/amend and UC/cancel "Request headers"). */
    static String ifMatch(String version) {
        return "W/\"" + version + "\"";
    }

    private static InstantType instant(ZonedDateTime t) {
        return new InstantType(AppointmentMapper.wire(t));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
