package com.carepoint.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * What a tagged PDF (PDF/UA-1, ISO 14289-1) must have, read back with PDFBox: the document marked as tagged, a
 * structure tree, the language, the title shown in the reader's title bar and in the XMP metadata, the PDF/UA-1
 * identifier in the metadata, and every font embedded; and then veraPDF's validation of PDF/UA-1 and PDF/A-3u
 * ({@link VeraPdf}), which checks much more (the Matterhorn protocol's machine-checkable conditions). Used by the
 * tests of each PDF Carepoint makes.
 */
public final class TaggedPdf {

    /** The structure types of the document's tree, in reading order (depth first). */
    public final List<String> structureTypes;

    private TaggedPdf(List<String> structureTypes) {
        this.structureTypes = structureTypes;
    }

    /** Fails unless the PDF is tagged as PDF/UA-1 with this title; returns its structure for further checks. */
    public static TaggedPdf assertPdfUa(byte[] pdf, String title) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).as("MarkInfo").isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).as("marked as a tagged PDF").isTrue();
            assertThat(catalog.getLanguage()).as("the document's language").isEqualTo("en-GB");
            assertThat(catalog.getViewerPreferences()).as("viewer preferences").isNotNull();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).as("the title, not the file name, shown")
                    .isTrue();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(title);
            PDMetadata metadata = catalog.getMetadata();
            assertThat(metadata).as("XMP metadata").isNotNull();
            String xmp;
            try (InputStream in = metadata.exportXMPMetadata()) {
                xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(xmp).as("the PDF/UA-1 identifier").containsPattern("pdfuaid:part(>|=\")1");
            assertThat(xmp).as("the title in the metadata").contains(Text.xml(title));

            assertThat(catalog.getStructureTreeRoot()).as("a structure tree").isNotNull();
            List<String> types = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), types);
            assertThat(types).as("structure elements").isNotEmpty();

            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                }
            }
            assertThat(VeraPdf.failedRules(pdf, VeraPdf.PDF_UA_1)).as("veraPDF: PDF/UA-1 rules broken").isEmpty();
            assertThat(VeraPdf.failedRules(pdf, VeraPdf.PDF_A_3U)).as("veraPDF: PDF/A-3u rules broken").isEmpty();
            return new TaggedPdf(types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(PDStructureNode node, List<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                collect(element, types);
            }
        }
    }
}
