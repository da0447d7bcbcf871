package com.carepoint.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.Allergy;
import com.carepoint.record.RecordItems.AllergyState;
import com.carepoint.record.RecordItems.Coded;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The allergy section's statement: "no known allergies" only while the practice still asserts it. */
class AllergyStateTest {

    static Allergy allergy(String what, boolean active, boolean nka) {
        return new Allergy(new Coded(what, Optional.empty()), active, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), nka);
    }

    static AllergyState state(Allergy... items) {
        return AllergiesRenderer.allergyState(Section.loaded(SectionKind.ALLERGIES, List.of(items), List.of(), List.of()));
    }

    @Test
    void anEndedNoKnownAllergiesIsNotAStatementOfNoKnownAllergies() {
        assertThat(state(allergy("No known allergy", false, true), allergy("Allergy to penicillin", false, false)))
                .isEqualTo(AllergyState.NONE_RECORDED);
        assertThat(state(allergy("No known allergy", true, true))).isEqualTo(AllergyState.NO_KNOWN_ALLERGIES);
        assertThat(state(allergy("No known allergy", true, true), allergy("Allergy to latex", true, false)))
                .isEqualTo(AllergyState.RECORDED);
        assertThat(state()).isEqualTo(AllergyState.NONE_RECORDED);
    }
}
