package com.carepoint.encounter;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;

/** A signed note as read on screen: its sections, as written. */
final class NoteSummary {

    private NoteSummary() {
    }

    static List<Component> of(EncounterNote n) {
        NoteContent c = n.content();
        List<Component> out = new ArrayList<>();
        if (n.kind() == NoteKind.AMBULANCE_ATTENDANCE) {
            add(out, "Presenting complaint", c.getPresentingComplaint());
            add(out, "History", c.getHistory());
            add(out, "Observations", String.join("; ", List.of(
                    "RR " + dash(c.getRespiratoryRate()), "SpO2 " + dash(c.getSpo2()) + "%" + (c.isSpo2Scale2()
                            ? " (scale 2)" : ""), c.getOnOxygen() == null ? "air/oxygen not recorded"
                            : c.getOnOxygen() ? "on oxygen" : "on air",
                    "BP " + dash(c.getSystolic()) + "/" + dash(c.getDiastolic()), "pulse " + dash(c.getPulse()),
                    "temperature " + dash(c.getTemperature()), c.getConsciousness() == null ? "ACVPU not recorded"
                            : c.getConsciousness().label(), "glucose " + dash(c.getBloodGlucose()))));
            add(out, "NEWS2", c.news2().map(s -> s.total() + " — " + s.risk().label())
                    .orElse("Not calculated: not every observation was recorded"));
            add(out, "Impression", c.getImpression());
            add(out, "Treatment", c.getTreatment());
            c.getMedicines().stream().filter(m -> !m.blank()).forEach(m -> add(out, "Medicine given",
                    String.join(" ", m.getName(), m.getDose(), m.getRoute(), m.getTime().isBlank() ? ""
                            : "at " + m.getTime()).strip()));
            add(out, "Outcome", c.getOutcome() == null ? "" : c.getOutcome().label()
                    + (c.getOutcomeDetail().isBlank() ? "" : ": " + c.getOutcomeDetail()));
            add(out, "Safety-netting advice", c.getSafetyNetting());
        } else {
            add(out, "Call summary", c.getCallSummary());
            add(out, "Disposition", c.getDisposition());
            add(out, "Advice given", c.getAdvice());
            add(out, "Appointment booked", c.getAppointment());
        }
        return out;
    }

    private static String dash(String v) {
        return v == null || v.isBlank() ? "–" : v.strip();
    }

    private static void add(List<Component> out, String title, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        out.add(new H3(title));
        Paragraph p = new Paragraph(text.strip());
        p.addClassName("cp-note-text");
        out.add(p);
    }
}
