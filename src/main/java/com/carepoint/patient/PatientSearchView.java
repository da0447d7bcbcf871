package com.carepoint.patient;

import com.carepoint.kernel.StepTimings;
import com.vaadin.flow.server.VaadinRequest;

import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.Text;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.spine.DemographicQuery;
import com.carepoint.spine.Demographics;
import com.carepoint.spine.SpineUnavailableException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Find a patient: by NHS number (validated as typed) or by demographics, traced on the national demographics
 * service. The registered practice comes from the trace. Recently opened patients are listed for quick return.
 */
@Route("patients")
@PageTitle("Find a patient · Carepoint")
@RolesAllowed({Role.PARAMEDIC_NAME, Role.CLINICIAN_111_NAME, Role.SOCIAL_CARE_NAME})
public class PatientSearchView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(PatientSearchView.class);

    /** The most characters the NHS number field takes (a paste of a longer value is cut there by the browser). */
    static final int MAX_NHS_INPUT = 64;

    private final PatientFinder finder;
    private final OpenPatients openPatients;
    private final CurrentUserService users;
    private final StepTimings timings;
    private final TextField nhsNumber = new TextField("NHS number");
    private final Div nhsMessage = message("nhs-search-message");
    private final TextField family = new TextField("Family name");
    private final TextField given = new TextField("Given name");
    private final TextField born = new TextField("Date of birth");
    private final Binder<DemographicForm> form = new Binder<>();
    private final Select<String> gender = new Select<>();
    private final TextField postcode = new TextField("Postcode");
    private final Div demographicMessage = message("demographic-search-message");
    private final Grid<TracedPatient> results = new Grid<>();

    public PatientSearchView(PatientFinder finder, OpenPatients openPatients, CurrentUserService users,
            StepTimings timings) {
        this.timings = timings;
        this.finder = finder;
        this.openPatients = openPatients;
        this.users = users;
        addClassName("cp-page");
        setId("patient-search-view");
        add(new H1("Find a patient"));

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("NHS number", nhsNumberSearch()).setId("tab-nhs-number");
        tabs.add("Name and date of birth", demographicSearch()).setId("tab-demographics");
        add(tabs, recentPatients());
    }

    private VerticalLayout nhsNumberSearch() {
        nhsNumber.setId("nhs-number");
        nhsNumber.setHelperText("10 digits, for example 943 476 5919");
        nhsNumber.setValueChangeMode(ValueChangeMode.LAZY);
        nhsNumber.setValueChangeTimeout(400);
        nhsNumber.getElement().setAttribute("inputmode", "numeric");
        nhsNumber.getElement().setAttribute("autocomplete", "off");
        // Room for a pasted value well past the 10 digits and their spaces: a number pasted with extra digits must be
        // told how many digits it has, not cut to the first 14 characters and judged on those.
        nhsNumber.setMaxLength(MAX_NHS_INPUT);
        nhsNumber.setWidth("16em");
        nhsNumber.addValueChangeListener(e -> validateAsTyped());
        Button find = new Button("Find patient", e -> findByNhsNumber());
        find.setId("find-by-nhs-number");
        find.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(nhsNumber, find);
        // Enter finds the patient from the NHS number field only: Enter elsewhere (the skip link, the name and date of
        // birth form) is not an NHS number search.
        find.addClickShortcut(Key.ENTER).listenOn(row);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        VerticalLayout layout = new VerticalLayout(row, nhsMessage);
        layout.setPadding(false);
        return layout;
    }

    private void validateAsTyped() {
        String digits = nhsNumber.getValue().replaceAll("[\\s-]", "");
        Optional<String> problem = NhsNumber.problemWith(nhsNumber.getValue());
        // Only complain once the number could be complete (or is clearly wrong), not on every keystroke.
        boolean judge = digits.length() >= 10 || !digits.matches("\\d*");
        nhsNumber.setInvalid(judge && problem.isPresent());
        nhsNumber.setErrorMessage(judge ? problem.orElse(null) : null);
        NhsNumber.parse(nhsNumber.getValue()).ifPresent(n -> nhsNumber.setValue(n.formatted()));
    }

    private void findByNhsNumber() {
        long start = System.nanoTime();
        Optional.ofNullable(VaadinRequest.getCurrent()).ifPresent(r -> r.setAttribute(StepTimings.OPEN_REQUESTED, start));
        try {
            findByNhsNumberNow();
        } finally {
            timings.since("search-click", start);
        }
    }

    private void findByNhsNumberNow() {
        Optional<String> problem = NhsNumber.problemWith(nhsNumber.getValue());
        if (problem.isPresent()) {
            nhsNumber.setInvalid(true);
            nhsNumber.setErrorMessage(problem.get());
            nhsNumber.focus();
            return;
        }
        NhsNumber number = NhsNumber.parse(nhsNumber.getValue()).orElseThrow();
        try {
            Optional<TracedPatient> traced = finder.byNhsNumber(users.require(), number);
            if (traced.isEmpty()) {
                show(nhsMessage, "No patient with NHS number " + number.formatted() + " was found on the national "
                        + "demographics service. Check the number with the patient or their documents, or search by "
                        + "name and date of birth.");
                return;
            }
            open(traced.get());
        } catch (SpineUnavailableException e) {
            log.warn("Demographics trace failed: {}", e.getCause() == null ? "unknown" : e.getCause().getClass().getSimpleName());
            show(nhsMessage, e.getMessage());
        }
    }

    private VerticalLayout demographicSearch() {
        family.setId("family-name");
        given.setId("given-name");
        born.setId("date-of-birth");
        // A text field, not a date picker: clinicians type the date (4/1/61, 04-01-1961, 4 Jan 1961) and no calendar
        // is left open over the fields after it. The date taken, with its full year, is shown under the field.
        born.setHelperText("Day, month, year: for example 4/1/1961 or 4 Jan 1961");
        born.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        born.getElement().setAttribute("autocomplete", "off");
        born.setWidth("14em");
        form.forField(born).withConverter(new DateOfBirthConverter())
                .bind(f -> f.born, (f, v) -> f.born = v);
        born.addValueChangeListener(e -> {
            DateOfBirth.Result read = DateOfBirth.parse(e.getValue(), today());
            born.setHelperText(read instanceof DateOfBirth.Result.Valid v ? "Read as " + DateOfBirth.shown(v.date())
                    : "Day, month, year: for example 4/1/1961 or 4 Jan 1961");
        });
        gender.setLabel("Gender");
        gender.setId("gender");
        gender.setItems("female", "male", "other", "unknown");
        gender.setItemLabelGenerator(g -> g == null ? "Not known" : g.substring(0, 1).toUpperCase(Locale.UK) + g.substring(1));
        gender.setEmptySelectionAllowed(true);
        gender.setEmptySelectionCaption("Not known");
        postcode.setId("postcode");
        Button search = new Button("Search", e -> searchByDemographics());
        search.setId("search-demographics");
        search.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(family, given, born, gender, postcode, search);
        fields.setWrap(true);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        results.setId("search-results");
        results.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        results.addColumn(TracedPatient::bannerName).setHeader("Name").setAutoWidth(true);
        results.addColumn(p -> PartialDate.of(p.birthDate()).display()).setHeader("Born").setAutoWidth(true);
        results.addColumn(p -> Text.capitalise(p.gender())).setHeader("Gender").setAutoWidth(true);
        results.addColumn(p -> p.nhsNumber().formatted()).setHeader("NHS number").setAutoWidth(true);
        results.addColumn(p -> p.sensitive() ? "Withheld" : Optional.ofNullable(p.postcode()).orElse(""))
                .setHeader("Postcode").setAutoWidth(true);
        results.addItemClickListener(e -> open(e.getItem()));
        results.setAllRowsVisible(true);
        results.setVisible(false);
        VerticalLayout layout = new VerticalLayout(fields, demographicMessage, results);
        layout.setPadding(false);
        return layout;
    }

    private void searchByDemographics() {
        results.setVisible(false);
        DemographicForm typed = new DemographicForm();
        if (!born.getValue().isBlank() && !form.writeBeanIfValid(typed)) {
            // The field says what is wrong with the date under it; the message says it again beside the results.
            DateOfBirth.Result read = DateOfBirth.parse(born.getValue(), today());
            show(demographicMessage, read instanceof DateOfBirth.Result.Problem p ? p.message()
                    : DateOfBirth.FORMAT_HELP);
            born.focus();
            return;
        }
        DemographicQuery query = new DemographicQuery(family.getValue(), blank(given.getValue()), typed.born,
                Optional.ofNullable(gender.getValue()), blank(postcode.getValue()));
        Optional<String> vague = query.tooVague();
        if (vague.isPresent()) {
            show(demographicMessage, vague.get());
            return;
        }
        try {
            Demographics.SearchResult result = finder.byDemographics(users.require(), query);
            switch (result) {
                case Demographics.SearchResult.TooManyMatches t -> show(demographicMessage, "More than "
                        + "10 people match these details. Add the given name, gender or postcode to narrow it down.");
                case Demographics.SearchResult.Matches m when m.patients().isEmpty() -> show(demographicMessage,
                        "No one matches these details. Check the spelling and the date of birth, try fewer details, "
                                + "or search by NHS number.");
                case Demographics.SearchResult.Matches m -> {
                    demographicMessage.setVisible(false);
                    results.setItems(m.patients());
                    results.setVisible(true);
                }
            }
        } catch (SpineUnavailableException e) {
            show(demographicMessage, e.getMessage());
        }
    }

    private Div recentPatients() {
        Div box = new Div();
        box.setId("recent-patients");
        List<OpenPatients.Recent> recent = openPatients.recent();
        if (recent.isEmpty()) {
            return box;
        }
        box.add(new H2("Recent patients"));
        for (OpenPatients.Recent r : recent) {
            Button b = new Button(r.patient().bannerName() + " · " + r.patient().nhsNumber().formatted(),
                    e -> getUI().ifPresent(ui -> ui.navigate(PatientRecordRoute.path(r.token()))));
            b.addThemeVariants(ButtonVariant.TERTIARY);
            b.addClassName("cp-recent-patient");
            box.add(new Div(b));
        }
        return box;
    }

    private void open(TracedPatient patient) {
        String token = openPatients.open(patient);
        getUI().ifPresent(ui -> ui.navigate(PatientRecordRoute.path(token)));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    /** What the demographic search form holds that needs converting; bound with {@link Binder}. */
    static final class DemographicForm {
        LocalDate born;
    }

    /** The typed date of birth to a date, or the message for what is wrong with it ({@link DateOfBirth}). */
    static final class DateOfBirthConverter implements Converter<String, LocalDate> {

        @Override
        public Result<LocalDate> convertToModel(String value, ValueContext context) {
            if (value == null || value.isBlank()) {
                return Result.ok(null);
            }
            return switch (DateOfBirth.parse(value, today())) {
                case DateOfBirth.Result.Valid v -> Result.ok(v.date());
                case DateOfBirth.Result.Problem p -> Result.error(p.message());
            };
        }

        @Override
        public String convertToPresentation(LocalDate value, ValueContext context) {
            return value == null ? "" : DateOfBirth.shown(value);
        }
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static Div message(String id) {
        Div d = new Div();
        d.setId(id);
        d.addClassName("cp-inline-message");
        d.getElement().setAttribute("role", "alert");
        d.setVisible(false);
        return d;
    }

    private static void show(Div message, String text) {
        message.removeAll();
        message.add(new Paragraph(text));
        message.setVisible(true);
    }
}
