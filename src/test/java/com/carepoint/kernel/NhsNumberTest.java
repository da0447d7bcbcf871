package com.carepoint.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The modulus 11 check of an NHS number, for every remainder. All numbers are synthetic (999 range), worked out by
 * hand: the first nine digits are weighted 10, 9, ... 2 and summed; check digit = 11 - (sum mod 11), where 11 means 0
 * and 10 means the number cannot be valid. For 999 000 00d the sum is 9x10 + 9x9 + 9x8 + d x 2 = 243 + 2d.
 */
class NhsNumberTest {

    /** One valid number for each remainder that gives a check digit (every remainder except 1). */
    @ParameterizedTest(name = "{0}: sum {1}, remainder {2}, check digit {3}")
    @CsvSource({
            // number,   sum, sum mod 11, check digit
            "9990000050, 253, 0, 0", // 11 - 0 = 11, which means 0
            "9990000069, 255, 2, 9",
            "9990000018, 245, 3, 8",
            "9990000077, 257, 4, 7",
            "9990000026, 247, 5, 6",
            "9990000085, 259, 6, 5",
            "9990000034, 249, 7, 4",
            "9990000093, 261, 8, 3",
            "9990000042, 251, 9, 2",
            "9990000131, 252, 10, 1"}) // 243 + 1x3 + 3x2
    void everyRemainderThatGivesACheckDigit(String number, int sum, int remainder, int check) {
        assertThat(weightedSum(number)).isEqualTo(sum);
        assertThat(sum % 11).isEqualTo(remainder);
        assertThat(number.charAt(9) - '0').isEqualTo(check);

        assertThat(NhsNumber.isValid(number)).isTrue();
        assertThat(NhsNumber.problemWith(number)).isEmpty();
        assertThat(NhsNumber.parse(number)).contains(new NhsNumber(number));
        assertThat(new NhsNumber(number).value()).isEqualTo(number);
    }

    /** Every other final digit after the same nine digits is wrong. */
    @ParameterizedTest
    @ValueSource(strings = {"9990000051", "9990000059", "9990000060", "9990000068", "9990000010", "9990000019",
            "9990000130", "9990000132", "9990000139"})
    void wrongCheckDigit(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
        assertThat(NhsNumber.parse(number)).isEmpty();
        assertThat(NhsNumber.problemWith(number)).contains(
                "This is not a valid NHS number: check each digit with the patient or their documents");
        assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber(number))
                .withMessage("Not a valid NHS number");
    }

    /** 999 000 000: sum 243, remainder 1, check digit 10: no final digit makes it valid. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void remainderOneIsNeverValid(int last) {
        String number = "999000000" + last;
        assertThat(weightedSum(number)).isEqualTo(243);
        assertThat(243 % 11).isEqualTo(1);
        assertThat(NhsNumber.isValid(number)).isFalse();
        assertThat(NhsNumber.parse(number)).isEmpty();
        assertThat(NhsNumber.problemWith(number)).contains(
                "This is not a valid NHS number: check each digit with the patient or their documents");
    }

    @Test
    void theCheckDigitItselfIsNotWeighted() {
        // If the check digit were weighted x1 into the sum, 999 000 001 8 would sum 253 (remainder 0, check 0).
        assertThat(NhsNumber.isValid("9990000018")).isTrue();
        assertThat(NhsNumber.isValid("9990000010")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "999 000 0018|9990000018",
            "999-000-0018|9990000018",
            "  999 000-0018  |9990000018",
            "9 9 9 0 0 0 0 0 1 8|9990000018",
            "999\t000\t0018|9990000018",
            "999--000--0131|9990000131"})
    void spacesAndHyphensAreIgnored(String typed, String digits) {
        assertThat(NhsNumber.normalise(typed)).isEqualTo(digits);
        assertThat(NhsNumber.problemWith(typed)).isEmpty();
        assertThat(NhsNumber.parse(typed)).map(NhsNumber::value).contains(digits);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " - - ", "\t"})
    void nothingTyped(String typed) {
        assertThat(NhsNumber.problemWith(typed)).contains("Enter the patient's NHS number");
        assertThat(NhsNumber.parse(typed)).isEmpty();
    }

    @Test
    void nullIsNotValid() {
        assertThat(NhsNumber.normalise(null)).isEmpty();
        assertThat(NhsNumber.isValid(null)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999000001A", "999.000.0018", "999/000/0018", "+9990000018", "999_000_0018", "NHS9990000018",
            "９９９０００００１８"}) // full-width digits are not ASCII digits
    void otherCharacters(String typed) {
        assertThat(NhsNumber.problemWith(typed)).contains("An NHS number has only digits (spaces and hyphens are fine)");
        assertThat(NhsNumber.isValid(typed)).isFalse();
        assertThat(NhsNumber.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "9, 1",
            "999000001, 9",
            "99900000180, 11",
            "'999 000 001', 9",
            "'999 000 00181', 11",
            "99900000180000000000, 20"})
    void wrongLength(String typed, int length) {
        assertThat(NhsNumber.problemWith(typed)).contains("An NHS number has 10 digits; this has " + length);
        assertThat(NhsNumber.parse(typed)).isEmpty();
    }

    @Test
    void isValidWantsExactlyTenDigitsWithoutSeparators() {
        assertThat(NhsNumber.isValid("999 000 0018")).isFalse();
        assertThat(NhsNumber.isValid("999000001")).isFalse();
        assertThat(NhsNumber.isValid("99900000180")).isFalse();
        assertThat(NhsNumber.isValid("")).isFalse();
    }

    @Test
    void formattedThreeThreeFour() {
        assertThat(new NhsNumber("9990000018").formatted()).isEqualTo("999 000 0018");
        assertThat(new NhsNumber("9990000131").formatted()).isEqualTo("999 000 0131");
        assertThat(NhsNumber.parse("999-000-0050").orElseThrow().formatted()).isEqualTo("999 000 0050");
    }

    @Test
    void toStringNeverShowsTheNumber() {
        NhsNumber n = new NhsNumber("9990000018");
        assertThat(n.toString()).isEqualTo("NhsNumber[redacted]");
        assertThat("patient " + n).isEqualTo("patient NhsNumber[redacted]").doesNotContain("999");
    }

    @Test
    void equalityIsByValue() {
        NhsNumber a = new NhsNumber("9990000018");
        NhsNumber typedWithSpaces = NhsNumber.parse("999 000 0018").orElseThrow();
        NhsNumber other = new NhsNumber("9990000026");
        assertThat(a).isEqualTo(typedWithSpaces).hasSameHashCodeAs(typedWithSpaces).isNotEqualTo(other);
        assertThat(a).isNotEqualTo("9990000018");
    }

    /** The weighted sum worked out independently of the class under test. */
    private static int weightedSum(String number) {
        int sum = 0;
        int weight = 10;
        for (char c : number.substring(0, 9).toCharArray()) {
            sum += Character.getNumericValue(c) * weight--;
        }
        return sum;
    }
}
