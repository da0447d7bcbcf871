package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/** Clinicians' names in one style whatever the GP system sends (issue 14, row 14). */
class ClinicianNameTest {

    @Test
    void namePartsWithATitleAreTitleGivenFamily() {
        assertThat(StructuredRecordMapper.clinicianName(new HumanName().setFamily("Marsh").addGiven("Helen")
                .addPrefix("Dr"))).isEqualTo("Dr Helen Marsh");
    }

    @Test
    void aSystemSendingTextSurnameFirstInCapitalsAsWellAsThePartsIsShownInTheSameStyle() {
        // Meridian Clinical's style: the parts, no title, and a text line "KAPOOR, Rajesh".
        HumanName meridian = new HumanName().setFamily("Kapoor").addGiven("Rajesh").setText("KAPOOR, Rajesh");
        assertThat(StructuredRecordMapper.clinicianName(meridian)).isEqualTo("Rajesh Kapoor");
    }

    @Test
    void aFamilyNameInCapitalsIsShownInTheUsualCaseAndMixedCaseIsKept() {
        assertThat(StructuredRecordMapper.clinicianName(new HumanName().setFamily("O'NEILL-SMITH").addGiven("Ann")))
                .isEqualTo("Ann O'Neill-Smith");
        assertThat(StructuredRecordMapper.clinicianName(new HumanName().setFamily("McDonald").addGiven("Ian")))
                .isEqualTo("Ian McDonald");
    }

    @Test
    void aNameSentAsTextAloneIsTurnedRoundWhenSurnameFirst() {
        assertThat(StructuredRecordMapper.clinicianName(new HumanName().setText("NOWAK, Tomasz (Dr)")))
                .isEqualTo("Dr Tomasz Nowak");
        assertThat(StructuredRecordMapper.clinicianName(new HumanName().setText("Dr Aisha Rahman")))
                .isEqualTo("Dr Aisha Rahman");
        assertThat(StructuredRecordMapper.clinicianName(new HumanName().setPrefix(List.of(new StringType("Dr")))))
                .isEmpty();
    }
}
