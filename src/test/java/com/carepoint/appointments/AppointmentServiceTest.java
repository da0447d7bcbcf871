package com.carepoint.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.AccessReason;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.audit.AccessAudit;
import com.carepoint.audit.AuditAction;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.TracedPatient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The booking use case: who may book where, what is offered, what is sent, and what is audited. */
class AppointmentServiceTest {

    static final ZoneId UK = ZoneId.of("Europe/London");
    /** 10:00 on Thu 03-Dec-2026. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), UK);
    static final AccessReason REASON = AccessReason.directCare("NHS 111 call");

    final BookingPolicy policy = new BookingPolicy(new DefaultResourceLoader(), "classpath:policy/booking-policy.yaml");
    final List<String> audited = new CopyOnWriteArrayList<>();
    final AccessAudit audit = new AccessAudit(null) {
        @Override
        public void appointment(CurrentUser user, String nhsNumber, AuditAction action, String detail, String reason,
                String outcome, String traceId) {
            audited.add(action + " | " + detail + " | " + reason + " | " + outcome);
        }
    };
    final FakeBook book = new FakeBook();
    final AppointmentService service = new AppointmentService(book, policy, audit, CLOCK);

    static TracedPatient patient(String practice, boolean sensitive, boolean deceased) {
        NhsNumber nhs = NhsNumber.parse("9990000018").orElseThrow();
        return new TracedPatient(nhs, nhs, "Mrs", List.of("Susan"), "Hargreaves", "female", LocalDate.of(1961, 1, 4),
                deceased ? Optional.of(LocalDate.of(2026, 11, 1)) : Optional.empty(), sensitive, List.of(), "NS1 1AA",
                Optional.empty(), Optional.ofNullable(practice));
    }

    static final TracedPatient RIVERSIDE = patient("A20047", false, false);

    static FreeSlot slot(BookableService s, String id, ZonedDateTime start) {
        return new FreeSlot(s, id, start, start.plusMinutes(15), "Site", "", Optional.empty(), "",
                DeliveryChannel.IN_PERSON, "", "", "L1", Optional.empty());
    }

    /** An appointment book that answers from memory, and can be made slow for one service. */
    static final class FakeBook implements AppointmentBook {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile String slowService;
        /** Counted down as each other service is asked; the slow one waits for both. */
        final CountDownLatch others = new CountDownLatch(2);
        volatile boolean releasedInTime;
        volatile ZonedDateTime slotStart = ZonedDateTime.of(2026, 12, 4, 9, 0, 0, 0, UK);

        @Override
        public ServiceSlots freeSlots(BookingContext context, BookableService service, LocalDate from, LocalDate to) {
            calls.add("slots " + service.odsCode() + " " + from + ".." + to);
            if (service.odsCode().equals(slowService)) {
                try {
                    releasedInTime = others.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ServiceSlots.failed(service, new AppointmentProblem(AppointmentProblem.Kind.TIMEOUT, "slow",
                        "wait", "t"));
            }
            others.countDown();
            List<FreeSlot> slots = new ArrayList<>();
            slots.add(slot(service, "past", ZonedDateTime.of(2026, 12, 3, 9, 45, 0, 0, UK)));
            slots.add(slot(service, "next", slotStart));
            return new ServiceSlots(service, service.name(), slots, Optional.empty());
        }

        @Override
        public Outcome book(BookingContext context, FreeSlot slot, String description, Optional<String> comment) {
            calls.add("book " + slot.key() + " " + description + " " + comment.orElse("-"));
            return Outcome.done(new Appointment(slot.service(), "42", "1", Appointment.Status.BOOKED, slot.start(),
                    slot.end(), Optional.empty(), Optional.empty(), "", DeliveryChannel.IN_PERSON, "", description,
                    comment, Optional.empty(), Optional.empty()));
        }

        @Override
        public ServiceAppointments appointments(BookingContext c, BookableService s, LocalDate from, LocalDate to) {
            calls.add("appointments " + s.odsCode() + " " + from + ".." + to);
            return new ServiceAppointments(s, List.of(), Optional.empty());
        }

        @Override
        public Outcome read(BookingContext context, BookableService service, String appointmentId) {
            throw new IllegalStateException("a fault in the adapter");
        }

        @Override
        public Outcome amend(BookingContext context, Appointment read, String description, Optional<String> comment) {
            calls.add("amend " + read.key());
            return Outcome.done(read);
        }

        @Override
        public Outcome cancel(BookingContext context, Appointment read, String reason) {
            calls.add("cancel " + read.key() + " " + reason);
            return Outcome.done(read);
        }
    }

    @Test
    void eachOrganisationTypeBooksIntoWhatThePolicySays() {
        assertThat(policy.servicesFor(DemoUsers.CLINICIAN_111, RIVERSIDE)).extracting(BookableService::odsCode,
                BookableService::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A20047", ServiceKind.PRACTICE),
                org.assertj.core.groups.Tuple.tuple("U81001", ServiceKind.HUB),
                org.assertj.core.groups.Tuple.tuple("Y02345", ServiceKind.OUT_OF_HOURS));
        assertThat(policy.servicesFor(DemoUsers.PARAMEDIC, RIVERSIDE)).extracting(BookableService::odsCode)
                .containsExactly("A20047", "U81001");
        // The hub covers only its practices.
        assertThat(policy.servicesFor(DemoUsers.PARAMEDIC, patient("D82044", false, false)))
                .extracting(BookableService::odsCode).containsExactly("D82044");
        assertThat(service.mayBook(DemoUsers.SOCIAL_CARE)).isFalse();
        assertThat(service.mayBook(DemoUsers.PRIVACY_OFFICER)).isFalse();
        assertThat(service.refusal(DemoUsers.SOCIAL_CARE, RIVERSIDE)).contains(
                "Your role does not book appointments in Carepoint.");
    }

    @Test
    void theBookingOrganisationIsSentWithItsTelephoneAndGpConnectType() {
        assertThat(policy.bookingOrganisation(DemoUsers.CLINICIAN_111)).contains(new BookingOrganisation("NL311",
                "Northshire NHS 111", "01632 960311", Optional.of("urgent-care")));
        assertThat(policy.bookingOrganisation(DemoUsers.SOCIAL_CARE)).isEmpty();
    }

    @Test
    void deceasedAndSensitivePatientsAreNotBookedThroughCarepoint() {
        assertThat(service.refusal(DemoUsers.CLINICIAN_111, patient("A20047", false, true))).get().asString()
                .contains("deceased");
        assertThat(service.refusal(DemoUsers.CLINICIAN_111, patient("A20047", true, false))).get().asString()
                .contains("restricted");
        assertThat(service.refusal(DemoUsers.CLINICIAN_111, RIVERSIDE)).isEmpty();
    }

    @Test
    void everyServiceIsSearchedForFourteenDaysAtOnceAndSlotsAlreadyStartedAreNotOffered() {
        BookingContext context = service.open(DemoUsers.CLINICIAN_111, RIVERSIDE);
        SlotSearch search = service.search(context, LocalDate.of(2026, 12, 3), REASON);
        assertThat(book.calls).containsExactlyInAnyOrder("slots A20047 2026-12-03..2026-12-16",
                "slots U81001 2026-12-03..2026-12-16", "slots Y02345 2026-12-03..2026-12-16");
        assertThat(search.merged()).extracting(FreeSlot::slotId).containsOnly("next").hasSize(3);
        assertThat(audited).singleElement().asString().startsWith("SLOT_SEARCH | Free slots 03-Dec-2026 to "
                + "16-Dec-2026 at A20047, U81001, Y02345 | NHS 111 call | 3 free slots");
    }

    @Test
    void aSlowServiceDoesNotHoldUpTheOthersWhileTheyAreSearched() {
        // The slow service answers only once the other two have been asked: searched one after another (the slow one
        // first, as the policy lists it second), it would wait out its 10 s and fail the test.
        book.slowService = "U81001";
        BookingContext context = service.open(DemoUsers.CLINICIAN_111, RIVERSIDE);
        SlotSearch search = service.search(context, LocalDate.of(2026, 12, 3), REASON);
        assertThat(book.releasedInTime).as("the other services were asked while the slow one waited").isTrue();
        assertThat(search.failed()).extracting(s -> s.service().odsCode()).containsExactly("U81001");
        assertThat(search.merged()).hasSize(2);
        assertThat(audited.getFirst()).endsWith("2 free slots; U81001 not searched: TIMEOUT");
    }

    @Test
    void aSearchNeverStartsInThePast() {
        BookingContext context = service.open(DemoUsers.CLINICIAN_111, RIVERSIDE);
        SlotSearch search = service.search(context, LocalDate.of(2026, 11, 1), REASON);
        assertThat(search.from()).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void aBookingIsCheckedBeforeAnythingIsSentAndAudited() {
        BookingContext context = service.open(DemoUsers.CLINICIAN_111, RIVERSIDE);
        BookableService hub = new BookableService("U81001", "Northshire Central PCN Hub", ServiceKind.HUB);
        FreeSlot next = slot(hub, "next", ZonedDateTime.of(2026, 12, 4, 9, 0, 0, 0, UK));
        assertThat(service.book(context, next, " ", "", REASON).problem()).get()
                .extracting(AppointmentProblem::message).isEqualTo("Enter the reason for the appointment.");
        assertThat(service.book(context, next, "x".repeat(101), "", REASON).problem()).get()
                .extracting(AppointmentProblem::message).asString().contains("100 characters or fewer (it has 101)");
        assertThat(service.book(context, next, "ok", "y".repeat(501), REASON).problem()).get()
                .extracting(AppointmentProblem::message).asString().contains("500 characters or fewer");
        assertThat(service.book(context, slot(hub, "past", ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, UK)), "ok", "",
                REASON).problem()).get().extracting(AppointmentProblem::kind)
                .isEqualTo(AppointmentProblem.Kind.SLOT_TAKEN);
        BookableService elsewhere = new BookableService("Z99999", "Elsewhere", ServiceKind.HUB);
        assertThat(service.book(context, slot(elsewhere, "next", next.start()), "ok", "", REASON).problem()).get()
                .extracting(AppointmentProblem::kind).isEqualTo(AppointmentProblem.Kind.NOT_PERMITTED);
        assertThat(book.calls).isEmpty();

        Outcome booked = service.book(context, next, "  Chest pain  ", "  ", REASON);
        assertThat(booked.succeeded()).isTrue();
        assertThat(book.calls).containsExactly("book U81001/next Chest pain -");
        assertThat(audited).hasSize(6).last().asString()
                .isEqualTo("BOOKING | Appointment at U81001 on 04-Dec-2026 09:00 | NHS 111 call | booked: reference 42");
        assertThat(audited.getFirst()).endsWith("not booked: NOT_PERMITTED");
    }

    @Test
    void aFaultInTheAdapterIsAPlainProblemNotAnException() {
        BookingContext context = service.open(DemoUsers.CLINICIAN_111, RIVERSIDE);
        BookableService practice = service.services(context).getFirst();
        assertThat(service.read(context, practice, "1").problem()).get().extracting(AppointmentProblem::kind)
                .isEqualTo(AppointmentProblem.Kind.CARE_POINT_ERROR);
    }

    @Test
    void onlyAFutureBookedAppointmentIsChangedAndEveryAttemptIsAudited() {
        BookingContext context = service.open(DemoUsers.CLINICIAN_111, RIVERSIDE);
        BookableService practice = service.services(context).getFirst();
        Appointment future = new Appointment(practice, "7", "3", Appointment.Status.BOOKED,
                ZonedDateTime.of(2026, 12, 5, 9, 0, 0, 0, UK), ZonedDateTime.of(2026, 12, 5, 9, 10, 0, 0, UK),
                Optional.empty(), Optional.empty(), "", DeliveryChannel.TELEPHONE, "", "Reason", Optional.empty(),
                Optional.empty(), Optional.empty());
        Appointment cancelled = new Appointment(practice, "8", "3", Appointment.Status.CANCELLED, future.start(),
                future.end(), Optional.empty(), Optional.empty(), "", DeliveryChannel.TELEPHONE, "", "Reason",
                Optional.empty(), Optional.empty(), Optional.empty());
        Appointment started = new Appointment(practice, "9", "3", Appointment.Status.BOOKED,
                ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, UK), ZonedDateTime.of(2026, 12, 3, 11, 0, 0, 0, UK),
                Optional.empty(), Optional.empty(), "", DeliveryChannel.TELEPHONE, "", "Reason", Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(service.cancel(context, cancelled, "No longer needed", REASON).succeeded()).isFalse();
        assertThat(service.cancel(context, started, "No longer needed", REASON).succeeded()).isFalse();
        assertThat(service.cancel(context, future, " ", REASON).succeeded()).isFalse();
        assertThat(service.cancel(context, future, "No longer needed", REASON).succeeded()).isTrue();
        assertThat(service.amend(context, future, "New reason", "", REASON).succeeded()).isTrue();
        assertThat(book.calls).containsExactly("cancel A20047/7 No longer needed", "amend A20047/7");
        assertThat(audited).extracting(a -> a.substring(0, a.indexOf(' ')) + a.substring(a.lastIndexOf('|')))
                .containsExactly("APPOINTMENT_CANCEL| not cancelled: NOT_PERMITTED",
                        "APPOINTMENT_CANCEL| not cancelled: NOT_PERMITTED",
                        "APPOINTMENT_CANCEL| not cancelled: NOT_PERMITTED", "APPOINTMENT_CANCEL| cancelled",
                        "APPOINTMENT_AMEND| amended");
    }

    @Test
    void timesReadTheSameOnBothSidesOfAClockChange() {
        // 28-Mar-2027 01:00 GMT the clocks go forward: 00:30Z is 00:30 GMT, 01:30Z is 02:30 BST.
        assertThat(When.of(ZonedDateTime.parse("2027-03-28T00:30:00Z"))).isEqualTo("Sun 28-Mar-2027 00:30");
        assertThat(When.of(ZonedDateTime.parse("2027-03-28T01:30:00Z"))).isEqualTo("Sun 28-Mar-2027 02:30");
        assertThat(When.range(ZonedDateTime.parse("2027-03-28T00:45:00+00:00"),
                ZonedDateTime.parse("2027-03-28T02:15:00+01:00"))).isEqualTo(
                "Sun 28-Mar-2027 00:45 to 02:15 (30 minutes)");
        assertThat(When.of(ZonedDateTime.parse("2026-09-03T10:00:00+01:00"))).isEqualTo("Thu 03-Sep-2026 10:00");
    }

    @Test
    void theBookingPolicyRefusesWhatItDoesNotKnow() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BookingPolicy.of(List.of(new BookingPolicy.Rule(
                List.of("nhs-111"), List.of(), List.of("walk-in"))), List.of(), List.of(), java.util.Map.of()))
                .hasMessage("Booking policy names an unknown kind of service: walk-in");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BookingPolicy.of(List.of(), List.of(
                new BookingPolicy.CoveringService("A1", "A practice", "practice", List.of("*"))), List.of(),
                java.util.Map.of())).hasMessageContaining("list only hubs and out-of-hours services");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BookingPolicy.of(List.of(new BookingPolicy.Rule(
                List.of("hospital"), List.of(), List.of("hub"))), List.of(), List.of(), java.util.Map.of()))
                .hasMessage("Booking policy names an unknown organisation type: hospital");
    }
}
