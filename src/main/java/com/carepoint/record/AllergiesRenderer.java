package com.carepoint.record;

import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.Allergy;
import com.carepoint.record.RecordItems.AllergyState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * Allergies in their exact recorded state: recorded items, "No known allergies", "No allergies recorded" (never the same), ended allergies in the full section.
 */
final class AllergiesRenderer implements SectionRenderer<Allergy> {

    @Override
    public SectionKind kind() {
        return SectionKind.ALLERGIES;
    }

    @Override
    public Component summary(Section<Allergy> s) {
        return allergies(s, false);
    }

    @Override
    public Component full(Section<Allergy> s) {
        return allergies(s, true);
    }

    static AllergyState allergyState(Section<Allergy> s) {
        if (s.items().stream().anyMatch(a -> a.active() && !a.noKnownAllergies())) {
            return AllergyState.RECORDED;
        }
        // Only a current "no known allergies" statement counts: an ended one has been withdrawn by the practice.
        return s.items().stream().anyMatch(a -> a.active() && a.noKnownAllergies()) ? AllergyState.NO_KNOWN_ALLERGIES
                : AllergyState.NONE_RECORDED;
    }

    static Component allergies(Section<Allergy> s, boolean full) {
        return SectionStates.state(s, () -> {
            Div d = new Div();
            List<Allergy> active = s.items().stream().filter(a -> a.active() && !a.noKnownAllergies()).toList();
            switch (allergyState(s)) {
                case NO_KNOWN_ALLERGIES -> {
                    Allergy nka = s.items().stream().filter(a -> a.active() && a.noKnownAllergies()).findFirst()
                            .orElseThrow();
                    Paragraph p = new Paragraph("No known allergies"
                            + nka.recorded().map(r -> " (recorded by the practice " + r.dateOnly() + ")").orElse(""));
                    p.addClassName("cp-nka");
                    p.getElement().setAttribute("data-allergy-state", "NO_KNOWN_ALLERGIES");
                    d.add(p);
                }
                case NONE_RECORDED -> {
                    boolean endedOnly = s.items().stream().anyMatch(a -> !a.active());
                    Paragraph p = SectionStates.nothingRecorded(s, (endedOnly ? "No current allergies recorded (ended ones are "
                            + "listed below)." : "No allergies recorded.") + " This does not mean the patient has no "
                            + "allergies: ask the patient.");
                    p.getElement().setAttribute("data-allergy-state", "NONE_RECORDED");
                    d.add(p);
                }
                case RECORDED -> {
                    UnorderedList list = new UnorderedList();
                    list.addClassName("cp-allergy-list");
                    list.getElement().setAttribute("data-allergy-state", "RECORDED");
                    active.forEach(a -> list.add(new ListItem(allergyLine(a))));
                    d.add(list);
                }
            }
            List<Allergy> ended = s.items().stream().filter(a -> !a.active()).toList();
            if (full && !ended.isEmpty()) {
                Details endedDetails = new Details("Ended allergies (" + ended.size() + ")");
                UnorderedList list = new UnorderedList();
                ended.forEach(a -> list.add(new ListItem(allergyLine(a) + a.ended().map(e -> ", ended " + e.dateOnly())
                        .orElse("") + a.endReason().map(r -> " — " + r).orElse(""))));
                endedDetails.add(list);
                endedDetails.setOpened(true);
                d.add(endedDetails);
            }
            return d;
        });
    }

    private static String allergyLine(Allergy a) {
        return a.what().display() + a.reaction().map(r -> ": " + r).orElse("")
                + a.severity().map(sv -> " (" + sv + ")").orElse("")
                + a.recorded().map(r -> " · recorded " + r.dateOnly()).orElse("");
    }
}
