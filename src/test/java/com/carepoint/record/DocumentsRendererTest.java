package com.carepoint.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Documents tab lists every document the practice sent as a row on the page: a fixed-height, virtualised grid
 * left rows unrendered in the browser (a patient with three documents showed one), and a document not shown reads
 * as one the practice does not hold.
 */
class DocumentsRendererTest {

    static DocumentItem document(String id, String title, String type, LocalDate created) {
        return new DocumentItem(id, title, new RecordItems.Coded(type, Optional.empty()),
                Optional.of(PartialDate.of(created)), Optional.empty(), Optional.of("Author"),
                Optional.of("Organisation"), Optional.empty(), OptionalLong.of(1024), "application/pdf",
                DocumentItem.Availability.VIEWABLE, Optional.empty());
    }

    static Stream<Component> tree(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(DocumentsRendererTest::tree));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyListedDocumentIsARowOnThePageNotOnlyThoseAShortGridRenders() {
        List<DocumentItem> items = List.of(
                document("a", "Consultation report", "Report of clinical encounter", LocalDate.of(2026, 12, 3)),
                document("b", "Discharge summary", "Discharge summary", LocalDate.of(2026, 3, 14)),
                document("c", "Physiotherapy letter", "Clinical consultation report", LocalDate.of(2025, 12, 2)));
        Component shown = DocumentsRenderer.full(Section.loaded(SectionKind.DOCUMENTS, items, List.of(), List.of()),
                (d, viewer) -> { });

        Grid<DocumentItem> grid = (Grid<DocumentItem>) tree(shown)
                .filter(c -> c.getId().filter("documents-grid"::equals).isPresent()).findFirst().orElseThrow();
        assertThat(grid.isAllRowsVisible()).as("the grid grows to hold every row").isTrue();
        assertThat(grid.getGenericDataView().getItems().toList()).containsExactlyElementsOf(items);
        assertThat(tree(shown).filter(Paragraph.class::isInstance).map(Paragraph.class::cast)
                .filter(p -> p.getId().filter("documents-count"::equals).isPresent()).findFirst().orElseThrow()
                .getText()).startsWith("3 documents, newest first");
    }
}
