package com.carepoint.gpconnect;

import com.carepoint.kernel.SectionKind;
import com.carepoint.record.SectionRequest;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.PositiveIntType;

/**
 * The {@code $gpc.getstructuredrecord} Parameters for one section (ARS/retrieve_patient_record, parameter table): the
 * first screen asks for the most recent consultations, active problems and medication without its issue history;
 * the full sections ask for everything.
 */
final class StructuredRequests {

    private StructuredRequests() {
    }

    static Parameters parameters(SectionRequest request, String nhsNumber, SectionKind kind) {
        Parameters p = new Parameters();
        p.addParameter().setName("patientNHSNumber")
                .setValue(new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumber));
        Parameters.ParametersParameterComponent section = p.addParameter();
        switch (kind) {
            case ALLERGIES -> section.setName("includeAllergies").addPart().setName("includeResolvedAllergies")
                    .setValue(new BooleanType(request == SectionRequest.FULL));
            // The first screen needs the last issue date only, which each statement carries: no issue list.
            case MEDICATIONS -> section.setName("includeMedication").addPart().setName("includePrescriptionIssues")
                    .setValue(new BooleanType(request == SectionRequest.FULL));
            case PROBLEMS -> {
                section.setName("includeProblems");
                if (request == SectionRequest.FIRST_SCREEN) {
                    section.addPart().setName("filterStatus").setValue(new CodeType("active"));
                }
            }
            case CONSULTATIONS -> {
                section.setName("includeConsultations");
                if (request == SectionRequest.FIRST_SCREEN) {
                    // positiveInt, not integer (the operation definition's type for this part parameter).
                    section.addPart().setName("includeNumberOfMostRecent")
                            .setValue(new PositiveIntType(SectionRequest.FIRST_SCREEN_CONSULTATIONS));
                }
            }
            case IMMUNISATIONS -> section.setName("includeImmunisations").addPart().setName("includeNotGiven")
                    .setValue(new BooleanType(true));
            case UNCATEGORISED -> section.setName("includeUncategorisedData");
            case INVESTIGATIONS -> section.setName("includeInvestigations");
            case REFERRALS -> section.setName("includeReferrals");
            case DIARY -> section.setName("includeDiaryEntries");
            // Documents are shared through Access Document (GpConnectDocuments), never asked of the structured record.
            case DOCUMENTS -> throw new IllegalArgumentException("Documents are not part of the structured record");
        }
        return p;
    }
}
