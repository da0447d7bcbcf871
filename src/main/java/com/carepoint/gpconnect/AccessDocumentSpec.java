package com.carepoint.gpconnect;

import java.util.List;

/**
 * Every GP Connect Access Document URL, code, scope and limit the consumer sends or reads, in one place, each with the
 * page it comes from. Pages are in repository {@code nhsconnect/gpconnect}, folder {@code pages/access_documents/}
 * (the published capability, merged into GP Connect 1.5.0: "Access Document has been moved from a separate
 * specification into 1.5.0", release notes); {@code AD/x} abbreviates {@code access_documents_x.md} there, and
 * {@code INC/x} the published examples in {@code _includes/access_documents/}. The older draft pages under
 * {@code pages/accessrecord_documents/} name other interaction ids ({@code gpconnect-documents:...}) and a search
 * by {@code subject}; they are superseded and not used. Checked against the pages and examples, never against
 * Carepoint's demo practices. docs/interoperability.md lists the rules and their tests.
 */
final class AccessDocumentSpec {

    private AccessDocumentSpec() {
    }

    // ------------------------------------------------------------------ interaction ids (Ssp-InteractionID, SDS)

    /**
     * AD/access_documents ("Spine interactions") and pages/integration/integration_interaction_ids.md ("Access
     * Document interactions"); each use-case page's "Request headers" gives the same. The SDS lookup is by ODS code
     * and interaction id (pages/integration/integration_spine_directory_service.md: MHS records are "identified by
     * Party Key and Interaction ID"), and every Access Document page's prerequisite is that the consumer "SHALL have
     * previously resolved the organisation's Access Document FHIR endpoint base URL": its endpoint is its own.
     */
    static final String PREFIX = "urn:nhs:names:services:gpconnect:documents:fhir:rest:";

    /**
     * AD/use_case_find_a_patient: "This Find a Patient interaction is specific to the Access Document capability ...
     * Consumer systems SHALL only use this Find a Patient interaction in conjunction with other Access Document
     * interactions" — not the Foundations one.
     */
    static final String FIND_PATIENT = PREFIX + "search:patient-1";

    /** AD/development_search_patient_documents, "Request headers". */
    static final String SEARCH_DOCUMENTS = PREFIX + "search:documentreference-1";

    /** AD/development_retrieve_patient_documents, "Request headers". */
    static final String READ_BINARY = PREFIX + "read:binary-1";

    // ------------------------------------------------------------------ JWT requested_scope

    /**
     * pages/integration/integration_cross_organisation_audit_and_provenance.md, the scope table: {@code patient/*.read}
     * for "Find a patient (Access Document)", "Search for a patient's documents" and "Retrieve a patient's
     * documents". The confidentiality table adds {@code conf/N} for the last two, but "Where no confidentiality scope
     * has been included, provider systems MUST interpret this as normal confidentiality, conf/N": the bare scope
     * means the same to every provider version and is what Carepoint sends.
     */
    static final String SCOPE = "patient/*.read";

    // ------------------------------------------------------------------ Find a patient

    /**
     * AD/use_case_find_a_patient: "SHALL populate the [system] field with ... https://fhir.nhs.uk/Id/nhs-number" and
     * "SHALL apply percent encoding ... the pipe | character": {@code GET /Patient?identifier=[system]|[value]}.
     */
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

    // ------------------------------------------------------------------ search for a patient's documents

    /**
     * AD/development_search_patient_documents: {@code GET /Patient/[id]/DocumentReference?...} ("FHIR relative
     * request"), where [id] is the logical id Find a patient returned (AD/development_api_session, steps 1a–2a), and
     * "Consumer systems MUST send the following parameters to reduce the number of API calls" — these five, in the
     * page's order; a request without them is refused ("The request does not contain the mandatory _include
     * parameters | INVALID_PARAMETER"). {@code created}, {@code facility}, {@code author}, {@code type} and
     * {@code description} are MAY: Carepoint sends none, to list every document the practice shares.
     */
    static final List<String> SEARCH_INCLUDES = List.of(
            "_include=DocumentReference:subject:Patient",
            "_include=DocumentReference:custodian:Organization",
            "_include=DocumentReference:author:Organization",
            "_include=DocumentReference:author:Practitioner",
            "_revinclude:recurse=PractitionerRole:practitioner");

    // ------------------------------------------------------------------ DocumentReference

    /** AD/development_documentreference, "type": "a value SHOULD be taken from the SNOMED refset"; else as text. */
    static final String SNOMED = "http://snomed.info/sct";

    /**
     * AD/development_documentreference, "status": "current | superseded | entered-in-error ... will always have
     * default value of current". A document marked entered in error is not shown as if it were the patient's.
     */
    static final String ENTERED_IN_ERROR = "entered-in-error";

    // ------------------------------------------------------------------ retrieve a document (Binary)

    /**
     * AD/development_retrieve_patient_documents: {@code GET /Binary/[id]} at the Access Document endpoint; the
     * DocumentReference's {@code content.attachment.url} "MUST contain the full URL to the Binary resource"
     * (AD/development_documentreference), whose last segments are {@code Binary/[id]}. Carepoint takes the id from
     * it and sends the request to the endpoint the directory gave (through the proxy), never to the host in the URL:
     * the published example's own URLs disagree on the path ({@code .../gpconnect-documents/Binary/...} in the
     * answer, {@code .../gpconnect/documents/Binary/...} in the request, AD/development_fhir_examples_documents).
     * A FHIR id is at most 64 of {@code [A-Za-z0-9\-.]} (FHIR STU3 datatypes, "id").
     */
    static final String BINARY_ID = "(?:^|/)Binary/([A-Za-z0-9\\-.]{1,64})$";

    /**
     * AD/development_documents_guidance, "File size of the document": "Documents that are over 5mb MUST NOT be
     * retrievable using the GP Connect API, instead a placeholder should be returned". Read as 5 MiB (the larger
     * reading, so that no document a provider may serve is refused); a document listed as larger is not requested.
     */
    static final long MAX_DOCUMENT_BYTES = 5L * 1024 * 1024;

    /**
     * The most a Binary answer may be: its content base64-encoded (AD/development_binary, "content": "encoded using
     * base64") plus room for the rest of the JSON.
     */
    static final long MAX_BINARY_ANSWER_BYTES = (MAX_DOCUMENT_BYTES + 2) / 3 * 4 + 64 * 1024;

    /**
     * The one format Carepoint shows. AD/development_documents_guidance, "Document format": "Documents of industry
     * standard format are allowed"; the specification names no format a consumer must display, and its published
     * example is a Word document ({@code application/msword}, INC/documents_response.json). Carepoint shows PDF
     * only (the format Send Document files), in the browser's own viewer; other formats are listed, not opened.
     */
    static final String PDF = "application/pdf";

    /** The first bytes of a PDF file ("%PDF-", ISO 32000-1, 7.5.2 "File header"). */
    static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F', '-'};
}
