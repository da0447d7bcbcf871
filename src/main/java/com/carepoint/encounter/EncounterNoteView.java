package com.carepoint.encounter;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.patient.PatientBanner;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One encounter note, with the patient's banner on top. A draft is a form (Binder) saved to the database as the user
 * types — every field change, debounced — so a reload, a dropped connection, an idle sign-out or a crashed browser
 * loses nothing; NEWS2 is shown as the observations are typed. Signing freezes the note and queues it for the
 * patient's GP; a signed note shows where its delivery has got to, its PDF, and offers a correction.
 */
@Route(EncounterNoteView.TEMPLATE)
@PageTitle("Encounter note · Carepoint")
@RolesAllowed({Role.PARAMEDIC_NAME, Role.CLINICIAN_111_NAME})
public class EncounterNoteView extends VerticalLayout implements BeforeEnterObserver {

    public static final String TEMPLATE = "notes/:id";
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.ENGLISH);

    public static String path(UUID id) {
        return "notes/" + id;
    }

    private final EncounterNoteService notes;
    private final CurrentUserService users;
    private final Span saved = new Span();
    private final Span news2 = new Span();
    private final Div problems = new Div();
    private Binder<NoteContent> binder;
    private EncounterNote note;
    private int revision;
    private CurrentUser user;

    public EncounterNoteView(EncounterNoteService notes, CurrentUserService users) {
        this.notes = notes;
        this.users = users;
        addClassNames("cp-page", "cp-note");
        setId("note-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        user = users.require();
        Optional<EncounterNote> found = event.getRouteParameters().get("id").flatMap(EncounterNoteView::uuid)
                .flatMap(id -> notes.find(user, id));
        if (found.isEmpty()) {
            add(new H1("This note is not available"), new Paragraph("Only its author can open a note. Your drafts "
                    + "and sent notes are listed under Encounter notes."), new RouterLink("Encounter notes",
                    NotesView.class));
            return;
        }
        note = found.get();
        revision = note.revision();
        add(new PatientBanner(note.patient().traced()));
        if (note.signed()) {
            showSigned();
        } else {
            showDraft();
        }
    }

    // ------------------------------------------------------------------ draft

    private void showDraft() {
        H1 title = new H1(note.kind().displayName() + " note" + (note.corrects().isPresent() ? " (correction)" : ""));
        saved.setId("note-saved");
        saved.addClassName("cp-meta");
        saved.setText("Draft saved " + TIME.format(note.updatedAt().atZone(UK)) + ". It is saved as you type; "
                + "only you can see it.");
        saved.getElement().setAttribute("data-revision", String.valueOf(revision));
        Paragraph kept = new Paragraph("Drafts are kept for " + notes.draftRetention().toDays() + " days after you "
                + "last change them. The practice receives the note only when you sign and send it.");
        kept.addClassName("cp-meta");
        add(title, saved, kept);
        if (note.corrects().isPresent()) {
            Paragraph corrects = new Paragraph("This corrects the note you signed earlier. When you sign it, the "
                    + "practice receives it as a new version that replaces the earlier one; the earlier one is not "
                    + "changed.");
            corrects.setId("note-corrects");
            corrects.addClassName("cp-notice");
            add(corrects);
        }
        binder = new Binder<>();
        if (note.kind() == NoteKind.AMBULANCE_ATTENDANCE) {
            paramedicForm();
        } else {
            form111();
        }
        binder.setBean(note.content());
        binder.addValueChangeListener(e -> save());
        updateNews2();

        problems.setId("note-problems");
        problems.setVisible(false);
        Button sign = new Button("Sign and send to the GP", e -> confirmSign());
        sign.setId("note-sign");
        sign.addThemeVariants(ButtonVariant.PRIMARY);
        Button discard = new Button("Discard this draft", e -> confirmDiscard());
        discard.setId("note-discard");
        discard.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        Div actions = new Div(sign, discard);
        actions.addClassName("cp-actions");
        add(problems, actions);
    }

    private void paramedicForm() {
        add(new H2("Presenting complaint and history"));
        add(area("Presenting complaint", "note-presenting-complaint", NoteRules.MEDIUM,
                NoteContent::getPresentingComplaint, NoteContent::setPresentingComplaint));
        add(area("History", "note-history", NoteRules.LONG, NoteContent::getHistory, NoteContent::setHistory));

        add(new H2("Observations"));
        Div obs = new Div();
        obs.addClassName("cp-observations");
        obs.add(number("Respiratory rate (/min)", "note-rr", NoteRules::respiratoryRate,
                        NoteContent::getRespiratoryRate, NoteContent::setRespiratoryRate),
                number("SpO2 (%)", "note-spo2", NoteRules::spo2, NoteContent::getSpo2, NoteContent::setSpo2),
                number("Systolic BP (mmHg)", "note-systolic", NoteRules::systolic, NoteContent::getSystolic,
                        NoteContent::setSystolic));
        TextField diastolic = field("Diastolic BP (mmHg)", "note-diastolic");
        FieldRules.bind(binder, diastolic, v -> NoteRules.diastolic(v, binder.getBean().getSystolic()),
                NoteContent::getDiastolic, NoteContent::setDiastolic);
        obs.add(diastolic,
                number("Pulse (/min)", "note-pulse", NoteRules::pulse, NoteContent::getPulse, NoteContent::setPulse),
                number("Temperature (°C)", "note-temperature", NoteRules::temperature, NoteContent::getTemperature,
                        NoteContent::setTemperature),
                number("Blood glucose (mmol/L)", "note-glucose", NoteRules::bloodGlucose,
                        NoteContent::getBloodGlucose, NoteContent::setBloodGlucose));
        Checkbox scale2 = new Checkbox("SpO2 scale 2 (target 88–92%, e.g. hypercapnic respiratory failure)");
        scale2.setId("note-spo2-scale2");
        binder.forField(scale2).bind(NoteContent::isSpo2Scale2, NoteContent::setSpo2Scale2);
        RadioButtonGroup<Boolean> oxygen = new RadioButtonGroup<>("Air or oxygen");
        oxygen.setId("note-oxygen");
        oxygen.setItems(Boolean.FALSE, Boolean.TRUE);
        oxygen.setItemLabelGenerator(b -> b ? "Oxygen" : "Air");
        binder.forField(oxygen).bind(NoteContent::getOnOxygen, NoteContent::setOnOxygen);
        Select<News2.Consciousness> acvpu = new Select<>();
        acvpu.setLabel("Consciousness (ACVPU)");
        acvpu.setId("note-acvpu");
        acvpu.setItems(News2.Consciousness.values());
        acvpu.setItemLabelGenerator(c -> c == null ? "Not recorded" : c.label());
        acvpu.setEmptySelectionAllowed(true);
        acvpu.setEmptySelectionCaption("Not recorded");
        binder.forField(acvpu).bind(NoteContent::getConsciousness, NoteContent::setConsciousness);
        news2.setId("note-news2");
        news2.addClassName("cp-news2");
        add(obs, scale2, oxygen, acvpu, news2);

        add(new H2("Impression and treatment"));
        add(area("Impression", "note-impression", NoteRules.MEDIUM, NoteContent::getImpression,
                NoteContent::setImpression));
        add(area("Treatment", "note-treatment", NoteRules.LONG, NoteContent::getTreatment, NoteContent::setTreatment));
        add(new MedicinesEditor(binder.getBean() == null ? note.content() : binder.getBean(), this::save));

        add(new H2("Outcome and safety-netting"));
        RadioButtonGroup<NoteContent.Outcome> outcome = new RadioButtonGroup<>("Outcome");
        outcome.setId("note-outcome");
        outcome.setItems(NoteContent.Outcome.values());
        outcome.setItemLabelGenerator(NoteContent.Outcome::label);
        binder.forField(outcome).bind(NoteContent::getOutcome, NoteContent::setOutcome);
        add(outcome);
        TextField detail = field("Conveyed to / referred to", "note-outcome-detail");
        FieldRules.bind(binder, detail, v -> NoteRules.text(v, NoteRules.SHORT), NoteContent::getOutcomeDetail,
                NoteContent::setOutcomeDetail);
        add(detail);
        add(area("Safety-netting advice", "note-safety-netting", NoteRules.LONG, NoteContent::getSafetyNetting,
                NoteContent::setSafetyNetting));
    }

    private void form111() {
        add(area("Call summary", "note-call-summary", NoteRules.LONG, NoteContent::getCallSummary,
                NoteContent::setCallSummary));
        TextField disposition = field("Disposition", "note-disposition");
        disposition.setHelperText("The outcome of the assessment, e.g. \u201cContact GP practice within 6 hours\u201d.");
        FieldRules.bind(binder, disposition, v -> NoteRules.text(v, NoteRules.SHORT), NoteContent::getDisposition,
                NoteContent::setDisposition);
        add(disposition);
        add(area("Advice given", "note-advice", NoteRules.LONG, NoteContent::getAdvice, NoteContent::setAdvice));
        TextField appointment = field("Appointment booked", "note-appointment");
        appointment.setWidthFull();
        appointment.setHelperText("Where and when, and the booking reference, if an appointment was booked.");
        FieldRules.bind(binder, appointment, v -> NoteRules.text(v, NoteRules.APPOINTMENT),
                NoteContent::getAppointment, NoteContent::setAppointment);
        List<com.carepoint.appointments.BookedInCarepoint> booked = notes.bookingsFor(user, note);
        if (!booked.isEmpty()) {
            // A booking made in Carepoint in this encounter: chosen, it fills in the appointment as confirmed, and
            // the note records which booking it is; the text can still be edited, or typed freely instead.
            Select<com.carepoint.appointments.BookedInCarepoint> pick = new Select<>();
            pick.setId("note-appointment-booking");
            pick.setLabel("Appointment you booked in Carepoint for this patient");
            pick.setItems(booked);
            pick.setItemLabelGenerator(b -> b == null ? "None: type the appointment below" : b.summary());
            pick.setEmptySelectionAllowed(true);
            pick.setEmptySelectionCaption("None: type the appointment below");
            pick.setWidthFull();
            String linked = note.content().getAppointmentBooking();
            booked.stream().filter(b -> b.key().equals(linked)).findFirst().ifPresent(pick::setValue);
            pick.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                binder.getBean().setAppointmentBooking(e.getValue() == null ? "" : e.getValue().key());
                if (e.getValue() != null) {
                    // Setting the field saves the draft (its value change), with the link set just above.
                    appointment.setValue(e.getValue().summary());
                } else {
                    save();
                }
            });
            add(pick);
        }
        add(appointment);
    }

    private TextArea area(String label, String id, int max, com.vaadin.flow.function.ValueProvider<NoteContent,
            String> get, com.vaadin.flow.data.binder.Setter<NoteContent, String> set) {
        TextArea a = new TextArea(label);
        a.setId(id);
        a.setWidthFull();
        a.setHelperText("Up to " + max + " characters.");
        lazy(a);
        FieldRules.bind(binder, a, v -> NoteRules.text(v, max), get, set);
        return a;
    }

    private TextField number(String label, String id, Function<String, Optional<String>> rule,
            com.vaadin.flow.function.ValueProvider<NoteContent, String> get,
            com.vaadin.flow.data.binder.Setter<NoteContent, String> set) {
        TextField f = field(label, id);
        f.setAllowedCharPattern("[0-9.,]");
        FieldRules.bind(binder, f, rule, get, set);
        return f;
    }

    private static TextField field(String label, String id) {
        TextField f = new TextField(label);
        f.setId(id);
        lazy(f);
        return f;
    }

    /** Sent to the server as the user pauses typing: saved without waiting for the field to lose focus. */
    private static void lazy(HasValueChangeMode f) {
        f.setValueChangeMode(ValueChangeMode.LAZY);
        f.setValueChangeTimeout(600);
    }

    /** Saves what is typed, valid or not: a draft keeps everything. */
    void save() {
        updateNews2();
        EncounterNoteService.SaveResult result = notes.save(user, note.id(), revision, binder.getBean());
        if (result.revision().isPresent()) {
            revision = result.revision().get();
            saved.setText("Draft saved " + TIME.format(java.time.ZonedDateTime.now(UK)) + ". It is saved as you "
                    + "type; only you can see it.");
            saved.getElement().setAttribute("data-revision", String.valueOf(revision));
            saved.removeClassName("cp-problem");
        } else {
            saved.addClassName("cp-problem");
            saved.setText(result.refusal().orElseThrow() == EncounterNoteService.Refusal.CHANGED_ELSEWHERE
                    ? "Not saved: this draft was changed in another window. Copy anything you need from here, then "
                    + "reload the page to see the latest."
                    : "Not saved: this is no longer a draft of yours.");
        }
    }

    private void updateNews2() {
        if (note.kind() != NoteKind.AMBULANCE_ATTENDANCE || binder == null || binder.getBean() == null) {
            return;
        }
        Optional<News2.Score> score = binder.getBean().news2();
        news2.setText(score.map(s -> "NEWS2 " + s.total() + " — " + s.risk().label() + " (" + String.join(", ",
                s.parts()) + ")").orElse("NEWS2: not calculated until all seven observations are recorded "
                + "(respiratory rate, SpO2, air or oxygen, systolic BP, pulse, consciousness, temperature)."));
        news2.getElement().setAttribute("data-score", score.map(s -> String.valueOf(s.total())).orElse(""));
        news2.getElement().setAttribute("data-risk", score.map(s -> s.risk().name()).orElse(""));
    }

    private void confirmSign() {
        save();
        List<String> found = NoteRules.signingProblems(note.kind(), binder.getBean());
        if (!found.isEmpty()) {
            showProblems(found);
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setId("sign-dialog");
        confirm.setHeaderTitle("Sign and send this note?");
        confirm.add(new Paragraph("Once signed, the note cannot be changed: it is sent to the patient's registered "
                + "GP practice (" + note.patient().registeredPracticeOds() + ") as it is now. A mistake is put right "
                + "by sending a correction."));
        Button cancel = new Button("Keep editing", e -> confirm.close());
        cancel.setId("sign-cancel");
        Button go = new Button("Sign and send", e -> {
            confirm.close();
            EncounterNoteService.SignResult result = notes.sign(user, note.id(), revision);
            if (result.note().isPresent()) {
                UI.getCurrent().navigate(path(note.id()));
                UI.getCurrent().getPage().reload();
            } else {
                showProblems(result.problems());
            }
        });
        go.setId("sign-confirm");
        go.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.getFooter().add(cancel, go);
        confirm.open();
    }

    private void showProblems(List<String> list) {
        problems.removeAll();
        problems.add(new Paragraph(new Span("The note cannot be signed yet:")));
        com.vaadin.flow.component.html.UnorderedList ul = new com.vaadin.flow.component.html.UnorderedList();
        list.forEach(p -> ul.add(new com.vaadin.flow.component.html.ListItem(p)));
        problems.add(ul);
        problems.addClassName("cp-problem");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(true);
    }

    private void confirmDiscard() {
        Dialog confirm = new Dialog();
        confirm.setId("discard-dialog");
        confirm.setHeaderTitle("Discard this draft?");
        confirm.add(new Paragraph("The draft is deleted and cannot be recovered. Nothing was sent to the practice."));
        Button keep = new Button("Keep it", e -> confirm.close());
        Button discard = new Button("Discard", e -> {
            notes.discard(user, note.id());
            confirm.close();
            UI.getCurrent().navigate(NotesView.class);
        });
        discard.setId("discard-confirm");
        discard.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        confirm.getFooter().add(keep, discard);
        confirm.open();
    }

    // ------------------------------------------------------------------ signed

    private void showSigned() {
        add(new H1(note.kind().displayName() + " note"));
        Paragraph signedAt = new Paragraph("Signed " + WHEN.format(note.signedAt().orElseThrow().atZone(UK))
                + " by " + note.author().name() + ". It cannot be changed.");
        signedAt.setId("note-signed");
        add(signedAt);
        Div status = new Div();
        status.setId("note-status");
        add(status);
        drawStatus(status);
        Button refresh = new Button("Refresh the status", e -> drawStatus(status));
        refresh.setId("note-status-refresh");
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        // The status changes as acknowledgements arrive: shown without the user having to ask.
        UI ui = UI.getCurrent();
        ui.setPollInterval(5000);
        com.vaadin.flow.shared.Registration poll = ui.addPollListener(e -> drawStatus(status));
        addDetachListener(e -> {
            poll.remove();
            e.getUI().setPollInterval(-1);
        });
        Anchor pdf = new Anchor(download -> {
            download.setFileName("encounter-note.pdf");
            download.setContentType("application/pdf");
            download.getOutputStream().write(notes.pdf(user, note.id()));
        }, AttachmentType.DOWNLOAD, "Download the note as a PDF");
        pdf.setId("note-pdf");
        Button correct = new Button("Write a correction", e -> {
            EncounterNote correction = notes.correct(user, note.id());
            UI.getCurrent().navigate(path(correction.id()));
        });
        correct.setId("note-correct");
        Div actions = new Div(refresh, pdf, correct);
        actions.addClassName("cp-actions");
        add(actions);
        Div content = new Div();
        content.setId("note-content");
        content.addClassName("cp-card");
        NoteSummary.of(note).forEach(line -> content.add(line));
        // The summary's parts are h3: a heading above them keeps the heading order for a screen reader (h1, h2, h3),
        // visually hidden because the card itself is plainly the note.
        H2 contentHeading = new H2("The note as signed");
        contentHeading.addClassName("cp-visually-hidden");
        add(contentHeading, content);
    }

    private void drawStatus(Div status) {
        status.removeAll();
        Optional<NoteDelivery> d = notes.delivery(user, note.id());
        status.getElement().setAttribute("data-status", d.map(x -> x.status().name()).orElse(""));
        if (d.isEmpty()) {
            status.add(new Paragraph("No delivery is recorded for this note."));
            status.addClassName("cp-problem");
            return;
        }
        NoteDelivery delivery = d.get();
        status.setClassName(delivery.status() == NoteDelivery.Status.REJECTED
                || delivery.status() == NoteDelivery.Status.FAILED || delivery.alertedAt().isPresent() ? "cp-problem"
                : "cp-notice");
        Paragraph head = new Paragraph(new Span(delivery.status().label() + ": "), new Span(delivery.explained()));
        head.setId("note-status-text");
        status.add(head);
        if (delivery.overdue()) {
            Paragraph late = new Paragraph(NoteDelivery.OVERDUE);
            late.setId("note-status-overdue");
            status.add(late);
        }
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
