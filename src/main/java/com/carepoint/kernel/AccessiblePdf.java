package com.carepoint.kernel;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How Carepoint makes a PDF a person may read with a screen reader (the patient's transparency report, the
 * encounter note filed at the practice): XHTML rendered with openhtmltopdf as a <b>tagged PDF (PDF/UA-1, ISO
 * 14289-1)</b>. The headings, paragraphs and tables of the XHTML become the PDF's structure tree in reading order;
 * the document's language comes from {@code <html lang>}, its title from {@code <title>} (shown in the reader's title
 * bar); the XMP metadata declares PDF/UA-1 (with PDF/A-3u, which openhtmltopdf needs to write the title into the
 * metadata, and the sRGB output intent PDF/A asks for). Every font is the bundled DejaVu Sans (Bitstream Vera
 * licence, {@code /fonts/DejaVu-LICENSE.txt}), embedded as a subset: PDF/UA forbids fonts the reader must supply, and
 * every character typed has its glyph.
 */
public final class AccessiblePdf {

    /** The font family every part of a Carepoint PDF is set in. */
    public static final String FONT_FAMILY = "DejaVu Sans";
    /** The CSS declaration that sets it. */
    public static final String CSS_FONT = "font-family: '" + FONT_FAMILY + "', sans-serif;";
    static final String REGULAR = "/fonts/DejaVuSans.ttf";
    static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private AccessiblePdf() {
    }

    /**
     * Renders the XHTML (which must have {@code <html lang="…">} and a {@code <title>}, and set its text in
     * {@link #CSS_FONT}) as a tagged PDF.
     */
    public static byte[] render(String xhtml) {
        if (!xhtml.contains("<html lang=\"") || !xhtml.contains("<title>")) {
            throw new IllegalArgumentException("A tagged PDF needs the document's language and title");
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
            builder.useColorProfile(SRGB);
            builder.useFont(() -> font(REGULAR), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font(BOLD), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withProducer("Carepoint");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String resource) {
        InputStream in = AccessiblePdf.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The PDF font " + resource + " is missing from Carepoint's build");
        }
        return in;
    }
}
