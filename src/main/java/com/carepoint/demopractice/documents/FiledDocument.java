package com.carepoint.demopractice.documents;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A document in a demo patient's GP record: filed from a Send Document message or pre-existing in the demo data.
 *
 * @param id               the document's logical id (also the Binary's id)
 * @param practiceOds      the practice whose record holds it
 * @param nhsNumber        the patient
 * @param title            the document's title (for a consultation report, the Composition's title)
 * @param typeCode         SNOMED CT code of the kind of document
 * @param typeDisplay      its display
 * @param created          when the document was created at its author
 * @param indexed          when the practice added it to its record
 * @param authorOds        the organisation that wrote it
 * @param authorName       that organisation's name
 * @param authorPerson     the clinician who wrote it (name and role), when known
 * @param subject          the MESH subject it arrived with (shown in the practice's task list), when it came by MESH
 * @param sourceMessageId  the ITK MessageHeader id of the message it came in, when it came by MESH
 * @param documentIdentifier the identifier of the document at its sender (a replacement names it)
 * @param contentType      the MIME type of the content
 * @param content          the document itself
 * @param replacedBy       the id of the document that replaced this one (archived), or null while it is current
 */
public record FiledDocument(
        String id,
        String practiceOds,
        String nhsNumber,
        String title,
        String typeCode,
        String typeDisplay,
        OffsetDateTime created,
        Instant indexed,
        String authorOds,
        String authorName,
        String authorPerson,
        String subject,
        String sourceMessageId,
        String documentIdentifier,
        String contentType,
        byte[] content,
        String replacedBy) {

    public boolean current() {
        return replacedBy == null;
    }

    FiledDocument replacedBy(String newId) {
        return new FiledDocument(id, practiceOds, nhsNumber, title, typeCode, typeDisplay, created, indexed, authorOds,
                authorName, authorPerson, subject, sourceMessageId, documentIdentifier, contentType, content, newId);
    }
}
