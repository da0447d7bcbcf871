package com.carepoint.demopractice.provider;

import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.data.Practice;
import com.carepoint.demopractice.data.ScheduleTemplate;
import com.carepoint.demopractice.data.SeededAppointment;
import com.carepoint.demopractice.provider.AppointmentBook.Stored;
import com.carepoint.demopractice.provider.Schedules.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * One demo service's Appointment Management: its schedules and slots, its appointment book, and the FHIR shapes
 * the specification gives them. The request rules are in {@link AppointmentRules}; this class holds the state.
 */
final class PracticeAppointments {

    private final Practice practice;
    private final Schedules schedules;
    private final AppointmentBook book;
    private final Foundations foundations;
    private final DemoRecords records;

    PracticeAppointments(Practice practice, DemoRecords records) {
        this.practice = practice;
        this.records = records;
        this.schedules = new Schedules(records.data().schedules(practice.odsCode()), records.clock());
        this.book = new AppointmentBook(records.clock());
        this.foundations = new Foundations(practice);
        records.data().seededAppointments(practice.odsCode()).forEach(this::seed);
    }

    Practice practice() {
        return practice;
    }

    Schedules schedules() {
        return schedules;
    }

    AppointmentBook book() {
        return book;
    }

    Foundations foundations() {
        return foundations;
    }

    Instant now() {
        return records.clock().instant();
    }

    LocalDate today() {
        return schedules.today();
    }

    /** A patient this service finds by a Patient search (so may book for), by its logical id here. */
    Optional<PatientRecord> patient(String logicalId) {
        // The patient's registration and flags only: no generated history is needed (or built) for a booking.
        return records.data().patients().stream()
                .filter(p -> foundations.patientId(p).equals(logicalId))
                .findFirst()
                .filter(p -> practice.serves(p.practice()))
                .filter(p -> !p.flags().sensitive())
                .filter(p -> p.flags().deceased() == null);
    }

    /** Free, bookable slots fully within {@code [from, to]} that the given filters may see. */
    List<Slot> freeSlots(Instant from, Instant to, Set<String> orgTypes, Set<String> odsCodes) {
        Instant now = now();
        return schedules.slots(from, to).stream()
                // Booking window/embargo (slot availability page): "Where such rules have been set, provider
                // systems SHALL only return slots which respect these rules". The demo services' rule: a slot can
                // be booked until it starts, so slots already started are not offered.
                .filter(s -> s.start().isAfter(now))
                .filter(s -> !book.taken(s.id()))
                .filter(s -> Schedules.bookable(s.bookableBy(), orgTypes, odsCodes))
                .toList();
    }

    // ------------------------------------------------------------------ FHIR shapes

    org.hl7.fhir.dstu3.model.Slot slotResource(Slot s) {
        org.hl7.fhir.dstu3.model.Slot r = new org.hl7.fhir.dstu3.model.Slot();
        r.setId(s.id());
        r.setMeta(new Meta().setVersionId("1").addProfile(Gpc.PROFILE_SLOT));
        // Search page: "Slot.serviceType.text with a practice defined slot type description"; delivery channel on
        // Extension-GPConnect-DeliveryChannel-2 (example search-for-free-slots-response-payload-1.json).
        r.addExtension(new Extension(Gpc.EXT_DELIVERY_CHANNEL, new CodeType(s.pattern().channel())));
        r.addServiceType(new CodeableConcept().setText(s.pattern().type()));
        r.setSchedule(new Reference("Schedule/" + s.schedule().id()));
        r.setStatus(org.hl7.fhir.dstu3.model.Slot.SlotStatus.FREE);
        r.setStartElement(UkTime.instantType(s.start()));
        r.setEndElement(UkTime.instantType(s.end()));
        return r;
    }

    Schedule scheduleResource(ScheduleTemplate t) {
        Schedule r = new Schedule();
        r.setId(t.id());
        r.setMeta(new Meta().setVersionId("1").addProfile(Gpc.PROFILE_SCHEDULE));
        r.addExtension(practitionerRole(t));
        // "where available Schedule.serviceCategory.text with a practice defined schedule type description"
        r.setServiceCategory(new CodeableConcept().setText(t.category()));
        // Slot availability page, "Branch surgery location": "The Schedule resource has a mandatory 'Location'
        // reference within the actor element"; "A Schedule may not have Practitioner ... references" (search page).
        r.addActor(new Reference("Location/" + Ids.of("location", t.location())));
        if (t.practitioner() != null) {
            r.addActor(new Reference("Practitioner/" + Ids.of("practitioner", t.practitioner())));
        }
        r.setPlanningHorizon(new Period().setStartElement(UkTime.dateTime(schedules.horizonStart()))
                .setEndElement(UkTime.dateTime(schedules.horizonEnd())));
        return r;
    }

    Extension practitionerRole(ScheduleTemplate t) {
        return new Extension(Gpc.EXT_PRACTITIONER_ROLE, new CodeableConcept().addCoding(
                new Coding(Gpc.SDS_JOB_ROLE, t.role().code(), t.role().display())));
    }

    /** The schedules, practitioners and locations behind a list of slots, each once, in order of first use. */
    Map<String, ScheduleTemplate> schedulesOf(List<Slot> slots) {
        Map<String, ScheduleTemplate> used = new LinkedHashMap<>();
        slots.forEach(s -> used.putIfAbsent(s.schedule().id(), s.schedule()));
        return used;
    }

    // ------------------------------------------------------------------ seeding

    /**
     * Puts a seeded appointment in the book: the first free slot of its schedule at or after its time on its day (or
     * the nearest later day with one), for the patient's logical id here.
     */
    private void seed(SeededAppointment s) {
        PatientRecord patient = records.data().patient(s.nhsNumber()).orElseThrow(() -> new IllegalStateException(
                "Seeded appointment names no demo patient " + s.nhsNumber()));
        ScheduleTemplate t = schedules.template(s.schedule()).orElseThrow();
        LocalTime after = LocalTime.parse(s.after());
        Set<LocalDate> days = schedules.days();
        Slot slot = null;
        for (int i = 0; i < 14 && slot == null; i++) {
            LocalDate day = today().plusDays(s.inDays() + i);
            if (!days.contains(day)) {
                continue;
            }
            // A session that started the day before (overnight) can hold the day's first slots.
            List<Slot> candidates = new ArrayList<>(Schedules.slots(t, day.minusDays(1)));
            candidates.addAll(Schedules.slots(t, day));
            slot = candidates.stream()
                    .filter(x -> LocalDate.ofInstant(x.start(), UkTime.UK).equals(day)
                            && !LocalTime.ofInstant(x.start(), UkTime.UK).isBefore(after))
                    .filter(x -> !book.taken(x.id()))
                    .min(Comparator.comparing(Slot::start)).orElse(null);
        }
        if (slot == null) {
            throw new IllegalStateException("Seeded appointment for " + s.nhsNumber() + ": schedule " + t.id()
                    + " has no slot near day " + s.inDays());
        }
        Appointment a = new Appointment();
        a.setStatus(s.cancelledReason() == null ? Appointment.AppointmentStatus.BOOKED
                : Appointment.AppointmentStatus.CANCELLED);
        if (s.bookedBy() != null) {
            Organization org = new Organization();
            org.setId("1");
            org.setMeta(new Meta().addProfile(Gpc.PROFILE_ORGANIZATION));
            org.addIdentifier(new Identifier().setSystem(Gpc.ODS_ORGANIZATION).setValue(s.bookedBy().odsCode()));
            if (s.bookedBy().type() != null) {
                org.addType(new CodeableConcept().addCoding(new Coding().setSystem(Gpc.ORGANISATION_TYPE)
                        .setCode(s.bookedBy().type())));
            }
            org.setName(s.bookedBy().name());
            org.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(s.bookedBy().telephone()));
            a.addContained(org);
            a.addExtension(new Extension(Gpc.EXT_BOOKING_ORGANISATION, new Reference("#1")));
        }
        if (s.cancelledReason() != null) {
            a.addExtension(new Extension(Gpc.EXT_CANCELLATION_REASON, new StringType(s.cancelledReason())));
        }
        a.setDescription(s.description());
        a.setComment(s.comment());
        a.setStartElement(UkTime.instantType(slot.start()));
        a.setEndElement(UkTime.instantType(slot.end()));
        a.addSlot(new Reference("Slot/" + slot.id()));
        Instant created = (slot.start().isBefore(now()) ? slot.start() : now()).minus(Duration.ofDays(3));
        a.setCreatedElement(UkTime.dateTime(created));
        a.addParticipant().setActor(new Reference("Patient/" + foundations.patientId(patient)))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        a.addParticipant().setActor(new Reference("Location/" + Ids.of("location", t.location())))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        AppointmentRules.populate(a, this, List.of(slot));
        book.book(a, foundations.patientId(patient), List.of(slot.id()), slot.start(), s.cancelledReason() != null);
    }

    /** The slots an appointment holds, as generated (a slot outside the generated days is left out). */
    List<Slot> slotsOf(Stored stored) {
        List<Slot> slots = new ArrayList<>();
        stored.slotIds().forEach(id -> schedules.slot(id).ifPresent(slots::add));
        return slots;
    }
}
