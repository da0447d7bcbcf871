package com.carepoint.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** The validator the PDF tests rely on can fail: an untagged PDF with an unembedded font breaks PDF/UA-1 and PDF/A. */
class VeraPdfTest {

    @Test
    void anUntaggedPdfWithAnUnembeddedFontBreaksPdfUaAndPdfA() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Synthetic test text");
                content.endText();
            }
            doc.save(out);
            pdf = out.toByteArray();
        }

        assertThat(VeraPdf.failedRules(pdf, VeraPdf.PDF_UA_1))
                .as("PDF/UA-1: no metadata identifier, not tagged, font not embedded")
                .isNotEmpty()
                .allMatch(rule -> rule.startsWith("ua1 "))
                .noneMatch(rule -> rule.contains("could not read"));
        assertThat(VeraPdf.failedRules(pdf, VeraPdf.PDF_A_3U)).isNotEmpty()
                .noneMatch(rule -> rule.contains("could not read"));
    }
}
