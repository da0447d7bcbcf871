package com.carepoint.gpconnect;

import com.carepoint.kernel.SectionKind;
import java.util.List;
import java.util.Map;

/**
 * Every GP Connect / CareConnect URL and code the consumer reads, in one place, each with the specification page it
 * comes from. Pages are in repository {@code nhsconnect/gpconnect}; {@code ARS/x} abbreviates
 * {@code pages/accessrecord_structured/accessrecord_structured_development_x.md}; profile URLs were checked in
 * {@code nhsconnect/STU3-FHIR-Assets}. Checked against the specification text and its published examples, never
 * against Carepoint's demo practices. docs/interoperability.md lists the rules and their tests.
 */
final class GpcSpec {

    private GpcSpec() {
    }

    static final String SNOMED = "http://snomed.info/sct";

    /** Identifier system of the NHS number (ARS/resources_overview: "NHS number | Patient | https://fhir.nhs.uk/Id/nhs-number"). */
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

    /** Identifier system of an organisation's ODS code (ARS/resources_overview). */
    static final String ODS_ORGANIZATION = "https://fhir.nhs.uk/Id/ods-organization-code";

    // ------------------------------------------------------------------ section Lists (List.code, SNOMED CT)

    /**
     * The code of each section's primary List (ARS/lists_for_message_structure, the table of clinical areas: "For
     * each clinical area query, GP Connect will return a list ... considered to be the primary list"). Sections are
     * identified by code, never by title: titles differ between versions and examples.
     */
    static final Map<SectionKind, String> LIST_CODES = Map.of(
            SectionKind.ALLERGIES, "886921000000105",
            SectionKind.MEDICATIONS, "933361000000108",
            SectionKind.PROBLEMS, "717711000000103",
            SectionKind.CONSULTATIONS, "1149501000000101",
            SectionKind.IMMUNISATIONS, "1102181000000102",
            SectionKind.UNCATEGORISED, "826501000000100",
            SectionKind.INVESTIGATIONS, "887191000000108",
            SectionKind.REFERRALS, "792931000000107",
            SectionKind.DIARY, "714311000000108");

    /**
     * Other codes seen for a section's primary List in the published examples: the referrals example
     * (_includes/accessrecord_structured/referrals_response1.json) codes it 886721000000107 "Referral details".
     */
    static final Map<SectionKind, String> ALTERNATIVE_LIST_CODES = Map.of(SectionKind.REFERRALS, "886721000000107");

    /**
     * Ended allergies List (same table). ARS/allergies_guidance: resolved allergies are sent "in a separate List to
     * the active allergies as contained resources in that List".
     */
    static final String ENDED_ALLERGIES_LIST = "1103671000000101";

    /**
     * The consultation structure (ARS/list_consutation): "List (Consultation) SHALL be coded as 325851000000107",
     * "List (Topic) SHALL be coded as 25851000000105", "List (Heading) SHALL be coded as 24781000000107"; a topic
     * links either to heading Lists or, in a flat consultation, straight to record entries, "never mixed".
     */
    static final String CONSULTATION_LIST = "325851000000107";
    static final String TOPIC_LIST = "25851000000105";
    static final String CATEGORY_LIST = "24781000000107";

    // ------------------------------------------------------------------ extensions

    /**
     * List warning code extension, valueCode (ARS/list and the profile CareConnect-GPC-List-1 in STU3-FHIR-Assets);
     * codes from https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListWarningCode-1.
     */
    static final String EXT_LIST_WARNING = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1";

    /** The warning codes and what they mean for the clinician, in plain English (ARS/lists_for_message_structure). */
    static final Map<String, String> WARNINGS = Map.of(
            "confidential-items", "Some items are not shown because they are confidential or the patient asked for them "
                    + "not to be shared.",
            "data-in-transit", "The patient's record from their previous practice has not fully arrived: older "
                    + "information may be missing.",
            "data-awaiting-filing", "Some recent information (for example results) is waiting to be filed by the "
                    + "practice and is not shown yet.");

    /**
     * The texts a provider puts in {@code List.note} for those warnings (ARS/lists_for_message_structure: "The
     * associated text MUST also be added into the note field"). Carepoint shows its own plain wording instead, so
     * notes that only restate a warning are not shown twice.
     */
    static final List<String> WARNING_NOTE_PREFIXES = List.of(
            "Items excluded due to confidentiality",
            "Patient record transfer from previous GP practice",
            "Patient record contains some items in the GP practice workflow");

    /**
     * Problem significance on the ProblemHeader Condition, valueCode {@code major} or {@code minor}
     * (pages/accessrecord_structured/accessrecord_structured_problems.md, "extension[problemSignificance]", and the
     * profile CareConnect-GPC-ProblemHeader-Condition-1: 1..1, "All Problems MUST have a severity of major or
     * minor"). An HL7 UK CareConnect extension: fhir.hl7.org.uk, not fhir.nhs.uk, and no "GPC".
     */
    static final String EXT_PROBLEM_SIGNIFICANCE =
            "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1";

    /** Allergy end date and reason on ended allergies (ARS/allergies_guidance; _includes/.../allergies_response1.json). */
    static final String EXT_ALLERGY_END =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-AllergyIntoleranceEnd-1";

    /** Prescription type (acute, repeat, ...) on the authorisation (ARS/medicationrequest; meds_response.json). */
    static final String EXT_PRESCRIPTION_TYPE =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1";

    /**
     * Last issue date on the statement (ARS/medicationstatement, "extension[lastIssueDate]"). The published medication
     * example also uses the HL7 UK form; both are read.
     */
    static final String EXT_LAST_ISSUE_DATE =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1";
    static final String EXT_LAST_ISSUE_DATE_HL7 =
            "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-MedicationStatementLastIssueDate-1";

    /**
     * The vaccination procedure (e.g. "First hepatitis A vaccination"), an HL7 UK extension on Immunization; the
     * published example gives vaccineCode as the null flavour UNK and the product only here
     * (_includes/accessrecord_structured/immunizations_response1.json).
     */
    static final String EXT_VACCINATION_PROCEDURE =
            "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-VaccinationProcedure-1";

    // ------------------------------------------------------------------ codes

    /**
     * "No known allergy" (ARS/allergies_guidance, "Negation": an explicit assertion is "an AllergyIntolerance resource
     * containing the appropriate code", SNOMED 716186003; nothing recorded is an empty List instead).
     */
    static final String NO_KNOWN_ALLERGY = "716186003";

    /**
     * A filing comment is an Observation coded "Comment note" 37331000000100, referenced from DiagnosticReport.result
     * (ARS/DiagnosticReport, "result"; ARS/observation_filingComments: code "Fixed value of 37331000000100").
     */
    static final String FILING_COMMENT = "37331000000100";

    /**
     * The generic code a DiagnosticReport carries (ARS/DiagnosticReport, "code": "populate it with the SNOMED
     * ConceptID 721981007 for Diagnostic studies report"): the report is then named by its tests.
     */
    static final String DIAGNOSTIC_STUDIES_REPORT = "721981007";
}
