package com.carepoint.patient;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.Text;
import com.carepoint.kernel.TracedPatient;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The patient banner (NHS Common User Interface style), always shown above any patient data so that no one acts on
 * the wrong patient: {@code SMITH, Jane (Mrs)}, born date and age, gender, NHS number 3-3-4, registered practice, and
 * flags (deceased, sensitive, no consent to share).
 */
public class PatientBanner extends Div {

    private final Div flags = new Div();
    private final Span practice = new Span();
    private final TracedPatient patient;

    public PatientBanner(TracedPatient patient) {
        this.patient = patient;
        addClassName("cp-banner");
        setId("patient-banner");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Patient banner");

        Span name = new Span(patient.bannerName());
        name.addClassName("cp-banner-name");
        name.setId("banner-name");

        Div details = new Div();
        details.addClassName("cp-banner-details");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        details.add(item("Born", PartialDate.of(patient.birthDate()).display() + " ("
                + Age.of(patient.birthDate(), patient.deceased().orElse(today)) + ")", "banner-born"));
        details.add(item("Gender", Text.capitalise(patient.gender()), "banner-gender"));
        details.add(item("NHS No.", patient.nhsNumber().formatted(), "banner-nhs-number"));
        practice.setText(patient.registeredPracticeOds().map(ods -> ods).orElse("No registered practice"));
        Span practiceItem = new Span(label("GP practice"), practice);
        practiceItem.addClassName("cp-banner-item");
        practice.setId("banner-practice");
        details.add(practiceItem);

        flags.addClassName("cp-banner-flags");
        flags.setId("banner-flags");
        patient.deceased().ifPresent(d -> addFlag("Deceased " + PartialDate.of(d).display(), "deceased"));
        if (patient.sensitive()) {
            addFlag("Sensitive record: address withheld", "sensitive");
        }
        if (patient.superseded()) {
            addFlag("NHS number updated from " + patient.requestedNhsNumber().formatted(), "superseded");
        }
        add(name, details, flags);
    }

    public TracedPatient patient() {
        return patient;
    }

    /** Once the practice has answered, show its name with the ODS code. */
    public void setPractice(String name, String ods) {
        practice.setText(name + " (" + ods + ")");
    }

    public void addFlag(String text, String kind) {
        boolean present = flags.getChildren().anyMatch(c -> kind.equals(c.getElement().getAttribute("data-flag")));
        if (!present) {
            Span flag = new Span(text);
            flag.addClassNames("cp-flag", "cp-flag-" + kind);
            flag.getElement().setAttribute("data-flag", kind);
            flags.add(flag);
        }
    }

    private static Span item(String label, String value, String id) {
        Span v = new Span(value);
        v.setId(id);
        Span s = new Span(label(label), v);
        s.addClassName("cp-banner-item");
        return s;
    }

    private static Span label(String text) {
        Span l = new Span(text + " ");
        l.addClassName("cp-banner-label");
        return l;
    }
}
