package com.carepoint.demopractice.documents;

import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.data.PatientRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The pre-existing synthetic documents of the demo data ({@code documents.yaml}): each becomes a small PDF in the
 * record of the patient's registered practice.
 */
public final class SyntheticDocuments {

    record Entry(String id, String nhsNumber, String title, String typeCode, String typeDisplay,
            OffsetDateTime created, String authorOds, String authorName, String authorPerson, List<String> text) {
    }

    record DocumentsFile(List<Entry> documents) {
    }

    private SyntheticDocuments() {
    }

    public static List<FiledDocument> load(ResourceLoader loader, String dataLocation, DemoData data) {
        String base = dataLocation.endsWith("/") ? dataLocation : dataLocation + "/";
        Resource resource = loader.getResource(base + "documents.yaml");
        if (!resource.exists()) {
            return List.of();
        }
        ObjectMapper yaml = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        List<FiledDocument> documents = new ArrayList<>();
        try (InputStream in = resource.getInputStream()) {
            for (Entry e : yaml.readValue(in, DocumentsFile.class).documents()) {
                PatientRecord patient = data.patient(e.nhsNumber()).orElseThrow(() -> new IllegalStateException(
                        "documents.yaml names a patient the demo data does not have"));
                String id = e.id() != null ? e.id()
                        : UUID.nameUUIDFromBytes(("document/" + e.nhsNumber() + "/" + e.title() + "/" + e.created())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                documents.add(new FiledDocument(id, patient.practice(), patient.nhsNumber(), e.title(), e.typeCode(),
                        e.typeDisplay(), e.created(), e.created().toInstant(), e.authorOds(), e.authorName(),
                        e.authorPerson(), null, null, null, "application/pdf", pdf(e.title(), patient, e), null));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo data file " + resource.getDescription(), e);
        }
        return documents;
    }

    /** A one-page PDF with the title, the patient's name and NHS number, the author and the text lines. */
    static byte[] pdf(String title, PatientRecord patient, Entry e) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.newLineAtOffset(56, 780);
                s.setFont(bold, 16);
                s.showText(title);
                s.setFont(regular, 11);
                s.setLeading(16);
                s.newLine();
                s.newLine();
                s.showText(patient.family().toUpperCase() + ", " + String.join(" ", patient.given()) + "   NHS no. "
                        + patient.nhsNumber().substring(0, 3) + " " + patient.nhsNumber().substring(3, 6) + " "
                        + patient.nhsNumber().substring(6));
                s.newLine();
                s.showText("From: " + e.authorName() + (e.authorPerson() == null ? "" : " - " + e.authorPerson()));
                s.newLine();
                s.showText("Date: " + e.created().toLocalDate());
                s.newLine();
                s.newLine();
                for (String line : e.text() == null ? List.<String>of() : e.text()) {
                    s.showText(line);
                    s.newLine();
                }
                s.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
