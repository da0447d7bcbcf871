package com.carepoint.appointments;

import com.carepoint.access.AccessReason;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.patient.OpenPatients;
import com.carepoint.patient.PatientBanner;
import com.carepoint.patient.PatientRecordRoute;
import com.carepoint.patient.PatientSearchView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A patient's appointments: free slots at every service the user may book into, searched at once and merged into one
 * list by time (each service's failure said beside the others' slots), booking, and the patient's appointments with
 * amend and cancel. The banner is always on top. Every call runs off the UI thread and each answer is drawn only if
 * the page still shows what it was asked for.
 */
@Route(AppointmentsView.TEMPLATE)
@PageTitle("Appointments · Carepoint")
@RolesAllowed({Role.PARAMEDIC_NAME, Role.CLINICIAN_111_NAME})
public class AppointmentsView extends VerticalLayout implements BeforeEnterObserver {

    public static final String TEMPLATE = "record/:token/appointments";
    /** Slots drawn at first; the rest on request. */
    static final int SHOWN_SLOTS = 40;

    public static String path(String token) {
        return "record/" + token + "/appointments";
    }

    private final OpenPatients openPatients;
    private final AppointmentService appointments;
    private final CurrentUserService users;
    private final AtomicInteger generation = new AtomicInteger();
    /** What the user typed for a booking: kept across a failed booking and the next slot chosen. */
    private final BookingDetails typed = new BookingDetails();

    private final Div serviceStatus = new Div();
    private final Div slotList = new Div();
    private final Span window = new Span();
    private final Div appointmentList = new Div();
    private final Select<String> service = new Select<>();
    private final Select<String> day = new Select<>();
    private final Select<SlotFilter.TimeOfDay> timeOfDay = new Select<>();
    private final Select<DeliveryChannel> channel = new Select<>();
    private final Button earlier = new Button("Earlier days");
    private final Button later = new Button("Later days");

    private BookingContext context;
    private AccessReason reason;
    private LocalDate from;
    private SlotSearch search;
    private boolean showAllSlots;

    public AppointmentsView(OpenPatients openPatients, AppointmentService appointments, CurrentUserService users) {
        this.openPatients = openPatients;
        this.appointments = appointments;
        this.users = users;
        addClassNames("cp-page", "cp-appointments");
        setId("appointments-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        if (context != null) {
            context.cancel();
            context = null;
        }
        generation.incrementAndGet();
        removeAll();
        Optional<TracedPatient> traced = openPatients.get(token);
        if (traced.isEmpty()) {
            add(new H1("This patient is no longer open"), new Paragraph("Find the patient again to book."),
                    new RouterLink("Find a patient", PatientSearchView.class));
            return;
        }
        TracedPatient patient = traced.get();
        add(new PatientBanner(patient));
        Anchor back = new Anchor(PatientRecordRoute.path(token), "Back to the GP record");
        back.setId("back-to-record");
        add(new H1("Appointments"), back);
        Optional<AccessReason> given = openPatients.reason(token);
        if (given.isEmpty()) {
            // The reason for access is asked on the record, before anything about the patient is requested.
            event.forwardTo(PatientRecordRoute.path(token));
            return;
        }
        reason = given.get();
        CurrentUser user = users.require();
        Optional<String> refused = appointments.refusal(user, patient);
        if (refused.isPresent()) {
            Div notice = new Div(new Paragraph(refused.get()));
            notice.addClassName("cp-notice");
            notice.setId("booking-refused");
            add(notice);
            return;
        }
        context = appointments.open(user, patient);
        from = appointments.today();
        buildBooking();
        buildAppointments();
        searchSlots();
        loadAppointments();
    }

    private void buildBooking() {
        H2 heading = new H2("Book an appointment");
        List<BookableService> services = appointments.services(context);
        Paragraph where = new Paragraph("Searching the services your organisation may book this patient into: "
                + services.stream().map(AppointmentsView::describe).collect(Collectors.joining("; ")) + ".");
        where.setId("bookable-services");
        where.addClassName("cp-meta");

        service.setLabel("Service");
        service.setId("filter-service");
        service.setItems(Stream.concat(Stream.of(""), services.stream().map(BookableService::odsCode)).toList());
        service.setItemLabelGenerator(o -> o == null || o.isEmpty() ? "Any service" : serviceName(o));
        service.setValue("");
        service.addValueChangeListener(e -> drawSlots());
        day.setLabel("Day");
        day.setId("filter-day");
        timeOfDay.setLabel("Time of day");
        timeOfDay.setId("filter-time");
        timeOfDay.setItems(SlotFilter.TimeOfDay.values());
        timeOfDay.setItemLabelGenerator(t -> t == null ? "Any time" : t.label());
        timeOfDay.setEmptySelectionAllowed(true);
        timeOfDay.setEmptySelectionCaption("Any time");
        channel.setLabel("How");
        channel.setId("filter-channel");
        channel.setItems(DeliveryChannel.IN_PERSON, DeliveryChannel.TELEPHONE, DeliveryChannel.VIDEO);
        channel.setItemLabelGenerator(c -> c == null ? "Any way" : c.displayName());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption("Any way");
        day.addValueChangeListener(e -> drawSlots());
        timeOfDay.addValueChangeListener(e -> drawSlots());
        channel.addValueChangeListener(e -> drawSlots());
        Div filters = new Div(service, day, timeOfDay, channel);
        filters.addClassName("cp-filters");

        earlier.setId("slots-earlier");
        earlier.addThemeVariants(ButtonVariant.TERTIARY);
        earlier.addClickListener(e -> {
            from = from.minusDays(AppointmentService.WINDOW_DAYS);
            searchSlots();
        });
        later.setId("slots-later");
        later.addThemeVariants(ButtonVariant.TERTIARY);
        later.addClickListener(e -> {
            from = from.plusDays(AppointmentService.WINDOW_DAYS);
            searchSlots();
        });
        Button refresh = new Button("Refresh slots", e -> searchSlots());
        refresh.setId("slots-refresh");
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        window.setId("slot-window");
        Div nav = new Div(window, earlier, later, refresh);
        nav.addClassName("cp-window");

        serviceStatus.setId("service-status");
        slotList.setId("slot-list");
        slotList.addClassName("cp-slot-list");
        add(heading, where, filters, nav, serviceStatus, slotList);
    }

    private void buildAppointments() {
        H2 heading = new H2("The patient's appointments");
        Paragraph scope = new Paragraph("Appointments from today for the next " + AppointmentService
                .APPOINTMENTS_AHEAD_DAYS + " days at the services above, however they were booked. Past appointments "
                + "are not shown.");
        scope.addClassName("cp-meta");
        Button refresh = new Button("Refresh appointments", e -> loadAppointments());
        refresh.setId("appointments-refresh");
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        appointmentList.setId("appointment-list");
        appointmentList.addClassName("cp-appointment-list");
        add(heading, scope, refresh, appointmentList);
    }

    // ------------------------------------------------------------------ free slots

    private void searchSlots() {
        LocalDate start = from.isBefore(appointments.today()) ? appointments.today() : from;
        from = start;
        earlier.setEnabled(start.isAfter(appointments.today()));
        window.setText("Showing " + When.day(start) + " to " + When.day(start.plusDays(AppointmentService
                .WINDOW_DAYS - 1L)));
        serviceStatus.removeAll();
        slotList.removeAll();
        slotList.add(loading("Searching for free slots at " + appointments.services(context).size()
                + " services…"));
        showAllSlots = false;
        BookingContext ctx = context;
        AccessReason why = reason;
        async(() -> appointments.search(ctx, start, why), found -> {
            search = found;
            List<LocalDate> days = Stream.iterate(found.from(), d -> !d.isAfter(found.to()), d -> d.plusDays(1))
                    .toList();
            String chosen = day.getValue();
            day.setItems(Stream.concat(Stream.of(""), days.stream().map(LocalDate::toString)).toList());
            day.setItemLabelGenerator(v -> v == null || v.isEmpty() ? "Any day" : When.day(LocalDate.parse(v)));
            day.setValue(chosen != null && days.stream().map(LocalDate::toString).anyMatch(chosen::equals) ? chosen
                    : "");
            drawServiceStatus();
            drawSlots();
        });
    }

    private void drawServiceStatus() {
        serviceStatus.removeAll();
        for (ServiceSlots s : search.services()) {
            Div line = new Div();
            line.setId("service-" + s.service().odsCode());
            line.getElement().setAttribute("data-service", s.service().odsCode());
            if (s.problem().isPresent()) {
                line.add(problem(s.problem().get()));
                line.getElement().setAttribute("data-problem", s.problem().get().kind().name());
            } else {
                line.addClassName("cp-meta");
                line.add(new Span(s.serviceName() + " (" + s.service().odsCode() + "): " + s.slots().size()
                        + " free slot" + (s.slots().size() == 1 ? "" : "s") + " in these days."));
            }
            serviceStatus.add(line);
        }
    }

    private void drawSlots() {
        if (search == null) {
            return;
        }
        slotList.removeAll();
        // What the list now shows, set with it in the same answer: a reader (or a browser test) can tell a list
        // drawn for the chosen service from the one drawn before the choice reached the server.
        slotList.getElement().setAttribute("data-filter-service", Optional.ofNullable(service.getValue())
                .orElse(""));
        SlotFilter filter = new SlotFilter(Optional.ofNullable(service.getValue()).filter(v -> !v.isEmpty()),
                Optional.ofNullable(day.getValue()).filter(v -> !v.isEmpty())
                .map(LocalDate::parse), Optional.ofNullable(timeOfDay.getValue()), Optional.ofNullable(
                        channel.getValue()));
        List<FreeSlot> all = search.merged();
        List<FreeSlot> shown = filter.apply(all);
        boolean everyServiceFailed = search.services().stream().allMatch(s -> s.problem().isPresent());
        if (everyServiceFailed) {
            Paragraph none = new Paragraph("No service could be searched, so it is not known whether any slots are "
                    + "free. Each service above says why.");
            none.setId("no-slots");
            none.addClassName("cp-problem");
            slotList.add(none);
            return;
        }
        if (shown.isEmpty()) {
            Paragraph none = new Paragraph((all.isEmpty() ? "No free slots in these days" : "No free slots match "
                    + "the filters") + (search.failed().isEmpty() ? "" : " at the services that answered")
                    + ". Try later days" + (all.isEmpty() ? "" : " or other filters") + ", or phone the service.");
            none.setId("no-slots");
            none.addClassName("cp-notice");
            slotList.add(none);
            return;
        }
        List<FreeSlot> drawn = showAllSlots ? shown : shown.stream().limit(SHOWN_SLOTS).toList();
        for (FreeSlot slot : drawn) {
            Div row = slotSummary(slot, serviceName(slot.service().odsCode()));
            row.addClassName("cp-slot");
            row.getElement().setAttribute("data-slot", slot.key());
            Button choose = new Button("Book", e -> openBooking(slot));
            choose.setId("book-" + slot.service().odsCode() + "-" + slot.slotId());
            choose.addThemeVariants(ButtonVariant.PRIMARY);
            choose.getElement().setAttribute("aria-label", "Book " + When.of(slot.start()) + " at "
                    + slot.siteName());
            row.add(choose);
            slotList.add(row);
        }
        if (drawn.size() < shown.size()) {
            Button more = new Button("Show all " + shown.size() + " free slots", e -> {
                showAllSlots = true;
                drawSlots();
            });
            more.setId("show-all-slots");
            slotList.add(more);
        }
    }

    private void openBooking(FreeSlot slot) {
        BookingContext ctx = context;
        AccessReason why = reason;
        BookingDialog[] dialog = new BookingDialog[1];
        dialog[0] = new BookingDialog(slot, serviceName(slot.service().odsCode()), typed, details -> async(
                () -> appointments.book(ctx, slot, details.getDescription(), details.getComment(), why), outcome -> {
                    if (outcome.succeeded()) {
                        dialog[0].booked(outcome.appointment().orElseThrow());
                        typed.setDescription("");
                        typed.setComment("");
                        searchSlots();
                        loadAppointments();
                    } else {
                        AppointmentProblem p = outcome.problem().orElseThrow();
                        boolean gone = p.kind() == AppointmentProblem.Kind.SLOT_TAKEN;
                        dialog[0].failed(p, gone);
                        if (gone || p.kind() == AppointmentProblem.Kind.TIMEOUT
                                || p.kind() == AppointmentProblem.Kind.SERVICE_ERROR) {
                            searchSlots();
                            loadAppointments();
                        }
                    }
                }));
        dialog[0].open();
    }

    // ------------------------------------------------------------------ the patient's appointments

    private void loadAppointments() {
        appointmentList.removeAll();
        appointmentList.add(loading("Retrieving the patient's appointments…"));
        BookingContext ctx = context;
        AccessReason why = reason;
        async(() -> appointments.appointments(ctx, why), this::drawAppointments);
    }

    private void drawAppointments(List<ServiceAppointments> answers) {
        appointmentList.removeAll();
        List<Appointment> all = new ArrayList<>();
        for (ServiceAppointments a : answers) {
            if (a.problem().isPresent()) {
                Div failed = problem(a.problem().get());
                failed.getElement().setAttribute("data-service", a.service().odsCode());
                appointmentList.add(failed);
            }
            all.addAll(a.appointments());
        }
        all.sort(java.util.Comparator.comparing(Appointment::start));
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(answers.stream().allMatch(a -> a.problem().isEmpty())
                    ? "No appointments from today at these services."
                    : "No appointments from today at the services that answered.");
            none.setId("no-appointments");
            none.addClassName("cp-notice");
            appointmentList.add(none);
        }
        for (Appointment a : all) {
            Div card = appointmentSummary(a, serviceName(a.service().odsCode()));
            card.addClassNames("cp-card", "cp-appointment");
            card.setId("appointment-" + a.service().odsCode() + "-" + a.id());
            card.getElement().setAttribute("data-status", a.status().name());
            if (a.status() == Appointment.Status.BOOKED) {
                Button amend = new Button("Change reason or comment", e -> change(a,
                        ChangeAppointmentDialog.Mode.AMEND));
                amend.setId("amend-" + a.service().odsCode() + "-" + a.id());
                Button cancel = new Button("Cancel appointment", e -> change(a, ChangeAppointmentDialog.Mode.CANCEL));
                cancel.setId("cancel-" + a.service().odsCode() + "-" + a.id());
                cancel.addThemeVariants(ButtonVariant.ERROR);
                Div actions = new Div(amend, cancel);
                actions.addClassName("cp-actions");
                card.add(actions);
            }
            appointmentList.add(card);
        }
    }

    /** Reads the appointment from the service first, so the change is made on what it holds now. */
    private void change(Appointment listed, ChangeAppointmentDialog.Mode mode) {
        BookingContext ctx = context;
        AccessReason why = reason;
        async(() -> appointments.read(ctx, listed.service(), listed.id()), read -> {
            if (!read.succeeded()) {
                ChangeProblemDialog.show(read.problem().orElseThrow());
                return;
            }
            Appointment current = read.appointment().orElseThrow();
            ChangeAppointmentDialog[] dialog = new ChangeAppointmentDialog[1];
            Consumer<Outcome> done = outcome -> {
                if (outcome.succeeded()) {
                    dialog[0].close();
                    loadAppointments();
                    if (mode == ChangeAppointmentDialog.Mode.CANCEL) {
                        searchSlots();
                    }
                } else {
                    dialog[0].failed(outcome.problem().orElseThrow());
                }
            };
            dialog[0] = new ChangeAppointmentDialog(current, serviceName(current.service().odsCode()), mode,
                    details -> async(() -> appointments.amend(ctx, current, details.getDescription(),
                            details.getComment(), why), done),
                    cancellation -> async(() -> appointments.cancel(ctx, current, cancellation, why), done));
            dialog[0].open();
        });
    }

    // ------------------------------------------------------------------ drawing

    /** The name a service gave itself in the last search (its configured name until then), with its ODS code. */
    private String serviceName(String ods) {
        return (search == null ? Optional.<ServiceSlots>empty() : search.services().stream()
                .filter(s -> s.service().odsCode().equals(ods)).findFirst())
                .map(s -> s.serviceName() + " (" + ods + ")")
                .orElseGet(() -> appointments.services(context).stream().filter(s -> s.odsCode().equals(ods))
                        .findFirst().map(AppointmentsView::describe).orElse(ods));
    }

    private static String describe(BookableService s) {
        return s.kind() == ServiceKind.PRACTICE ? "the patient's GP practice (" + s.odsCode() + ")"
                : s.kind().displayName().toLowerCase(Locale.UK).replace("primary care", "the primary care") + " "
                        + s.label();
    }

    static Div slotSummary(FreeSlot slot, String serviceName) {
        Div d = new Div();
        d.addClassName("cp-slot-summary");
        Paragraph when = new Paragraph(strong(When.range(slot.start(), slot.end())));
        when.addClassName("cp-slot-when");
        d.add(when, line(serviceName + (slot.service().kind() == ServiceKind.PRACTICE ? " · the patient's GP "
                + "practice" : " · " + slot.service().kind().displayName())),
                line(slot.siteName() + (slot.siteAddress().isBlank() ? "" : ", " + slot.siteAddress())),
                line(Stream.of(slot.practitioner().orElse(""), slot.practitionerRole()).filter(s -> !s.isBlank())
                        .collect(Collectors.joining(", "))),
                line(slot.channel().displayName() + (slot.slotType().isBlank() ? "" : " · " + slot.slotType())
                        + (slot.scheduleType().isBlank() ? "" : " · " + slot.scheduleType())));
        return d;
    }

    static Div appointmentSummary(Appointment a, String serviceName) {
        Div d = new Div();
        d.addClassName("cp-appointment-summary");
        H3 when = new H3(When.range(a.start(), a.end()));
        d.add(when);
        if (a.status() != Appointment.Status.BOOKED) {
            Paragraph status = new Paragraph(strong(a.status().displayName()
                    + a.cancellationReason().map(r -> ": " + r).orElse("")));
            status.addClassName("cp-appointment-status");
            d.add(status);
        }
        d.add(line(serviceName),
                line(a.siteName().orElse("Site not given by the service")),
                line(Stream.of(a.practitioner().orElse(""), a.practitionerRole()).filter(s -> !s.isBlank())
                        .collect(Collectors.joining(", "))),
                line(a.channel().displayName() + (a.slotType().isBlank() ? "" : " · " + a.slotType())),
                line("Reason: " + a.description()));
        a.comment().ifPresent(c -> d.add(line("Comment: " + c)));
        a.bookedBy().ifPresent(b -> d.add(line("Booked by " + b)));
        d.add(line("Reference " + a.id()));
        return d;
    }

    static Div problem(AppointmentProblem p) {
        Div d = new Div();
        d.addClassNames("cp-problem", "cp-problem-" + p.kind().name().toLowerCase(Locale.UK));
        d.getElement().setAttribute("role", "alert");
        d.getElement().setAttribute("data-problem", p.kind().name());
        d.add(new Paragraph(strong(p.message())), new Paragraph(p.whatToDo()));
        return d;
    }

    static Span strong(String text) {
        Span s = new Span(text);
        s.addClassName("cp-strong");
        return s;
    }

    private static Component line(String text) {
        Paragraph p = new Paragraph(text);
        p.setVisible(!text.isBlank());
        return p;
    }

    private static Div loading(String text) {
        Div d = new Div(new Span(text));
        d.addClassName("cp-loading");
        d.getElement().setAttribute("aria-busy", "true");
        return d;
    }

    /** Runs a call off the UI thread and draws its answer, unless the page has moved on meanwhile. */
    private <T> void async(Supplier<T> call, Consumer<T> draw) {
        UI ui = UI.getCurrent();
        int asked = generation.get();
        Thread.startVirtualThread(() -> {
            T answer = call.get();
            ui.access(() -> {
                if (generation.get() == asked) {
                    draw.accept(answer);
                }
            });
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        generation.incrementAndGet();
        if (context != null) {
            context.cancel();
        }
        super.onDetach(detachEvent);
    }
}
