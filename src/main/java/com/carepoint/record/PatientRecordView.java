package com.carepoint.record;

import com.carepoint.kernel.StepTimings;
import java.util.concurrent.atomic.AtomicBoolean;
import com.vaadin.flow.server.VaadinRequest;

import com.carepoint.access.AccessReason;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.carepoint.access.DataSharingPolicy;
import com.carepoint.access.Role;
import com.carepoint.appointments.AppointmentService;
import com.carepoint.appointments.AppointmentsView;
import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
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
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A patient's GP record. The banner is always on top. The first screen answers the emergency question at a glance
 * (allergies in their exact recorded state, current medications, active problems, recent consultations, warnings);
 * full sections load on demand. Each section is its own GP Connect call on a virtual thread: a slow or failing
 * practice never blocks the UI or the sections that did load.
 */
@Route(PatientRecordRoute.TEMPLATE)
@PageTitle("Patient record · Carepoint")
@RolesAllowed({Role.PARAMEDIC_NAME, Role.CLINICIAN_111_NAME, Role.SOCIAL_CARE_NAME})
public class PatientRecordView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(PatientRecordView.class);

    private static final ZoneId UK = ZoneId.of("Europe/London");

    static final List<SectionKind> FIRST_SCREEN = List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS,
            SectionKind.PROBLEMS, SectionKind.CONSULTATIONS);

    private final OpenPatients openPatients;
    private final RecordService records;
    private final CurrentUserService users;
    private final ExecutorService executor;
    private final AppointmentService appointments;
    private final RenderGuard guard = new RenderGuard();
    private final Map<SectionKind, Div> cards = new EnumMap<>(SectionKind.class);
    private final Map<SectionKind, Div> fullPanels = new EnumMap<>(SectionKind.class);
    private final Span source = new Span();
    private final Div recordProblem = new Div();
    private PatientBanner banner;
    private PatientContext context;
    private TracedPatient patient;
    private CurrentUser user;
    private AccessReason reason;
    private String token;
    private TabSheet fullSheet;
    /** First-screen sections of the current load still to answer; the status line ends when it reaches 0. */
    private int pendingFirstScreen;
    private boolean sourceShown;
    /** How to phone the practice, once looked up for this patient; the lines waiting for it meanwhile. */
    private String howToPhone;
    private boolean contactRequested;
    private final List<Paragraph> contactLines = new java.util.ArrayList<>();
    /** Each full section's latest retrieval: an answer to an earlier (cancelled or refreshed) one is not drawn. */
    private final Map<SectionKind, Long> fullAttempts = new EnumMap<>(SectionKind.class);
    private final StepTimings timings;
    /** When the current load started, and the first-screen sections the benchmark's figure waits for. */
    private long loadStarted;
    private final java.util.Set<SectionKind> awaitedFirst = java.util.EnumSet.noneOf(SectionKind.class);

    public PatientRecordView(OpenPatients openPatients, RecordService records, CurrentUserService users,
            ExecutorService recordExecutor, AppointmentService appointments, StepTimings timings) {
        this.timings = timings;
        this.openPatients = openPatients;
        this.appointments = appointments;
        this.records = records;
        this.users = users;
        this.executor = recordExecutor;
        addClassNames("cp-page", "cp-record");
        setId("patient-record-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long start = System.nanoTime();
        try {
            enter(event);
        } finally {
            timings.since("record-view", start);
        }
    }

    private void enter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        this.token = token;
        if (context != null) {
            context.cancel();
            context = null;
        }
        removeAll();
        cards.clear();
        fullPanels.clear();
        howToPhone = null;
        contactRequested = false;
        contactLines.clear();
        Optional<TracedPatient> traced = openPatients.get(token);
        if (traced.isEmpty()) {
            guard.start("none");
            add(new H1("This patient is no longer open"),
                    new Paragraph("Find the patient again to see their record."),
                    new RouterLink("Find a patient", PatientSearchView.class));
            return;
        }
        patient = traced.get();
        // The page's one h1, for screen readers and the headings list; sighted users read the banner below it.
        H1 heading = new H1("GP record: " + patient.bannerName());
        heading.setId("record-heading");
        heading.addClassName("cp-visually-hidden");
        banner = new PatientBanner(patient);
        add(heading, banner);
        CurrentUser viewer = users.require();
        String nhs = patient.nhsNumber().value();
        Optional<RecordService.NotRequested> notRequested = records.notRequested(viewer, patient);
        if (notRequested.isPresent()) {
            guard.start(nhs);
            add(switch (notRequested.get()) {
                case SENSITIVE -> notice("This patient's record is restricted", "The national demographics service "
                        + "marks this patient's record as sensitive. Their address and contact details are withheld, "
                        + "and Carepoint does not request their GP record. If you need clinical information, contact "
                        + "the registered practice by phone and follow your organisation's procedure for restricted "
                        + "records.", "sensitive", true);
                case DECEASED -> notice("This patient has died", "The national demographics service records this "
                        + "patient as deceased. GP practices do not share the records of patients who have died "
                        + "through GP Connect.", "deceased", false);
                case NO_PRACTICE -> notice("No registered GP practice", "The national demographics service has no "
                        + "GP practice for this patient, so there is no GP record to show.", "no-practice", false);
            });
            return;
        }
        user = viewer;
        Optional<AccessReason> given = openPatients.reason(token);
        if (given.isPresent()) {
            open(viewer, given.get());
        } else {
            guard.start(nhs);
            new ReasonForAccessDialog(viewer.role(), records.permission(viewer).emergencyAccess(), reason -> {
                records.reasonGiven(viewer, patient, reason);
                openPatients.setReason(token, reason);
                open(viewer, reason);
            }, () -> getUI().ifPresent(ui -> ui.navigate(PatientSearchView.class))).open();
        }
    }

    private void open(CurrentUser viewer, AccessReason reason) {
        this.reason = reason;
        // The first screen's calls start first, before the opening is audited and the layout built: the practice is
        // being asked meanwhile. Nothing they return is drawn before this request has finished (answers are drawn
        // with the UI, which this request holds), so the banner and the audit row still come first.
        context = records.open(viewer, patient, reason, opened -> {
            context = opened;
            startFirstScreen();
        });
        if (reason.emergency()) {
            banner.addFlag("Emergency access", "emergency");
            Div marked = new Div(new Strong("You opened this record under emergency access."), new Paragraph(
                    "Your justification is recorded with every part of the record you view and will be reviewed by "
                    + "your privacy officer: \u201c" + reason.text() + "\u201d"));
            marked.setId("emergency-notice");
            marked.addClassNames("cp-problem", "cp-emergency-notice");
            add(marked);
        }
        buildRecordLayout();
        showFirstScreen();
    }

    private void buildRecordLayout() {
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> load());
        refresh.setId("refresh-record");
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        source.setId("record-source");
        source.addClassName("cp-record-source");
        Div status = new Div(source, refresh);
        if (appointments.mayBook(user)) {
            Anchor book = new Anchor(AppointmentsView.path(token), "Appointments: book, change or cancel");
            book.setId("open-appointments");
            book.addClassName("cp-action-link");
            status.add(book);
        }
        if (user.role().writesEncounterNotes()) {
            Anchor note = new Anchor(PatientRecordRoute.notePath(token), "Write the encounter note");
            note.setId("write-note");
            note.addClassName("cp-action-link");
            status.add(note);
        }
        status.addClassName("cp-record-status");

        recordProblem.setId("record-problem");
        recordProblem.setVisible(false);

        Div summary = new Div();
        summary.addClassName("cp-summary");
        summary.setId("record-summary");
        DataSharingPolicy.Permission permission = records.permission(user);
        for (SectionKind kind : FIRST_SCREEN.stream().filter(permission::allows).toList()) {
            Div card = new Div();
            card.addClassName("cp-card");
            card.setId("card-" + kind.name().toLowerCase(Locale.UK));
            cards.put(kind, card);
            summary.add(card);
        }

        TabSheet full = new TabSheet();
        fullSheet = full;
        full.setId("full-record");
        full.setWidthFull();
        for (SectionKind kind : Arrays.stream(SectionKind.values()).filter(permission::allows).toList()) {
            Div panel = new Div();
            panel.setId("full-" + kind.name().toLowerCase(Locale.UK));
            if (fullPanels.isEmpty()) {
                // The tab showing at first (the sheet selects its first tab) offers to retrieve its section. The
                // others stay empty until chosen, which retrieves them: components for panels nobody sees would
                // only take memory in every open session (docs/performance.md, P4).
                placeholder(kind, panel);
            }
            fullPanels.put(kind, panel);
            Tab tab = full.add(kind.title(), panel);
            tab.setId("tab-" + kind.name().toLowerCase(Locale.UK));
        }
        full.addSelectedChangeListener(e -> fullPanels.entrySet().stream()
                .filter(en -> en.getValue() == full.getComponent(e.getSelectedTab()))
                .findFirst().ifPresent(en -> loadFull(en.getKey())));

        if (permission.currentOnly()) {
            Paragraph scope = new Paragraph("Your role sees the summary that may be shared with it: "
                    + permission.sections().stream().map(k -> k.title().toLowerCase(Locale.UK))
                            .collect(Collectors.joining(", ")) + " — current information only.");
            scope.setId("policy-scope");
            scope.addClassName("cp-notice");
            add(scope);
        }
        // The first-screen cards' h3 headings sit under an h2 (heading levels go up one at a time for screen-reader
        // users); sighted users see the cards' own headings.
        H2 summaryHeading = new H2("Summary");
        summaryHeading.setId("summary-heading");
        summaryHeading.addClassName("cp-visually-hidden");
        add(status, recordProblem, summaryHeading, summary,
                new H2(permission.currentOnly() ? "Permitted summary" : "Full record"), full);
    }

    private void load() {
        startFirstScreen();
        showFirstScreen();
    }

    /** The first-screen sections this user may see, in the order of their cards. */
    private List<SectionKind> firstScreenKinds() {
        DataSharingPolicy.Permission permission = records.permission(user);
        return FIRST_SCREEN.stream().filter(permission::allows).toList();
    }

    /** Starts the first screen's calls; each answer is drawn in its card (once the cards exist and the UI is free). */
    private void startFirstScreen() {
        RenderGuard.Ticket ticket = guard.start(patient.nhsNumber().value());
        List<SectionKind> kinds = firstScreenKinds();
        pendingFirstScreen = kinds.size();
        loadStarted = Optional.ofNullable(VaadinRequest.getCurrent())
                .map(r -> r.getAttribute(StepTimings.OPEN_REQUESTED)).filter(Long.class::isInstance).map(Long.class::cast)
                .orElseGet(System::nanoTime);
        awaitedFirst.clear();
        awaitedFirst.addAll(kinds);
        awaitedFirst.retainAll(List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS));
        sourceShown = false;
        for (SectionKind kind : kinds) {
            fetch(kind, SectionRequest.FIRST_SCREEN, ticket, fetched -> {
                Div card = cards.get(kind);
                if (card == null) {
                    return;
                }
                card.removeAll();
                card.add(new H3(kind.title()), SectionStates.wholeRecord(fetched.section())
                        ? SectionStates.saidAbove(fetched.section())
                        : withContact(fetched.section(), SectionRenderer.summaryOf(fetched.section(),
                                () -> showFull(kind))));
                pendingFirstScreen--;
                if (awaitedFirst.remove(kind) && awaitedFirst.isEmpty()) {
                    // Allergies and medications both rendered (on the server; the push and the browser follow).
                    timings.since("first-screen-server", loadStarted);
                }
                endStatusWhenAllAnswered();
            });
        }
    }

    /** The first screen while its calls are under way: "Retrieving…" in each card, the full sections not yet asked. */
    private void showFirstScreen() {
        source.setText("Retrieving the GP record from " + patient.registeredPracticeOds().orElse("") + "…");
        recordProblem.setVisible(false);
        cards.forEach((kind, card) -> {
            card.removeAll();
            card.add(new H3(kind.title()), loading());
        });
        endStatusWhenAllAnswered();
        fullPanels.forEach((kind, panel) -> {
            boolean showing = fullSheet != null && fullSheet.getComponent(fullSheet.getSelectedTab()) == panel;
            boolean wasShowing = panel.getElement().hasAttribute("data-loaded") && showing;
            panel.getElement().removeAttribute("data-loaded");
            if (showing) {
                placeholder(kind, panel);
            } else {
                // Not showing: emptied, and retrieved afresh when its tab is chosen.
                panel.removeAll();
            }
            if (wasShowing) {
                // A refresh reloads the full section the user is looking at, not just the first screen.
                loadFull(kind);
            }
        });
    }

    /**
     * The first screen's "Show all …": the section's full tab is chosen (and retrieved; the tab already showing is
     * retrieved with its button) and scrolled into view.
     */
    private void showFull(SectionKind kind) {
        Div panel = fullPanels.get(kind);
        if (panel == null || fullSheet == null) {
            return;
        }
        Tab tab = fullSheet.getTab(panel);
        if (fullSheet.getSelectedTab() == tab) {
            loadFull(kind);
        } else {
            fullSheet.setSelectedTab(tab);
        }
        fullSheet.scrollIntoView();
    }

    /**
     * A full section is retrieved when its tab is chosen, or — for the tab already showing, which cannot be chosen
     * again — with this button, so an open tab is never blank.
     */
    private void placeholder(SectionKind kind, Div panel) {
        panel.removeAll();
        boolean documents = kind == SectionKind.DOCUMENTS;
        Button show = new Button(documents ? "Retrieve the list of documents"
                : "Retrieve the full " + kind.title().toLowerCase(Locale.UK) + " record", e -> loadFull(kind));
        show.setId("load-full-" + kind.name().toLowerCase(Locale.UK));
        show.addThemeVariants(ButtonVariant.TERTIARY);
        panel.add(new Paragraph(documents ? "The documents filed in the patient's record (letters, discharge "
                + "summaries, reports) are listed by the practice when you ask for them; each PDF is retrieved when "
                + "you choose to view it." : records.permission(user).currentOnly() ? "The current information in this "
                + "section that your role may see is retrieved from the practice when you ask for it."
                : "The full section, including past entries, is retrieved from the practice when you ask for it."),
                show);
    }

    private void loadFull(SectionKind kind) {
        Div panel = fullPanels.get(kind);
        if (panel == null || panel.getElement().hasAttribute("data-loaded")) {
            return;
        }
        panel.getElement().setAttribute("data-loaded", "true");
        panel.removeAll();
        long attempt = fullAttempts.merge(kind, 1L, Long::sum);
        BooleanSupplier wanted = () -> fullAttempts.getOrDefault(kind, 0L) == attempt;
        Future<?> call = fetch(kind, SectionRequest.FULL, guard.current(), wanted, fetched -> {
            panel.removeAll();
            panel.add(withContact(fetched.section(), kind == SectionKind.DOCUMENTS ? documents(fetched.section())
                    : SectionRenderer.fullOf(fetched.section())));
        });
        Button cancel = new Button("Cancel", e -> cancelFull(kind, call));
        cancel.setId("cancel-full-" + kind.name().toLowerCase(Locale.UK));
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        cancel.getElement().setAttribute("aria-label", "Cancel retrieving the full " + kind.title()
                .toLowerCase(Locale.UK) + " record");
        Div progress = loading();
        progress.add(cancel);
        panel.add(progress);
    }

    /**
     * Stops waiting for a full section (issue 14, row 9): its answer is no longer wanted, the call is interrupted —
     * which closes its connection and frees its place among the calls to the practice — and the panel says that
     * nothing was retrieved and offers to retrieve it again. The call is audited with its outcome as every call is.
     */
    private void cancelFull(SectionKind kind, Future<?> call) {
        Div panel = fullPanels.get(kind);
        if (panel == null) {
            return;
        }
        fullAttempts.merge(kind, 1L, Long::sum);
        call.cancel(true);
        panel.getElement().removeAttribute("data-loaded");
        placeholder(kind, panel);
        Paragraph stopped = new Paragraph("You stopped retrieving the full " + kind.title().toLowerCase(Locale.UK)
                + " record. Nothing from it is shown; it is not known what it holds.");
        stopped.setId("stopped-" + kind.name().toLowerCase(Locale.UK));
        stopped.addClassName("cp-stopped");
        panel.addComponentAsFirst(stopped);
    }

    @SuppressWarnings("unchecked")
    private Component documents(Section<?> section) {
        return DocumentsRenderer.full((Section<DocumentItem>) section, this::openDocument);
    }

    /**
     * Retrieves one listed document from the practice (audited) on a virtual thread, and shows in the viewer either
     * the links that open or download the bytes Carepoint now holds, or what went wrong.
     */
    private void openDocument(DocumentItem document, Div viewer) {
        viewer.setVisible(true);
        viewer.removeAll();
        viewer.add(new H3(document.title()), loading());
        UI ui = UI.getCurrent();
        PatientContext current = context;
        AccessReason why = reason;
        RenderGuard.Ticket ticket = guard.current();
        executor.submit(() -> {
            RetrievedDocument retrieved;
            try {
                retrieved = records.document(current, document, why);
            } catch (Throwable t) {
                String trace = UUID.randomUUID().toString();
                log.error("Document could not be shown trace={}: {}", trace, t.getClass().getSimpleName());
                retrieved = RetrievedDocument.failed(RecordProblem.carepointError(trace));
            }
            RetrievedDocument answer = retrieved;
            ui.access(() -> {
                if (!guard.isCurrent(ticket)) {
                    return;
                }
                viewer.removeAll();
                viewer.add(DocumentsRenderer.retrieved(document, answer));
            });
        });
    }

    private Future<?> fetch(SectionKind kind, SectionRequest request, RenderGuard.Ticket ticket,
            Consumer<FetchedSection> render) {
        return fetch(kind, request, ticket, () -> true, render);
    }

    /** One section retrieved on a virtual thread; its answer is drawn only while the same load still wants it. */
    private Future<?> fetch(SectionKind kind, SectionRequest request, RenderGuard.Ticket ticket,
            BooleanSupplier wanted, Consumer<FetchedSection> render) {
        UI ui = UI.getCurrent();
        PatientContext current = context;
        AccessReason why = reason;
        return executor.submit(() -> {
            // Drawn as soon as the section is known; its audit row is written meanwhile (RecordService).
            AtomicBoolean shown = new AtomicBoolean();
            Consumer<FetchedSection> show = f -> {
                if (shown.compareAndSet(false, true)) {
                    draw(ui, ticket, wanted, kind, f, render);
                }
            };
            show.accept(safely(() -> records.section(current, kind, request, why, show), kind));
        });
    }

    private void draw(UI ui, RenderGuard.Ticket ticket, BooleanSupplier wanted, SectionKind kind,
            FetchedSection fetched, Consumer<FetchedSection> render) {
        long answered = System.nanoTime();
        ui.access(() -> {
            timings.since("ui-wait", kind, answered);
            if (!guard.isCurrent(ticket) || !wanted.getAsBoolean()) {
                return;
            }
            long rendering = System.nanoTime();
            try {
                render.accept(fetched);
            } catch (RuntimeException e) {
                // A section that cannot be drawn says so: never a blank or "Retrieving…" card.
                render.accept(safely(() -> {
                    throw e;
                }, kind));
            }
            fetched.source().ifPresent(s -> {
                sourceShown = true;
                banner.setPractice(s.practiceName(), s.odsCode());
                source.setText("From " + s.practiceName() + " (" + s.odsCode() + ") via " + s.gpSystem()
                        + " · retrieved " + PartialDate.of(LocalDateTime.ofInstant(s.retrievedAt(), UK)).display());
            });
            // A problem with the whole record is said once for it. From the documents, only another patient's
            // answer is: their sharing being off, or the patient unknown to the document service, is theirs alone.
            fetched.section().problem().filter(RecordProblem::permanent)
                    .filter(p -> kind.structured() || p.kind() == RecordProblem.Kind.WRONG_PATIENT)
                    .ifPresent(this::showRecordProblem);
            timings.since("render", kind, rendering);
        });
    }

    /** The section, or — whatever went wrong on the way — a failed section that says so, with a reference. */
    private static FetchedSection safely(Supplier<FetchedSection> section, SectionKind kind) {
        try {
            return section.get();
        } catch (Throwable t) {
            String trace = UUID.randomUUID().toString();
            log.error("Section {} could not be shown trace={}: {}", kind, trace, t.getClass().getSimpleName());
            return new FetchedSection(Section.failed(kind, RecordProblem.carepointError(trace)), Optional.empty(), trace);
        }
    }

    /**
     * Once every first-screen section has answered or failed, the status line stops saying "Retrieving…": it names
     * the source when any section came back, and otherwise says plainly that the record could not be retrieved.
     */
    private void endStatusWhenAllAnswered() {
        if (pendingFirstScreen > 0 || sourceShown || recordProblem.isVisible()) {
            return;
        }
        source.setText("The GP record could not be retrieved from " + patient.registeredPracticeOds().orElse("the "
                + "practice") + ". Each section says why.");
    }

    /** A problem with the whole record (dissent, not found, not shared): said once, plainly, with a banner flag. */
    private void showRecordProblem(RecordProblem problem) {
        if (problem.kind() == RecordProblem.Kind.PATIENT_DISSENT) {
            banner.addFlag("No consent to share GP record", "dissent");
        }
        recordProblem.removeAll();
        recordProblem.add(SectionStates.problem(SectionKind.ALLERGIES, problem).getChildren()
                .skip(1).toArray(Component[]::new));
        recordProblem.addClassNames("cp-problem", "cp-record-problem");
        recordProblem.add(contactLine());
        recordProblem.getElement().setAttribute("data-problem", problem.kind().name());
        recordProblem.setVisible(true);
        source.setText("The GP record could not be retrieved.");
        if (problem.kind() == RecordProblem.Kind.WRONG_PATIENT) {
            // The practice's system answered with another patient's record: nothing else from it is trusted either.
            // Calls still under way stop, later answers are dropped, and what already showed is taken off the screen.
            if (context != null) {
                context.cancel();
            }
            guard.start("wrong-patient");
            cards.forEach((kind, card) -> {
                card.removeAll();
                card.add(new H3(kind.title()), SectionStates.saidAbove(Section.failed(kind, problem)));
            });
            fullPanels.forEach((kind, panel) -> {
                panel.removeAll();
                panel.getElement().setAttribute("data-loaded", "true");
                panel.add(SectionRenderer.fullOf(Section.failed(kind, problem)));
            });
        }
    }

    /**
     * A line saying how to phone the patient's practice — its name and number from the organisation register, or
     * that the number is not known (never a made-up one) — wherever the user is told to phone it (issue 14, row 7).
     * The register is asked once per patient, off the UI thread; lines shown meanwhile are filled in when it answers.
     */
    private Paragraph contactLine() {
        Paragraph line = new Paragraph(howToPhone != null ? howToPhone : "Looking up the practice's telephone number…");
        line.addClassName("cp-practice-contact");
        line.getElement().setAttribute("data-practice-contact", "true");
        if (howToPhone != null) {
            return line;
        }
        contactLines.add(line);
        if (!contactRequested) {
            contactRequested = true;
            UI ui = UI.getCurrent();
            TracedPatient who = patient;
            PatientBanner shownBanner = banner;
            executor.submit(() -> {
                Optional<PracticeContact> contact;
                try {
                    contact = records.practiceContact(who);
                } catch (RuntimeException e) {
                    contact = who.registeredPracticeOds().map(ods -> new PracticeContact(ods, Optional.empty(),
                            Optional.empty(), false));
                }
                Optional<PracticeContact> found = contact;
                ui.access(() -> {
                    if (patient != who) {
                        return;
                    }
                    howToPhone = found.map(PracticeContact::howToPhone)
                            .orElse("This patient has no registered practice to phone.");
                    contactLines.forEach(l -> l.setText(howToPhone));
                    contactLines.clear();
                    found.ifPresent(c -> c.name().filter(n -> !sourceShown)
                            .ifPresent(n -> shownBanner.setPractice(n, c.odsCode())));
                });
            });
        }
        return line;
    }

    /** A section problem that tells the user to phone the practice gets the practice's number beside it. */
    private Component withContact(Section<?> section, Component shown) {
        boolean phone = section.problem().map(p -> p.whatToDo().contains("by phone")).orElse(false);
        if (!phone || SectionStates.wholeRecord(section)) {
            return shown;
        }
        return new Div(shown, contactLine());
    }

    /**
     * What shows while a part of the record is on its way (issue 14, row 9): a moving progress bar and, from the
     * first second, the time waited so far ("Retrieving… 4 s"), counted in the browser so that a slow practice costs
     * no server round trips.
     */
    private static Div loading() {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.addClassName("cp-progress");
        bar.getElement().setAttribute("aria-label", "Retrieving");
        Span text = new Span("Retrieving…");
        text.addClassName("cp-elapsed");
        text.getElement().executeJs("""
                const el = this;
                const start = Date.now();
                const tick = () => {
                  if (!el.isConnected) return;
                  const s = Math.floor((Date.now() - start) / 1000);
                  el.textContent = s < 1 ? 'Retrieving…' : 'Retrieving… ' + s + ' s';
                  setTimeout(tick, 1000);
                };
                setTimeout(tick, 1000);
                """);
        Div d = new Div(bar, text);
        d.addClassName("cp-loading");
        d.getElement().setAttribute("aria-busy", "true");
        return d;
    }

    private Div notice(String title, String text, String kind, boolean phone) {
        Div d = new Div(new H2(title), new Paragraph(text));
        if (phone) {
            d.add(contactLine());
        }
        d.addClassNames("cp-notice", "cp-notice-" + kind);
        d.setId("record-notice");
        return d;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        guard.start("detached");
        if (context != null) {
            // Calls still under way for this record stop: their answers are no longer wanted.
            context.cancel();
        }
        super.onDetach(detachEvent);
    }
}
