package com.carepoint.demopractice.provider;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.carepoint.demopractice.data.Practice;
import com.carepoint.demopractice.documents.FiledDocument;
import com.carepoint.demopractice.documents.PracticeDocuments;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Access Document "Retrieve a document" (nhsconnect/gpconnect
 * pages/access_documents/access_documents_development_retrieve_patient_documents.md): {@code GET /Binary/[id]}
 * returns "a `Binary` resource conforming to the Binary resource definition" and must "include the `versionId` of
 * the current version"; "A document could not be found with the document id provided" → NO_RECORD_FOUND. The
 * Binary carries only {@code contentType} and {@code content} (access_documents_development_binary.md:
 * securityContext "SHALL NOT be populated").
 */
final class BinaryProvider implements IResourceProvider {

    private final Practice practice;
    private final PracticeDocuments documents;

    BinaryProvider(Practice practice, PracticeDocuments documents) {
        this.practice = practice;
        this.documents = documents;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id) {
        FiledDocument d = documents.get(id.getIdPart())
                .filter(doc -> doc.practiceOds().equals(practice.odsCode()))
                .filter(FiledDocument::current)
                .orElseThrow(() -> GpcErrors.notFound("NO_RECORD_FOUND", "No record found",
                        "No document with id " + id.getIdPart()));
        Binary b = new Binary();
        b.setId(new IdType("Binary", d.id(), "1"));
        b.setMeta(new Meta().setVersionId("1"));
        b.setContentType(d.contentType());
        b.setContent(d.content());
        return b;
    }
}
