package com.carepoint.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.kernel.TaggedPdf;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The note's PDF is self-contained: every font it uses is embedded (the bundled DejaVu Sans, regular and bold), none
 * is a standard font the reader's software must supply, and text beyond Latin-1 is drawn as typed; and it is a tagged
 * PDF (PDF/UA-1) a screen reader can read.
 */
class NotePdfFontsTest {

    static EncounterNote note() {
        NoteContent c = new NoteContent();
        c.setPresentingComplaint("Fall at home \u2014 found on the floor; temperature 38.4 \u00b0C, SpO\u2082 \u2264 92%");
        c.setImpression("Mechanical fall; \u0141\u00f3d\u017a-born patient, name \u00c6lfgifu \u00d8rsted");
        c.setOutcome(NoteContent.Outcome.LEFT_AT_HOME);
        c.setSafetyNetting("Call 999 if worse");
        Instant t = Instant.parse("2026-12-03T10:15:00Z");
        return new EncounterNote(UUID.randomUUID(), NoteKind.AMBULANCE_ATTENDANCE, EncounterNote.Status.SIGNED,
                new EncounterNote.Author("paramedic", "Alex Morgan", "paramedic", "1", "2", "RX9",
                        "Northshire Ambulance Service NHS Trust"),
                new PatientSnapshot("9990000018", "Mrs", List.of("Susan"), "Hargreaves", "female",
                        LocalDate.of(1961, 1, 4), false, List.of("1 Test Street"), "NS1 1AA", "A20047"),
                c, Optional.of(UUID.randomUUID()), t, t, Optional.of(t), 3);
    }

    @Test
    void everyFontIsEmbeddedAndNoneIsAStandardFont() throws IOException {
        byte[] pdf = NotePdf.render(note(), 2, Optional.of("0300 123 4567"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(f -> {
                assertThat(f.isEmbedded()).as("%s embedded", f.getName()).isTrue();
                assertThat(f.isStandard14()).as("%s a standard font", f.getName()).isFalse();
                assertThat(f.getName()).contains("DejaVuSans");
            });
            // Regular and bold (the headings) both embedded.
            assertThat(fonts).extracting(PDFont::getName).anyMatch(n -> n.endsWith("DejaVuSans"))
                    .anyMatch(n -> n.endsWith("DejaVuSans-Bold"));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("38.4 \u00b0C").contains("SpO\u2082 \u2264 92%").contains("\u0141\u00f3d\u017a")
                    .contains("\u00c6lfgifu \u00d8rsted").contains("Version 2");
        }
    }

    @Test
    void theNoteIsATaggedPdf() {
        byte[] pdf = NotePdf.render(note(), 1, Optional.of("0300 123 4567"));
        assertThat(TaggedPdf.assertPdfUa(pdf, NoteKind.AMBULANCE_ATTENDANCE.title()).structureTypes)
                .containsSubsequence("H1", "P", "Table", "TR", "TH", "TD", "H2", "H2", "P");
    }
}
