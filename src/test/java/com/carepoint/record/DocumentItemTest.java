package com.carepoint.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.kernel.PartialDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the Documents tab says of each document: its date, order, format and size. */
class DocumentItemTest {

    static DocumentItem doc(String title, Optional<PartialDate> created, Optional<PartialDate> filed, String type,
            OptionalLong size) {
        return new DocumentItem(title, title, new RecordItems.Coded("Letter", Optional.empty()), created, filed,
                Optional.empty(), Optional.empty(), Optional.empty(), size, type, DocumentItem.Availability.VIEWABLE,
                Optional.empty());
    }

    static Optional<PartialDate> day(int y, int m, int d) {
        return Optional.of(PartialDate.of(LocalDate.of(y, m, d)));
    }

    @Test
    void newestFirstByTheDateWrittenElseFiledAndUndatedLast() {
        List<DocumentItem> docs = new ArrayList<>(List.of(
                doc("undated", Optional.empty(), Optional.empty(), "", OptionalLong.empty()),
                doc("2019", day(2019, 6, 24), day(2026, 1, 1), "", OptionalLong.empty()),
                doc("filed 2024", Optional.empty(), day(2024, 3, 1), "", OptionalLong.empty()),
                doc("2025", day(2025, 1, 1), Optional.empty(), "", OptionalLong.empty()),
                doc("year 2024", Optional.of(new PartialDate(2024, null, null, null, null)), Optional.empty(), "",
                        OptionalLong.empty())));
        docs.sort(DocumentItem.NEWEST_FIRST);
        assertThat(docs).extracting(DocumentItem::title).containsExactly("2025", "filed 2024", "year 2024", "2019",
                "undated");
        assertThat(docs.get(3).date()).isEqualTo(day(2019, 6, 24));
    }

    @Test
    void formatsAndSizesInWords() {
        assertThat(doc("a", Optional.empty(), Optional.empty(), "application/pdf", OptionalLong.of(512)).format())
                .isEqualTo("PDF");
        assertThat(doc("a", Optional.empty(), Optional.empty(), "Application/PDF; charset=binary",
                OptionalLong.empty()).format()).isEqualTo("PDF");
        assertThat(doc("a", Optional.empty(), Optional.empty(), "application/msword", OptionalLong.empty()).format())
                .isEqualTo("Word document");
        assertThat(doc("a", Optional.empty(), Optional.empty(), "", OptionalLong.empty()).format())
                .isEqualTo("format not stated");
        assertThat(doc("a", Optional.empty(), Optional.empty(), "application/x-foo", OptionalLong.empty()).format())
                .isEqualTo("application/x-foo");
        assertThat(doc("a", Optional.empty(), Optional.empty(), "", OptionalLong.of(512)).sizeText())
                .isEqualTo("512 bytes");
        assertThat(doc("a", Optional.empty(), Optional.empty(), "", OptionalLong.of(3654)).sizeText())
                .isEqualTo("3.6 KB");
        assertThat(doc("a", Optional.empty(), Optional.empty(), "", OptionalLong.of(5L * 1024 * 1024)).sizeText())
                .isEqualTo("5.0 MB");
        assertThat(doc("a", Optional.empty(), Optional.empty(), "", OptionalLong.empty()).sizeText())
                .isEqualTo("size not stated");
    }
}
