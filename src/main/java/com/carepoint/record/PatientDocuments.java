package com.carepoint.record;

/**
 * Where the documents filed in a patient's GP record come from: GP Connect Access Document in production (the
 * {@code gpconnect} module implements it). Never throws: every failure is a failed section or a retrieval that
 * says what it means. "No documents" is only ever said when the practice answered, for this patient, that it holds
 * none; a practice that does not offer its documents, or could not be asked, says so instead.
 */
public interface PatientDocuments {

    /**
     * The patient's documents, newest first, as a {@link com.carepoint.kernel.SectionKind#DOCUMENTS} section of
     * {@link DocumentItem}s, with its source when the practice answered.
     */
    FetchedSection list(PatientContext context);

    /**
     * One document listed for this context, retrieved from the practice: its bytes, or why not.
     */
    RetrievedDocument retrieve(PatientContext context, DocumentItem document);
}
