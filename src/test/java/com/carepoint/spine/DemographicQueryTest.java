package com.carepoint.spine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a demographic search needs before it is sent, checked on the server whatever the browser allowed. */
class DemographicQueryTest {

    static final LocalDate BORN = LocalDate.of(1961, 1, 4);

    @Test
    void anOverLongNameOrPostcodeIsRefusedWithWhatToDo() {
        String longText = "x".repeat(DemographicQuery.MAX_LENGTH + 1);
        assertThat(new DemographicQuery(longText, Optional.of("Susan"), BORN, Optional.empty(), Optional.empty())
                .tooVague()).hasValueSatisfying(m -> assertThat(m).contains("up to 100 characters"));
        assertThat(new DemographicQuery("Hargreaves", Optional.of(longText), BORN, Optional.empty(), Optional.empty())
                .tooVague()).isPresent();
        assertThat(new DemographicQuery("Hargreaves", Optional.empty(), BORN, Optional.empty(), Optional.of(longText))
                .tooVague()).isPresent();
        assertThat(new DemographicQuery("x".repeat(DemographicQuery.MAX_LENGTH), Optional.of("Susan"), BORN,
                Optional.empty(), Optional.empty()).tooVague()).isEmpty();
    }
}
