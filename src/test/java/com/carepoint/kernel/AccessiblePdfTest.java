package com.carepoint.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A Carepoint PDF is tagged (PDF/UA-1): headings, paragraphs and tables become its structure, in reading order. */
class AccessiblePdfTest {

    @Test
    void headingsParagraphsAndTablesAreTaggedInReadingOrder() {
        byte[] pdf = AccessiblePdf.render("""
                <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"/><title>A test report</title>
                <style>body { %s }</style></head><body>
                <h1>Who has accessed this record</h1><p>One paragraph.</p><h2>Each access</h2>
                <table><thead><tr><th>When</th><th>Who</th></tr></thead>
                <tbody><tr><td>04-Dec-2026</td><td>A paramedic</td></tr></tbody></table>
                </body></html>
                """.formatted(AccessiblePdf.CSS_FONT));
        TaggedPdf tagged = TaggedPdf.assertPdfUa(pdf, "A test report");
        assertThat(tagged.structureTypes).containsSubsequence("H1", "P", "H2", "Table", "TR", "TH", "TD");
    }

    @Test
    void aDocumentWithoutLanguageOrTitleIsRefused() {
        assertThatThrownBy(() -> AccessiblePdf.render("<html><head></head><body><p>x</p></body></html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language and title");
    }
}
