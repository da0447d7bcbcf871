package com.carepoint.appointments;

import com.carepoint.access.AccessReason;
import com.carepoint.access.CurrentUser;
import com.carepoint.audit.AccessAudit;
import com.carepoint.audit.AuditAction;
import com.carepoint.kernel.TracedPatient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The use case "book, view, amend and cancel a patient's appointments": which services the user may book into (the
 * booking policy), a free-slot search across all of them at once, and each booking, amendment and cancellation —
 * every step checked here (never only in the page) and audited with the reason the user gave for the patient.
 * Views render what this decides; they never call a service's appointment book, the audit trail or the policy.
 */
@Service
public class AppointmentService {

    private static final Logger log = LoggerFactory.getLogger(AppointmentService.class);

    public static final ZoneId UK = ZoneId.of("Europe/London");
    /**
     * One search window. "Search for free slots": consumers "SHALL request a maximum date range covering a two-week
     * period"; Carepoint asks for 14 whole days (today and the 13 after it), later windows on request.
     */
    public static final int WINDOW_DAYS = 14;
    /** How far ahead the patient's appointments are listed (the specification sets no maximum). */
    public static final int APPOINTMENTS_AHEAD_DAYS = 90;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.ENGLISH);

    private final AppointmentBook book;
    private final BookingPolicy policy;
    private final AccessAudit audit;
    private final Clock clock;
    private final BookingsMade bookings;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("appointments-", 0).factory());

    @Autowired
    AppointmentService(AppointmentBook book, BookingPolicy policy, AccessAudit audit, JdbcClient jdbc) {
        this(book, policy, audit, Clock.system(UK), new BookingsMade.Jdbc(jdbc));
    }

    /** A service that keeps no record of the bookings made (benchmarks without a database). */
    public AppointmentService(AppointmentBook book, BookingPolicy policy, AccessAudit audit) {
        this(book, policy, audit, Clock.system(UK), BookingsMade.NONE);
    }

    AppointmentService(AppointmentBook book, BookingPolicy policy, AccessAudit audit, Clock clock) {
        this(book, policy, audit, clock, BookingsMade.NONE);
    }

    AppointmentService(AppointmentBook book, BookingPolicy policy, AccessAudit audit, Clock clock,
            BookingsMade bookings) {
        this.book = book;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.bookings = bookings;
    }

    /**
     * The appointments this user booked for the patient through Carepoint since then (kept for a day), soonest
     * first: what the user's encounter note can name as the appointment booked.
     */
    public List<BookedInCarepoint> bookedInCarepoint(CurrentUser user, String nhsNumber, java.time.Instant since) {
        return bookings.by(user.userId(), nhsNumber, since);
    }

    /**
     * Forgets the bookings made through Carepoint more than {@link BookingsMade#KEPT} ago (run every hour by
     * {@code AppointmentTasks}, so a day-old booking goes even when nobody books again); returns how many.
     */
    public int forgetOldBookings() {
        return bookings.forgetBookedBefore(clock.instant().minus(BookingsMade.KEPT));
    }

    /** The calls still under way end with the application. */
    @jakarta.annotation.PreDestroy
    void close() {
        calls.shutdownNow();
    }

    /** Whether this user may book appointments at all (the booking policy names a service for them). */
    public boolean mayBook(CurrentUser user) {
        return !policy.kindsFor(user).isEmpty();
    }

    /**
     * Why appointments cannot be booked for this patient by this user, in plain English; empty when they can.
     */
    public Optional<String> refusal(CurrentUser user, TracedPatient patient) {
        if (!mayBook(user)) {
            return Optional.of("Your role does not book appointments in Carepoint.");
        }
        if (patient.isDeceased()) {
            return Optional.of("The national demographics service records this patient as deceased, so no "
                    + "appointment can be booked.");
        }
        if (patient.sensitive()) {
            return Optional.of("This patient's record is restricted (sensitive), so Carepoint does not book for them "
                    + "over GP Connect. Phone the service to book, following your organisation's procedure for "
                    + "restricted records.");
        }
        if (policy.servicesFor(user, patient).isEmpty()) {
            return Optional.of("There is no service your organisation may book this patient into through Carepoint. "
                    + "Phone the patient's GP practice to book.");
        }
        if (policy.bookingOrganisation(user).isEmpty()) {
            return Optional.of("Carepoint has no telephone number for your organisation (" + user.organisation()
                    .odsCode() + "), which services need with every booking. Ask your Carepoint administrator to add "
                    + "it to the booking policy; phone the service to book meanwhile.");
        }
        return Optional.empty();
    }

    /** Starts booking for this patient; {@link #refusal} must be empty. */
    public BookingContext open(CurrentUser user, TracedPatient patient) {
        Optional<String> refused = refusal(user, patient);
        if (refused.isPresent()) {
            throw new IllegalStateException(refused.get());
        }
        return new BookingContext(user, patient, policy.bookingOrganisation(user).orElseThrow());
    }

    /** The services this context's user may book its patient into. */
    public List<BookableService> services(BookingContext context) {
        return policy.servicesFor(context.user(), context.patient());
    }

    /** The first day of the search window that starts today. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    /**
     * Free slots at every permitted service in the 14 days from {@code from}, searched in parallel: each service's
     * answer (or its problem) on its own. Slots that have already started are never offered.
     */
    public SlotSearch search(BookingContext context, LocalDate from, AccessReason reason) {
        LocalDate start = from.isBefore(today()) ? today() : from;
        LocalDate end = start.plusDays(WINDOW_DAYS - 1L);
        List<BookableService> services = services(context);
        List<CompletableFuture<ServiceSlots>> futures = services.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> safely(() -> book.freeSlots(context, s, start, end),
                        e -> ServiceSlots.failed(s, AppointmentProblem.carepointError(trace(e)))), calls))
                .toList();
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(UK);
        List<ServiceSlots> answers = futures.stream().map(CompletableFuture::join)
                .map(a -> new ServiceSlots(a.service(), a.serviceName(), a.slots().stream()
                        .filter(slot -> slot.start().isAfter(now)).filter(slot -> slot.service().equals(a.service()))
                        .toList(), a.problem()))
                .toList();
        SlotSearch search = new SlotSearch(start, end, answers);
        audit.appointment(context.user(), nhs(context), AuditAction.SLOT_SEARCH, "Free slots " + DAY.format(start)
                + " to " + DAY.format(end) + " at " + services.stream().map(BookableService::odsCode)
                        .collect(Collectors.joining(", ")), reason.recorded(),
                search.merged().size() + " free slots" + search.failed().stream().map(f -> "; " + f.service().odsCode()
                        + " not searched: " + f.problem().orElseThrow().kind()).collect(Collectors.joining()),
                UUID.randomUUID().toString());
        return search;
    }

    /** Books the slot for the patient with the reason (≤ 100 characters) and an optional comment (≤ 500). */
    public Outcome book(BookingContext context, FreeSlot slot, String description, String comment,
            AccessReason reason) {
        String traceId = UUID.randomUUID().toString();
        Optional<AppointmentProblem> invalid = BookingDetails.descriptionProblem(description)
                .or(() -> BookingDetails.commentProblem(comment))
                .map(m -> new AppointmentProblem(AppointmentProblem.Kind.NOT_PERMITTED, m + ".",
                        "Correct it and book again.", traceId))
                .or(() -> permitted(context, slot.service(), traceId))
                .or(() -> slot.start().isAfter(ZonedDateTime.now(clock)) ? Optional.empty()
                        : Optional.of(new AppointmentProblem(AppointmentProblem.Kind.SLOT_TAKEN, "This slot has "
                                + "already started, so it can no longer be booked.", "Choose another slot.",
                                traceId)));
        Outcome outcome = invalid.map(Outcome::failed).orElseGet(() -> safely(() -> book.book(context, slot,
                description.strip(), Optional.of(comment == null ? "" : comment.strip()).filter(c -> !c.isEmpty())),
                e -> Outcome.failed(AppointmentProblem.carepointError(trace(e)))));
        outcome.appointment().ifPresent(a -> remember(() -> bookings.booked(context.user().userId(), nhs(context), a,
                clock.instant())));
        audit.appointment(context.user(), nhs(context), AuditAction.BOOKING, "Appointment at "
                + slot.service().odsCode() + " on " + WHEN.format(slot.start()), reason.recorded(),
                outcome.appointment().map(a -> "booked: reference " + a.id())
                        .orElseGet(() -> "not booked: " + outcome.problem().orElseThrow().kind()),
                outcome.problem().map(AppointmentProblem::traceId).orElse(traceId));
        return outcome;
    }

    /** The patient's appointments from today for the next 90 days, at every permitted service, in parallel. */
    public List<ServiceAppointments> appointments(BookingContext context, AccessReason reason) {
        LocalDate from = today();
        LocalDate to = from.plusDays(APPOINTMENTS_AHEAD_DAYS);
        List<BookableService> services = services(context);
        List<ServiceAppointments> answers = services.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> safely(() -> book.appointments(context, s, from, to),
                        e -> ServiceAppointments.failed(s, AppointmentProblem.carepointError(trace(e)))), calls))
                .toList().stream().map(CompletableFuture::join).toList();
        audit.appointment(context.user(), nhs(context), AuditAction.APPOINTMENTS_VIEW, "Appointments "
                + DAY.format(from) + " to " + DAY.format(to) + " at " + services.stream().map(BookableService::odsCode)
                        .collect(Collectors.joining(", ")), reason.recorded(),
                answers.stream().mapToInt(a -> a.appointments().size()).sum() + " appointments"
                        + answers.stream().filter(a -> a.problem().isPresent()).map(a -> "; " + a.service().odsCode()
                                + " not retrieved: " + a.problem().orElseThrow().kind()).collect(Collectors.joining()),
                UUID.randomUUID().toString());
        return answers;
    }

    /** The appointment as the service holds it now (read before an amendment or cancellation). */
    public Outcome read(BookingContext context, BookableService service, String appointmentId) {
        String traceId = UUID.randomUUID().toString();
        return permitted(context, service, traceId).map(Outcome::failed).orElseGet(() -> safely(
                () -> book.read(context, service, appointmentId),
                e -> Outcome.failed(AppointmentProblem.carepointError(trace(e)))));
    }

    /** Changes the reason and comment of an appointment just read, sending back the version read. */
    public Outcome amend(BookingContext context, Appointment read, String description, String comment,
            AccessReason reason) {
        String traceId = UUID.randomUUID().toString();
        Optional<AppointmentProblem> invalid = BookingDetails.descriptionProblem(description)
                .or(() -> BookingDetails.commentProblem(comment))
                .map(m -> new AppointmentProblem(AppointmentProblem.Kind.NOT_PERMITTED, m + ".",
                        "Correct it and save again.", traceId))
                .or(() -> changeable(context, read, traceId));
        Outcome outcome = invalid.map(Outcome::failed).orElseGet(() -> safely(() -> book.amend(context, read,
                description.strip(), Optional.of(comment == null ? "" : comment.strip()).filter(c -> !c.isEmpty())),
                e -> Outcome.failed(AppointmentProblem.carepointError(trace(e)))));
        audit.appointment(context.user(), nhs(context), AuditAction.APPOINTMENT_AMEND, "Appointment reference "
                + read.id() + " at " + read.service().odsCode() + " on " + WHEN.format(read.start()),
                reason.recorded(), outcome.succeeded() ? "amended"
                        : "not amended: " + outcome.problem().orElseThrow().kind(),
                outcome.problem().map(AppointmentProblem::traceId).orElse(traceId));
        return outcome;
    }

    /** Cancels an appointment just read, sending back the version read, with the reason given. */
    public Outcome cancel(BookingContext context, Appointment read, String cancellationReason, AccessReason reason) {
        String traceId = UUID.randomUUID().toString();
        Optional<AppointmentProblem> invalid = BookingDetails.cancellationReasonProblem(cancellationReason)
                .map(m -> new AppointmentProblem(AppointmentProblem.Kind.NOT_PERMITTED, m + ".",
                        "Correct it and cancel again.", traceId))
                .or(() -> changeable(context, read, traceId));
        Outcome outcome = invalid.map(Outcome::failed).orElseGet(() -> safely(
                () -> book.cancel(context, read, cancellationReason.strip()),
                e -> Outcome.failed(AppointmentProblem.carepointError(trace(e)))));
        if (outcome.succeeded()) {
            remember(() -> bookings.cancelled(read.service().odsCode(), read.id()));
        }
        audit.appointment(context.user(), nhs(context), AuditAction.APPOINTMENT_CANCEL, "Appointment reference "
                + read.id() + " at " + read.service().odsCode() + " on " + WHEN.format(read.start()),
                reason.recorded(), outcome.succeeded() ? "cancelled"
                        : "not cancelled: " + outcome.problem().orElseThrow().kind(),
                outcome.problem().map(AppointmentProblem::traceId).orElse(traceId));
        return outcome;
    }

    /**
     * Keeps (or forgets) a booking for the user's encounter note: a failure here never undoes or hides the booking
     * itself, which the service holds and the audit trail records; the note's free text still names it.
     */
    private static void remember(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("Booking not kept for linking in the encounter note: {}", e.getClass().getSimpleName());
        }
    }

    /** Only a future, booked appointment at a permitted service may be changed. */
    private Optional<AppointmentProblem> changeable(BookingContext context, Appointment read, String traceId) {
        return permitted(context, read.service(), traceId)
                .or(() -> read.status() == Appointment.Status.BOOKED ? Optional.empty()
                        : Optional.of(new AppointmentProblem(AppointmentProblem.Kind.NOT_PERMITTED, "This "
                                + "appointment is " + read.status().displayName().toLowerCase(Locale.UK)
                                + ", so it cannot be changed.", "Book a new appointment if one is needed.", traceId)))
                .or(() -> read.start().isAfter(ZonedDateTime.now(clock)) ? Optional.empty()
                        : Optional.of(new AppointmentProblem(AppointmentProblem.Kind.NOT_PERMITTED, "This "
                                + "appointment has already started, so it cannot be changed through Carepoint.",
                                "Phone the service if something needs to change.", traceId)));
    }

    private Optional<AppointmentProblem> permitted(BookingContext context, BookableService service, String traceId) {
        return services(context).contains(service) ? Optional.empty()
                : Optional.of(new AppointmentProblem(AppointmentProblem.Kind.NOT_PERMITTED, "Your organisation may "
                        + "not book this patient into " + service.label() + " through Carepoint.",
                        "Choose one of the services offered, or phone the service.", traceId));
    }

    private static String nhs(BookingContext context) {
        return context.patient().nhsNumber().value();
    }

    private static <T> T safely(Supplier<T> call, Function<Throwable, T> onError) {
        try {
            return call.get();
        } catch (Throwable t) {
            return onError.apply(t);
        }
    }

    private static String trace(Throwable t) {
        String trace = UUID.randomUUID().toString();
        log.error("Appointment call failed inside Carepoint trace={}: {}", trace, t.getClass().getSimpleName());
        return trace;
    }
}
