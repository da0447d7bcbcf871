package com.carepoint.gpconnect.senddocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.kernel.NhsNumber;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The registered-practice address, from nhsconnect/gpconnect-messaging pages/integration/integration_mesh.md: "Date of
 * birth is specified in yyyyMMdd format. For example, when sending a message about a patient Mr Brian Smith, born 14
 * February 2001, with NHS Number 12345678, the Mex_To field will have the following value:
 * GPPROVIDER_12345678_20010214_Smith". (The example's 8-digit NHS number is not a valid one; a synthetic 999 number is
 * used with the example's date and surname.)
 */
class GpProviderAddressTest {

    static final NhsNumber NHS = new NhsNumber("9990000018");

    @Test
    void theSpecificationsExampleShape() {
        assertThat(GpProviderAddress.of(NHS, LocalDate.of(2001, 2, 14), "Smith"))
                .isEqualTo("GPPROVIDER_9990000018_20010214_Smith");
    }

    @Test
    void theDateOfBirthIsYearMonthDayWithLeadingZeros() {
        assertThat(GpProviderAddress.of(NHS, LocalDate.of(1957, 1, 9), "Smith"))
                .isEqualTo("GPPROVIDER_9990000018_19570109_Smith");
        assertThat(GpProviderAddress.of(NHS, LocalDate.of(1905, 12, 31), "Smith")).contains("_19051231_");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Smith|Smith",
            "SMITH|SMITH",
            "Smith-Jones|Smith-Jones",
            "O'Brien|O'Brien",
            "O’Brien|O'Brien",
            "van der Berg|van der Berg",
            "  van   der  Berg |van der Berg",
            "Zoë-Brontë|Zoe-Bronte",
            "Núñez|Nunez",
            "Łukasiewicz|Lukasiewicz",
            "Ødegård|Odegard",
            "Strauß|Strauss"})
    void surnamesKeepTheirLettersHyphensApostrophesAndSpacesInAsciiForm(String surname, String expected) {
        assertThat(GpProviderAddress.of(NHS, LocalDate.of(1980, 5, 1), surname))
                .isEqualTo("GPPROVIDER_9990000018_19800501_" + expected);
    }

    @Test
    void aSurnameThatCannotBeCarriedIsRefusedNotGuessed() {
        assertThatThrownBy(() -> GpProviderAddress.of(NHS, LocalDate.of(1980, 5, 1), "李"))
                .isInstanceOf(GpProviderAddress.UnaddressableException.class);
        assertThatThrownBy(() -> GpProviderAddress.of(NHS, LocalDate.of(1980, 5, 1), "Smith_Jones"))
                .isInstanceOf(GpProviderAddress.UnaddressableException.class);
        assertThatThrownBy(() -> GpProviderAddress.of(NHS, LocalDate.of(1980, 5, 1), "  "))
                .isInstanceOf(GpProviderAddress.UnaddressableException.class);
        assertThatThrownBy(() -> GpProviderAddress.of(NHS, LocalDate.of(1980, 5, 1), "Smith\u0007"))
                .isInstanceOf(GpProviderAddress.UnaddressableException.class);
    }
}
