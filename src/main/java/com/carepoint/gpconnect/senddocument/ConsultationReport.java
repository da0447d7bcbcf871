package com.carepoint.gpconnect.senddocument;

import com.carepoint.kernel.NhsNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the Consultation Report message needs, as domain values. A correction is a new report with a new
 * {@code messageId} and {@code documentId}, {@code version} one higher and {@code replacesDocumentId} naming the
 * previous version's {@code documentId} (GPCM-SD-CS-007: "version 1 is the original report, each subsequent report
 * that relates to the same consultation MUST increment by 1").
 *
 * @param messageId          the ITK3 message identifier (MessageHeader.id, the message Bundle's identifier): the same
 *                           for every resend of this version, so that the receiver recognises a duplicate (ITK3 20007)
 * @param documentId         this version's document identifier (the document Bundle's and the Composition's identifier)
 * @param replacesDocumentId the document this one replaces, for a correction
 * @param version            the report's version, from 1
 * @param encounterId        the sender's unique id of the encounter (SenderReference, GPCM-SD-CS-046; at most 255
 *                           characters; no patient data)
 * @param createdAt          when the message was generated (MessageHeader.timestamp, CS-052; Composition.date, CS-020)
 * @param senderMailboxId    Carepoint's MESH mailbox (MessageHeader.source.endpoint, CS-050)
 * @param confidential       the consultation is confidential: Composition.confidentiality R and no practice name or ODS
 *                           code in the text and subject (CS-021, CS-023, CS-030)
 * @param sectionTitle       the title of the section holding the PDF (e.g. "Paramedic encounter report")
 * @param pdf                the report as a PDF
 */
public record ConsultationReport(
        UUID messageId,
        UUID documentId,
        Optional<UUID> replacesDocumentId,
        int version,
        String encounterId,
        Instant createdAt,
        Patient patient,
        Organisation sender,
        String senderMailboxId,
        Author author,
        Instant encounterStart,
        Instant encounterEnd,
        boolean confidential,
        String sectionTitle,
        byte[] pdf) {

    public ConsultationReport {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(replacesDocumentId, "replacesDocumentId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(encounterStart, "encounterStart");
        Objects.requireNonNull(pdf, "pdf");
        if (version < 1 || (version == 1) != replacesDocumentId.isEmpty()) {
            throw new IllegalArgumentException("Version 1 replaces nothing; every later version replaces one document");
        }
        if (replacesDocumentId.filter(documentId::equals).isPresent() || messageId.equals(documentId)) {
            throw new IllegalArgumentException("A version has its own message and document identifiers");
        }
        if (encounterId == null || encounterId.isBlank() || encounterId.length() > 255) {
            throw new IllegalArgumentException("SenderReference is 1 to 255 characters");
        }
        if (senderMailboxId == null || senderMailboxId.isBlank()) {
            throw new IllegalArgumentException("The sender's MESH mailbox id is needed (MessageHeader.source)");
        }
        if (encounterEnd != null && encounterEnd.isBefore(encounterStart)) {
            throw new IllegalArgumentException("The encounter ends before it starts");
        }
        if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
            throw new IllegalArgumentException("The report must be a PDF (GPCM-SD-CS-028)");
        }
        if (sectionTitle == null || sectionTitle.isBlank()) {
            sectionTitle = SendDocumentSpec.COMPOSITION_TITLE;
        }
    }

    /**
     * The patient, as traced on the national demographics service (GPCM-SD-CS-072: "a PDS lookup of the patient MUST
     * be performed"): the NHS number is therefore sent as verified.
     *
     * @param gender FHIR administrative gender: {@code male}, {@code female}, {@code other} or {@code unknown}
     */
    public record Patient(NhsNumber nhsNumber, String title, List<String> givenNames, String familyName,
            String gender, LocalDate birthDate, List<String> addressLines, String postcode) {

        public Patient {
            Objects.requireNonNull(nhsNumber, "nhsNumber");
            Objects.requireNonNull(birthDate, "birthDate");
            if (familyName == null || familyName.isBlank()) {
                throw new IllegalArgumentException("The patient's surname is needed (Mex-To, GPCM-SD-CS-067)");
            }
            givenNames = givenNames == null ? List.of() : List.copyOf(givenNames);
            addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        }

        /** {@code Richard Smith}: given names then surname, as the specification's subject examples write them. */
        public String displayName() {
            return (String.join(" ", givenNames) + " " + familyName).trim();
        }

        @Override
        public String toString() {
            return "Patient[redacted]";
        }
    }

    /** The sending organisation (GPCM-SD-CS-032..035): ODS code, name and telephone number (a MUST). */
    public record Organisation(String odsCode, String name, String telephone) {
        public Organisation {
            if (odsCode == null || odsCode.isBlank() || name == null || name.isBlank() || telephone == null
                    || telephone.isBlank()) {
                throw new IllegalArgumentException("The sender's ODS code, name and telephone number are needed");
            }
        }
    }

    /**
     * The practitioner who wrote the report (GPCM-SD-CS-036..038). Someone without an SDS user id (no smartcard) is
     * sent as {@code UNK}, the null value the GP Connect profiles' own example uses for this slice.
     */
    public record Author(String sdsUserId, String prefix, List<String> givenNames, String familyName,
            Optional<String> telephone) {
        public Author {
            sdsUserId = sdsUserId == null || sdsUserId.isBlank() ? "UNK" : sdsUserId;
            givenNames = givenNames == null ? List.of() : List.copyOf(givenNames);
            telephone = telephone == null ? Optional.empty() : telephone;
            if (familyName == null || familyName.isBlank()) {
                throw new IllegalArgumentException("The author's name is needed (GPCM-SD-CS-037)");
            }
        }
    }

    @Override
    public String toString() {
        return "ConsultationReport[messageId=" + messageId + ", documentId=" + documentId + ", version=" + version
                + "]";
    }
}
