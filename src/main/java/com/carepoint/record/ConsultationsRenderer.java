package com.carepoint.record;

import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.Consultation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Consultations: the most recent, expandable, on the first screen; all of them in the full section. Each topic keeps its own title and headings.
 */
final class ConsultationsRenderer implements SectionRenderer<Consultation> {

    @Override
    public SectionKind kind() {
        return SectionKind.CONSULTATIONS;
    }

    @Override
    public Component summary(Section<Consultation> s) {
        return recentConsultations(s);
    }

    @Override
    public Component full(Section<Consultation> s) {
        return consultations(s);
    }

    static Component recentConsultations(Section<Consultation> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No consultations recorded.");
            }
            Div d = new Div();
            s.items().forEach(c -> d.add(consultationDetails(c, false)));
            return d;
        });
    }

    static Details consultationDetails(Consultation c, boolean opened) {
        // The summary wraps inside its card: when, what kind and who on one line, what it was about in full below.
        Span when = new Span(SectionStates.joined(c.when().display(), c.type(), c.clinician().orElse("")));
        when.addClassName("cp-consultation-when");
        Strong title = new Strong(c.summary());
        title.addClassName("cp-consultation-title");
        Span summary = new Span(when, title);
        summary.addClassName("cp-consultation-summary");
        Details details = new Details(summary);
        details.addClassName("cp-consultation");
        if (opened) {
            details.add(consultationBody(c));
        } else {
            // What was discussed is drawn when the consultation is first opened: until then it is hidden, and its
            // components would only take memory in every open session (docs/performance.md, P4). The consultation
            // itself stays with the card, in memory only, as long as the record is open. Until the server has drawn
            // it (a round trip; longer with the connection lost) the body says so: never an empty consultation.
            Paragraph drawing = new Paragraph("Showing what was discussed…");
            drawing.addClassName("cp-consultation-drawing");
            details.add(drawing);
            details.addOpenedChangeListener(e -> {
                if (e.isOpened() && drawing.getParent().isPresent()) {
                    details.remove(drawing);
                    details.add(consultationBody(c));
                }
            });
        }
        details.setOpened(opened);
        return details;
    }

    /** Each topic under its own title, with its own headings: one topic's headings never merge into another's. */
    static Div consultationBody(Consultation c) {
        Div body = new Div();
        body.addClassName("cp-consultation-body");
        c.location().ifPresent(l -> body.add(new Paragraph("At " + l)));
        boolean titled = c.topics().size() > 1;
        for (RecordItems.Topic t : c.topics()) {
            Div topic = new Div();
            topic.addClassName("cp-consultation-topic");
            if (titled || !t.title().isBlank()) {
                Strong title = new Strong(t.title().isBlank() ? "Other entries" : t.title());
                title.addClassName("cp-consultation-topic-title");
                topic.add(title);
            }
            for (RecordItems.Heading h : t.headings()) {
                Div heading = new Div(new Strong(h.name()));
                heading.addClassName("cp-consultation-heading");
                h.entries().forEach(e -> heading.add(new Paragraph(e)));
                topic.add(heading);
            }
            body.add(topic);
        }
        return body;
    }

    static Component consultations(Section<Consultation> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No consultations recorded.");
            }
            Grid<Consultation> grid = SectionStates.rows("Consultation (newest first)", Consultation::summary,
                    c -> SectionStates.joined(c.when().display(), c.type(), c.clinician().orElse("")),
                    ConsultationsRenderer::consultationBody);
            grid.setId("consultations-grid");
            SectionStates.setItems(grid, s.items());
            return grid;
        });
    }
}
