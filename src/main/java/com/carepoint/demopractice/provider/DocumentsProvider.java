package com.carepoint.demopractice.provider;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.data.Practice;
import com.carepoint.demopractice.documents.FiledDocument;
import com.carepoint.demopractice.documents.PracticeDocuments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Attachment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Access Document at one demo practice: find a patient, and search for the patient's documents (nhsconnect/gpconnect
 * pages/access_documents/access_documents_use_case_find_a_patient.md and
 * access_documents_development_search_patient_documents.md). The documents are those in the practice's record:
 * pre-existing synthetic ones and those its GP system filed from Send Document messages.
 */
final class DocumentsProvider implements IResourceProvider {

    /**
     * search_patient_documents.md: "Consumer systems **MUST** send the following parameters", and "The request
     * does not contain the mandatory _include parameters" → INVALID_PARAMETER.
     */
    static final List<String> MANDATORY_INCLUDES = List.of("DocumentReference:subject:Patient",
            "DocumentReference:custodian:Organization", "DocumentReference:author:Organization",
            "DocumentReference:author:Practitioner");
    static final String MANDATORY_REVINCLUDE = "PractitionerRole:practitioner";
    static final String DOCUMENT_REFERENCE_PROFILE = Gpc.PROFILE_BASE + "CareConnect-GPC-DocumentReference-1";

    private final Practice practice;
    private final DemoRecords records;
    private final PracticeDocuments documents;
    private final Foundations foundations;

    DocumentsProvider(Practice practice, DemoRecords records, PracticeDocuments documents) {
        this.practice = practice;
        this.records = records;
        this.documents = documents;
        this.foundations = new Foundations(practice);
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /**
     * find_a_patient.md: "SHALL only return `Patient` resources for active patients with a Regular/GMS registration
     * type (i.e. where this is their registered GP practice)"; an unrecognised system is INVALID_IDENTIFIER_SYSTEM,
     * an invalid number INVALID_NHS_NUMBER; "Failure to find a record with the supplied business identifier is not
     * considered an error condition".
     */
    @Search
    public List<Patient> findPatient(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
        if (!Gpc.NHS_NUMBER.equals(identifier.getSystem())) {
            throw GpcErrors.invalidIdentifierSystem("identifier system must be " + Gpc.NHS_NUMBER);
        }
        if (!Gpc.validNhsNumber(identifier.getValue())) {
            throw GpcErrors.invalidNhsNumber("identifier value is not a valid NHS number");
        }
        return registered(identifier.getValue()).map(r -> List.of(foundations.patient(r))).orElse(List.of());
    }

    /**
     * search_patient_documents.md: {@code GET /Patient/[id]/DocumentReference?...}. The Bundle holds the Patient,
     * the registered practice's Organization, the usual GP's Practitioner and PractitionerRole, the
     * DocumentReferences "that match the supplied search criteria" ("where the `created` parameter has been
     * supplied and `DocumentReference.created` doesn't exist, `DocumentReference.indexed` **MUST** be used"), and
     * "Only `Organization` resources ... associated with the `DocumentReference` resources". Errors: a patient not
     * found, inactive, deceased, not registered here or sensitive → PATIENT_NOT_FOUND; dissent → NO_PATIENT_CONSENT;
     * missing mandatory includes, or an author or facility identifier other than an ODS code → INVALID_PARAMETER.
     */
    @Search(compartmentName = "DocumentReference")
    public List<IBaseResource> searchDocuments(@IdParam IdType patientId,
            @IncludeParam(allow = {"DocumentReference:subject:Patient", "DocumentReference:custodian:Organization",
                    "DocumentReference:author:Organization", "DocumentReference:author:Practitioner"})
            Set<Include> includes,
            @IncludeParam(reverse = true, allow = {"PractitionerRole:practitioner"}) Set<Include> revIncludes,
            @OptionalParam(name = "created") DateRangeParam created,
            @OptionalParam(name = "facility") TokenParam facility,
            @OptionalParam(name = "author") TokenParam author,
            @OptionalParam(name = "type") TokenParam type,
            @OptionalParam(name = "description") StringParam description,
            RequestDetails request) {
        checkIncludes(request.getParameters());
        if (author != null && author.getSystem() != null && !Gpc.ODS_ORGANIZATION.equals(author.getSystem())) {
            throw GpcErrors.invalidParameter("author: the identifier must be an ODS code (" + Gpc.ODS_ORGANIZATION + ")");
        }
        if (facility != null && facility.getSystem() != null && !Gpc.ODS_ORGANIZATION.equals(facility.getSystem())) {
            throw GpcErrors.invalidParameter("facility: the identifier must be an ODS code (" + Gpc.ODS_ORGANIZATION
                    + ")");
        }
        PatientRecord patient = records.data().patients().stream()
                .filter(p -> Ids.patient(p.nhsNumber()).equals(patientId.getIdPart()))
                .findFirst()
                .flatMap(p -> registered(p.nhsNumber()))
                .orElseThrow(() -> GpcErrors.patientNotFound("No patient with id " + patientId.getIdPart()));
        if (patient.flags().dissent()) {
            throw GpcErrors.noPatientConsent("The patient has dissented from sharing their record");
        }
        List<IBaseResource> result = new ArrayList<>();
        result.add(foundations.patient(patient));
        result.add(foundations.organization());
        Practice.Clinician gp = practice.practitioner(patient.usualGp());
        if (gp != null) {
            result.add(foundations.practitioner(gp));
            result.add(foundations.practitionerRole(gp));
        }
        Map<String, Organization> authors = new LinkedHashMap<>();
        String base = request.getFhirServerBase();
        for (FiledDocument d : documents.current(practice.odsCode(), patient.nhsNumber())) {
            if (!matches(d, created, facility, author, type, description)) {
                continue;
            }
            result.add(documentReference(d, base));
            if (d.authorOds() != null && !d.authorOds().equals(practice.odsCode())) {
                authors.computeIfAbsent(d.authorOds(), ods -> authorOrganization(d));
            }
        }
        result.addAll(authors.values());
        return result;
    }

    private static void checkIncludes(Map<String, String[]> parameters) {
        List<String> includes = Arrays.asList(parameters.getOrDefault("_include", new String[0]));
        for (String required : MANDATORY_INCLUDES) {
            if (!includes.contains(required)) {
                throw GpcErrors.invalidParameter("_include=" + required + " is required");
            }
        }
        List<String> rev = new ArrayList<>();
        for (String key : List.of("_revinclude:recurse", "_revinclude:iterate")) {
            rev.addAll(Arrays.asList(parameters.getOrDefault(key, new String[0])));
        }
        if (!rev.contains(MANDATORY_REVINCLUDE)) {
            throw GpcErrors.invalidParameter("_revinclude:recurse=" + MANDATORY_REVINCLUDE + " is required");
        }
    }

    private static boolean matches(FiledDocument d, DateRangeParam created, TokenParam facility, TokenParam author,
            TokenParam type, StringParam description) {
        Date when = Date.from(d.created() != null ? d.created().toInstant() : d.indexed());
        if (created != null && (created.getLowerBoundAsInstant() != null
                && when.before(created.getLowerBoundAsInstant())
                || created.getUpperBoundAsInstant() != null && when.after(created.getUpperBoundAsInstant()))) {
            return false;
        }
        if (author != null && !author.getValue().equalsIgnoreCase(String.valueOf(d.authorOds()))) {
            return false;
        }
        if (facility != null && !facility.getValue().equalsIgnoreCase(String.valueOf(d.authorOds()))) {
            return false;
        }
        if (type != null && !type.getValue().equals(d.typeCode())) {
            return false;
        }
        return description == null || d.title() != null
                && d.title().toLowerCase(Locale.ROOT).contains(description.getValue().toLowerCase(Locale.ROOT));
    }

    /**
     * access_documents_development_documentreference.md: {@code meta.profile} "Fixed value
     * https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-DocumentReference-1"; {@code identifier} "a
     * globally unique and persistent identifier ... scoped by a provider specific namespace"; {@code status}
     * "always have default value of current"; {@code type} from the record composition type refset;
     * {@code subject}; {@code created}; {@code indexed} "When the GP Practice added the document";
     * {@code author}; {@code custodian}; {@code description} "(title)"; {@code content.attachment.url} "MUST
     * contain the full URL to the Binary resource"; {@code .size}; {@code .contentType}. Not populated:
     * docStatus, class, authenticator, {@code content.attachment.data} ("populated in FHIR binary resource"),
     * relatesTo, securityLabel.
     */
    private DocumentReference documentReference(FiledDocument d, String base) {
        DocumentReference r = new DocumentReference();
        r.setId(d.id());
        r.setMeta(new Meta().addProfile(DOCUMENT_REFERENCE_PROFILE).setVersionId("1"));
        r.addIdentifier(new Identifier().setSystem("https://demo.carepoint.invalid/" + practice.odsCode()
                + "/document").setValue(d.id()));
        r.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        r.setType(new CodeableConcept().addCoding(new Coding(Gpc.SNOMED, d.typeCode(), d.typeDisplay())));
        r.setSubject(new Reference("Patient/" + Ids.patient(d.nhsNumber())));
        if (d.created() != null) {
            r.setCreated(Date.from(d.created().toInstant()));
        }
        r.setIndexed(Date.from(d.indexed()));
        r.addAuthor(new Reference("Organization/" + (d.authorOds() == null || d.authorOds().equals(practice.odsCode())
                ? foundations.organizationId() : Ids.of("organization", d.authorOds()))));
        r.setCustodian(new Reference("Organization/" + foundations.organizationId()));
        r.setDescription(d.title());
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        r.addContent().setAttachment(new Attachment()
                .setContentType(d.contentType())
                .setUrl(root + "/Binary/" + d.id())
                .setSize(d.content().length));
        return r;
    }

    private static Organization authorOrganization(FiledDocument d) {
        Organization o = new Organization();
        o.setId(Ids.of("organization", d.authorOds()));
        o.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "CareConnect-GPC-Organization-1"));
        o.addIdentifier(new Identifier().setSystem(Gpc.ODS_ORGANIZATION).setValue(d.authorOds()));
        o.setName(d.authorName());
        return o;
    }

    /** A patient this practice answers for: registered here, not sensitive, not deceased. */
    private Optional<PatientRecord> registered(String nhsNumber) {
        return records.record(nhsNumber)
                .filter(p -> practice.odsCode().equals(p.practice()))
                .filter(p -> !p.flags().sensitive())
                .filter(p -> p.flags().deceased() == null);
    }
}
