package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.record.DocumentItem.Availability;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.Locale;

/**
 * The documents filed in the patient's record: newest first, with title, type, date, author and organisation, size
 * and format. A PDF is retrieved from the practice when the user asks for it and then opened from Carepoint — the
 * bytes Carepoint retrieved, served by Carepoint, never a link to the practice. A list that could not be retrieved
 * says it is not known whether there are any; a practice that does not offer documents says so; neither is ever
 * shown as "no documents".
 */
final class DocumentsRenderer implements SectionRenderer<DocumentItem> {

    /** Retrieves a listed document when the user asks to view it, showing the outcome in {@code viewer}. */
    @FunctionalInterface
    interface Opener {
        void open(DocumentItem document, Div viewer);
    }

    @Override
    public SectionKind kind() {
        return SectionKind.DOCUMENTS;
    }

    @Override
    public Component summary(Section<DocumentItem> s) {
        return SectionStates.fallback(s);
    }

    /** The list without anything to open (for a section that failed, or shown without a way to retrieve). */
    @Override
    public Component full(Section<DocumentItem> s) {
        return full(s, null);
    }

    static Component full(Section<DocumentItem> s, Opener opener) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                // GP Connect shares no document the practice keeps confidential (AD/documents_guidance,
                // "Confidential Documents"): "none shared" is all an empty answer says.
                return SectionStates.nothingRecorded(s, "The practice shares no documents for this patient through GP "
                        + "Connect. Documents the practice keeps confidential are never shared.");
            }
            Div list = new Div();
            list.addClassName("cp-documents");
            Paragraph count = new Paragraph(s.items().size() + (s.items().size() == 1 ? " document" : " documents")
                    + ", newest first. PDF documents can be opened in Carepoint; other formats are listed only.");
            count.setId("documents-count");
            Div viewer = new Div();
            viewer.setId("document-viewer");
            viewer.addClassName("cp-document-viewer");
            viewer.setVisible(false);
            Grid<DocumentItem> grid = SectionStates.grid();
            grid.setId("documents-grid");
            grid.addColumn(DocumentsRenderer::date).setHeader("Date").setAutoWidth(true);
            grid.addColumn(DocumentItem::title).setHeader("Title").setFlexGrow(2);
            grid.addColumn(d -> d.type().display()).setHeader("Type").setFlexGrow(2);
            grid.addColumn(d -> d.author().orElse("Not stated")).setHeader("Author").setFlexGrow(1);
            grid.addColumn(d -> d.organisation().or(d::custodian).orElse("Not stated")).setHeader("Organisation")
                    .setFlexGrow(1);
            grid.addColumn(d -> d.format() + ", " + d.sizeText()).setHeader("Format").setAutoWidth(true);
            grid.addComponentColumn(d -> action(d, opener, viewer)).setHeader("").setAutoWidth(true);
            grid.setItems(s.items());
            // Every document the practice listed is a row on the page, not only those a fixed-height grid happens
            // to render: a document list is short (the search has no paging) and one left unrendered reads as
            // one the practice does not hold.
            grid.setAllRowsVisible(true);
            list.add(count, viewer, grid);
            return list;
        });
    }

    /** The date written; when only the filing date is known, that, marked as such. */
    static String date(DocumentItem d) {
        return d.created().map(PartialDate::dateOnly)
                .or(() -> d.filed().map(f -> f.dateOnly() + " (filed)")).orElse("Not stated");
    }

    /** What the user can do with one document, or why they cannot view it, in words. */
    private static Component action(DocumentItem d, Opener opener, Div viewer) {
        if (d.viewable() && opener != null) {
            Button view = new Button("View", e -> opener.open(d, viewer));
            view.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            view.getElement().setAttribute("data-document", d.id());
            view.addClassName("cp-view-document");
            return view;
        }
        Span why = new Span(switch (d.availability()) {
            case VIEWABLE -> "PDF";
            case NOT_AVAILABLE -> "Not available: " + d.unavailable().orElse("the practice has not made it available.");
            case TOO_LARGE -> "Too large to retrieve through GP Connect (over 5 MB): ask the practice for a copy.";
            case OTHER_FORMAT -> "Not viewable in Carepoint (" + d.format() + "): ask the practice for a copy.";
        });
        why.addClassName("cp-document-unavailable");
        why.getElement().setAttribute("data-availability", d.availability().name());
        return why;
    }

    /** The viewer's content once a retrieval has answered: links to the bytes Carepoint holds, or the problem. */
    static Component retrieved(DocumentItem d, RetrievedDocument r) {
        Div box = new Div();
        box.getElement().setAttribute("data-document", d.id());
        box.add(new H3(d.title() + " (" + date(d) + ")"));
        if (r.problem().isPresent()) {
            RecordProblem problem = r.problem().get();
            Div p = new Div(new Strong("The document could not be retrieved."), new Paragraph(problem.message()),
                    new Paragraph(problem.whatToDo()));
            p.addClassNames("cp-problem", "cp-problem-" + problem.kind().name().toLowerCase(Locale.UK));
            p.getElement().setAttribute("role", "alert");
            p.getElement().setAttribute("data-problem", problem.kind().name());
            box.add(p);
            return box;
        }
        RetrievedDocument.Content content = r.content().orElseThrow();
        Anchor open = new Anchor(serve(content, true), AttachmentType.INLINE, "Open the PDF");
        open.setTarget(AnchorTarget.BLANK);
        open.setId("document-open");
        Anchor download = new Anchor(serve(content, false), AttachmentType.DOWNLOAD, "Download the PDF");
        download.setId("document-download");
        Div actions = new Div(open, download);
        actions.addClassName("cp-actions");
        box.add(new Paragraph("Retrieved from the practice (" + d.sizeText() + ")."), actions);
        return box;
    }

    /**
     * The retrieved bytes, from Carepoint's own address: a PDF with a file name that names no patient, not kept by
     * the browser's cache (clinical data), read by the browser as a PDF only ({@code nosniff} is on every response).
     */
    private static DownloadHandler serve(RetrievedDocument.Content content, boolean inline) {
        return event -> {
            event.setFileName("gp-document.pdf");
            event.setContentType(content.contentType());
            event.setContentLength(content.bytes().length);
            if (inline) {
                event.inline("gp-document.pdf");
            }
            event.getResponse().setHeader("Cache-Control", "no-store");
            event.getOutputStream().write(content.bytes());
        };
    }
}
