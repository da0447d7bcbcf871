package com.carepoint.gpconnect;

import com.carepoint.kernel.PartialDate;
import com.carepoint.record.DocumentItem;
import com.carepoint.record.RecordItems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.Attachment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Reads one "Search for a patient's documents" answer (AD/development_search_patient_documents, "Payload response
 * body": a searchset Bundle with the Patient, Organizations, Practitioners, PractitionerRoles and the matching
 * DocumentReferences, each element read as AD/development_documentreference describes it). References are resolved
 * as FHIR does ({@link References}: Bundle {@code fullUrl}, {@code Type/id}, absolute URLs, contained resources).
 */
final class DocumentMapper {

    private static final Pattern BINARY_ID = Pattern.compile(AccessDocumentSpec.BINARY_ID);

    /** What retrieving a listed document needs, kept by the consumer for the patient context it was listed in. */
    record Listed(String binaryId, String contentType, OptionalLong size) {
    }

    /** The documents in the answer, newest first, what is needed to retrieve each, and warnings about the answer. */
    record Mapped(List<DocumentItem> items, Map<String, Listed> listed, List<String> warnings) {
    }

    private final Bundle bundle;
    private final References references;
    private final List<Resource> resources;

    DocumentMapper(Bundle bundle) {
        this.bundle = bundle;
        this.references = new References(bundle);
        this.resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r != null).toList();
    }

    List<DocumentReference> documents() {
        return resources.stream().filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast)
                .toList();
    }

    /**
     * Why the answer cannot be shown as this patient's, if it cannot (hazard H-030): every Patient in it must carry
     * exactly the NHS number asked for (identifier system {@code https://fhir.nhs.uk/Id/nhs-number}) and, where it
     * states one, the traced date of birth ("Patient matching the NHS Number sent"; "Consumer systems SHALL always
     * perform a patient demographic check", integration_cross_organisation_audit_and_provenance.md); every
     * DocumentReference's {@code subject} (1..1) must be that Patient, or — when the Patient is not in the answer —
     * the logical id Find a patient gave for this patient. The reason names what failed, never an identifier.
     */
    Optional<String> mismatch(String nhsNumber, LocalDate birthDate, String patientId) {
        List<Patient> patients = resources.stream().filter(Patient.class::isInstance).map(Patient.class::cast).toList();
        for (Patient p : patients) {
            List<String> numbers = p.getIdentifier().stream()
                    .filter(i -> AccessDocumentSpec.NHS_NUMBER.equals(i.getSystem()) && i.hasValue())
                    .map(i -> i.getValue().replaceAll("[\\s-]", "")).distinct().toList();
            if (numbers.size() != 1 || !numbers.getFirst().equals(nhsNumber)) {
                return Optional.of(numbers.isEmpty() ? "a Patient without an NHS number"
                        : "a Patient with a different NHS number");
            }
            if (p.hasBirthDate() && !birthDate.toString().equals(p.getBirthDateElement().getValueAsString())) {
                return Optional.of("a Patient with a different date of birth");
            }
        }
        for (DocumentReference d : documents()) {
            if (!d.hasSubject()) {
                return Optional.of("a document without a subject");
            }
            Resource subject = references.resolve(d, d.getSubject());
            if (subject != null) {
                if (!(subject instanceof Patient) || !patients.contains(subject)) {
                    return Optional.of("a document whose subject is not a Patient in the answer");
                }
            } else if (!patientId.equals(referencedId(d.getSubject(), "Patient").orElse(null))) {
                return Optional.of("a document whose subject is another patient");
            }
        }
        return Optional.empty();
    }

    /** The documents, once the answer is known to be this patient's. */
    Mapped map() {
        List<DocumentItem> items = new ArrayList<>();
        Map<String, Listed> listed = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int inError = 0;
        for (DocumentReference d : documents()) {
            if (d.hasStatus() && AccessDocumentSpec.ENTERED_IN_ERROR.equals(d.getStatus().toCode())) {
                inError++;
                continue;
            }
            String id = UUID.randomUUID().toString();
            Attachment attachment = d.getContent().stream().filter(c -> c.hasAttachment())
                    .map(DocumentReference.DocumentReferenceContentComponent::getAttachment).findFirst()
                    .orElse(new Attachment());
            String contentType = attachment.hasContentType() ? attachment.getContentType().trim() : "";
            OptionalLong size = attachment.hasSize() ? OptionalLong.of(Integer.toUnsignedLong(attachment.getSize()))
                    : OptionalLong.empty();
            Optional<String> binaryId = binaryId(attachment);
            DocumentItem.Availability availability;
            Optional<String> unavailable = Optional.empty();
            if (!attachment.hasUrl()) {
                // AD/development_documentreference, content.attachment.title: "To be used when only a placeholder
                // for a document is available. This SHOULD be populated with the reason why the file isn't available."
                availability = DocumentItem.Availability.NOT_AVAILABLE;
                unavailable = Optional.of(attachment.hasTitle() ? attachment.getTitle()
                        : "The practice lists this document but has not made it available.");
            } else if (size.isPresent() && size.getAsLong() > AccessDocumentSpec.MAX_DOCUMENT_BYTES) {
                availability = DocumentItem.Availability.TOO_LARGE;
            } else if (binaryId.isEmpty()) {
                availability = DocumentItem.Availability.NOT_AVAILABLE;
                unavailable = Optional.of("The practice's link to this document could not be read.");
            } else if (!pdf(contentType)) {
                availability = DocumentItem.Availability.OTHER_FORMAT;
            } else {
                availability = DocumentItem.Availability.VIEWABLE;
            }
            RecordItems.Coded type = d.hasType() ? coded(d.getType()) : new RecordItems.Coded("Type not stated",
                    Optional.empty());
            String title = d.hasDescription() && !d.getDescription().isBlank() ? d.getDescription()
                    : type.display();
            List<String> authors = new ArrayList<>();
            Set<String> organisations = new LinkedHashSet<>();
            for (Reference a : d.getAuthor()) {
                Resource author = references.resolve(d, a);
                if (author instanceof Practitioner p) {
                    authors.add(name(p));
                    organisations.addAll(organisationsOf(p));
                } else if (author instanceof Organization o && o.hasName()) {
                    authors.add(o.getName());
                    organisations.add(o.getName());
                } else if (a.hasDisplay()) {
                    authors.add(a.getDisplay());
                }
            }
            Optional<String> custodian = Optional.ofNullable(references.resolve(d, d.getCustodian()))
                    .filter(Organization.class::isInstance).map(Organization.class::cast)
                    .filter(Organization::hasName).map(Organization::getName)
                    .or(() -> d.getCustodian().hasDisplay() ? Optional.of(d.getCustodian().getDisplay())
                            : Optional.empty());
            Optional<PartialDate> created = d.hasCreated() ? StructuredRecordMapper.date(d.getCreatedElement())
                    : Optional.empty();
            Optional<PartialDate> filed = d.hasIndexed() ? StructuredRecordMapper.date(d.getIndexedElement())
                    : Optional.empty();
            items.add(new DocumentItem(id, title, type, created, filed,
                    authors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", authors)),
                    organisations.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", organisations)),
                    custodian, size, contentType, availability, unavailable));
            if (availability == DocumentItem.Availability.VIEWABLE) {
                listed.put(id, new Listed(binaryId.orElseThrow(), contentType, size));
            }
        }
        if (inError > 0) {
            warnings.add(inError + (inError == 1 ? " document is" : " documents are") + " marked by the practice as "
                    + "entered in error and not shown.");
        }
        if (bundle.getLink().stream().anyMatch(l -> "next".equals(l.getRelation()))) {
            warnings.add("The practice says it has more documents than it sent: only those it sent are listed.");
        }
        items.sort(DocumentItem.NEWEST_FIRST);
        return new Mapped(List.copyOf(items), Map.copyOf(listed), List.copyOf(warnings));
    }

    /** The organisations a Practitioner works for, by the PractitionerRoles in the answer that name them. */
    private List<String> organisationsOf(Practitioner p) {
        List<String> names = new ArrayList<>();
        for (Resource r : resources) {
            if (r instanceof PractitionerRole role && role.hasPractitioner()
                    && references.resolve(role, role.getPractitioner()) == p
                    && references.resolve(role, role.getOrganization()) instanceof Organization o && o.hasName()) {
                names.add(o.getName());
            }
        }
        return names;
    }

    /** The Binary's id from {@code content.attachment.url} ("the full URL to the Binary resource"). */
    static Optional<String> binaryId(Attachment attachment) {
        if (!attachment.hasUrl()) {
            return Optional.empty();
        }
        String url = attachment.getUrl().replaceFirst("[?#].*$", "").replaceFirst("/_history/[^/]+$", "");
        Matcher m = BINARY_ID.matcher(url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static boolean pdf(String contentType) {
        return AccessDocumentSpec.PDF.equals(contentType.toLowerCase(Locale.ROOT).replaceFirst(";.*$", "").trim());
    }

    /** The id in a reference to {@code type}: {@code Patient/[id]}, or an absolute URL ending so. */
    static Optional<String> referencedId(Reference reference, String type) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String[] parts = reference.getReference().replaceFirst("/_history/[^/]+$", "").split("/");
        return parts.length >= 2 && type.equals(parts[parts.length - 2]) ? Optional.of(parts[parts.length - 1])
                : Optional.empty();
    }

    private static RecordItems.Coded coded(CodeableConcept c) {
        Optional<String> snomed = c.getCoding().stream().filter(x -> AccessDocumentSpec.SNOMED.equals(x.getSystem()))
                .map(x -> x.getCode()).filter(code -> code != null).findFirst();
        String text = c.hasText() ? c.getText() : c.getCoding().stream().map(x -> x.getDisplay())
                .filter(x -> x != null && !x.isBlank()).findFirst().orElse("Type not stated");
        return new RecordItems.Coded(text, snomed);
    }

    private static String name(Practitioner p) {
        HumanName n = p.getName().stream().filter(x -> x.hasUse() && x.getUse() == HumanName.NameUse.USUAL)
                .findFirst().orElse(p.getNameFirstRep());
        if (n.hasText()) {
            return n.getText();
        }
        String prefix = n.getPrefix().isEmpty() ? "" : n.getPrefix().getFirst().getValue() + " ";
        String given = n.getGiven().isEmpty() ? "" : n.getGiven().getFirst().getValue() + " ";
        String name = (prefix + given + (n.hasFamily() ? n.getFamily() : "")).trim();
        return name.isEmpty() ? "Name not stated" : name;
    }
}
