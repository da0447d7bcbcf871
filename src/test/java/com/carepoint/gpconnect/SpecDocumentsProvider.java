package com.carepoint.gpconnect;

import com.carepoint.kernel.TracedPatient;
import com.carepoint.platform.FhirClients;
import com.carepoint.spine.EndpointDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Patient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For browser tests of the Documents tab in the whole app: the loopback Access Document provider of
 * {@link DocumentSpecFixtureTest} (the specification's published examples), with its own directory, and the real
 * consumer pointed at it as the app's {@code PatientDocuments}. The demo practices are not involved. The examples'
 * patient is re-stamped with the traced patient's NHS number and date of birth (nothing else), and a second copy of
 * the example's document is made a PDF, so the tab shows a Word document (listed only) and a PDF (viewable).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SpecDocumentsProvider {

    /** The title of the PDF copy of the example document. */
    public static final String PDF_TITLE = "Discharge Summary (PDF copy)";

    @Bean(destroyMethod = "close")
    DocumentFixtureProvider specDocumentFixtureProvider() {
        return new DocumentFixtureProvider();
    }

    @Bean
    @Primary
    GpConnectDocuments specDocuments(FhirClients clients, GpConnectProperties properties,
            @Qualifier("specDocumentFixtureProvider") DocumentFixtureProvider provider) {
        return new GpConnectDocuments(new EndpointDirectory(clients, provider.spine()), clients, properties);
    }

    /** Answers for this patient: the published example, its Patient re-stamped, plus a PDF copy of its document. */
    public static void answerFor(DocumentFixtureProvider provider, TracedPatient traced) {
        var json = FhirClients.STU3.newJsonParser();
        Bundle b = json.parseResource(Bundle.class, DocumentFixtureProvider.fixture("documents_response.json"));
        Patient p = DocumentSpecFixtureTest.examplePatient(b);
        p.getIdentifierFirstRep().setValue(traced.nhsNumber().value());
        p.setBirthDateElement(new DateType(traced.birthDate().toString()));
        DocumentReference pdf = DocumentSpecFixtureTest.another(b, "pdf-copy");
        pdf.setDescription(PDF_TITLE);
        pdf.getContentFirstRep().getAttachment().setContentType("application/pdf")
                .setUrl(DocumentSpecFixtureTest.binaryUrl("pdf-1"));
        provider.search = new DocumentFixtureProvider.Answer(200, json.encodeResourceToString(b));
        provider.findPatient = new DocumentFixtureProvider.Answer(200,
                DocumentFixtureProvider.searchset(json.encodeResourceToString(p)));
        provider.binaries.put("pdf-1", new DocumentFixtureProvider.Answer(200, """
                {"resourceType":"Binary","id":"pdf-1","contentType":"application/pdf","content":"%s"}"""
                .formatted(Base64.getEncoder().encodeToString(pdf()))));
    }

    static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
