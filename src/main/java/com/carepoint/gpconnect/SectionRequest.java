package com.carepoint.gpconnect;

import com.carepoint.record.SectionKind;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.Parameters;

/**
 * What to ask for in a section: the first screen asks for the most recent consultations, active problems and
 * medication without its issue history; the full sections ask for everything (ended allergies, all consultations,
 * inactive problems, every prescription issue).
 */
public enum SectionRequest {
    /** The emergency first screen: current information, fast. */
    FIRST_SCREEN,
    /** The whole section, on demand. */
    FULL;

    static final int FIRST_SCREEN_CONSULTATIONS = 3;

    Parameters parameters(String nhsNumber, SectionKind kind) {
        Parameters p = new Parameters();
        p.addParameter().setName("patientNHSNumber")
                .setValue(new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumber));
        Parameters.ParametersParameterComponent section = p.addParameter();
        switch (kind) {
            case ALLERGIES -> section.setName("includeAllergies").addPart().setName("includeResolvedAllergies")
                    .setValue(new BooleanType(this == FULL));
            // The first screen needs the last issue date only, which each statement carries: no issue list.
            case MEDICATIONS -> section.setName("includeMedication").addPart().setName("includePrescriptionIssues")
                    .setValue(new BooleanType(this == FULL));
            case PROBLEMS -> {
                section.setName("includeProblems");
                if (this == FIRST_SCREEN) {
                    section.addPart().setName("filterStatus").setValue(new CodeType("active"));
                }
            }
            case CONSULTATIONS -> {
                section.setName("includeConsultations");
                if (this == FIRST_SCREEN) {
                    // positiveInt, not integer (the operation definition's type for this part parameter).
                    section.addPart().setName("includeNumberOfMostRecent")
                            .setValue(new PositiveIntType(FIRST_SCREEN_CONSULTATIONS));
                }
            }
            case IMMUNISATIONS -> section.setName("includeImmunisations").addPart().setName("includeNotGiven")
                    .setValue(new BooleanType(true));
            case UNCATEGORISED -> section.setName("includeUncategorisedData");
            case INVESTIGATIONS -> section.setName("includeInvestigations");
            case REFERRALS -> section.setName("includeReferrals");
            case DIARY -> section.setName("includeDiaryEntries");
        }
        return p;
    }
}
