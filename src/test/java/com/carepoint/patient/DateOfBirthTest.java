package com.carepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.patient.DateOfBirth.Result;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hazard H-041: what clinicians type as a date of birth, and a two-digit year that never gives a future date. */
class DateOfBirthTest {

    /** The day the tests judge on (the class never reads the clock). */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "4/1/61|1961-01-04",
            "04/01/61|1961-01-04",
            "04-01-1961|1961-01-04",
            "4 Jan 1961|1961-01-04",
            "04/01/1961|1961-01-04",
            "4.1.1961|1961-01-04",
            "4 January 1961|1961-01-04",
            "4 jan 61|1961-01-04",
            "4th Jan 1961|1961-01-04",
            "4-Jan-1961|1961-01-04",
            "4 Sept 1961|1961-09-04",
            "04011961|1961-01-04",
            "  4 / 1 / 1961  |1961-01-04",
            "29/02/2000|2000-02-29",
            "3/12/2026|2026-12-03"})
    void acceptsWhatCliniciansType(String typed, LocalDate expected) {
        assertThat(DateOfBirth.parse(typed, TODAY)).isEqualTo(new Result.Valid(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            // This century while the date has already happened...
            "3/12/26|2026-12-03",
            "1/1/00|2000-01-01",
            "4/1/25|2025-01-04",
            // ...the previous century once it would be in the future: never a future date of birth.
            "4/12/26|1926-12-04",
            "4/1/27|1927-01-04",
            "4/1/61|1961-01-04",
            "31/12/99|1999-12-31",
            // 29 February 2028 is still to come; 1928 was a leap year too.
            "29/2/28|1928-02-29"})
    void aTwoDigitYearIsTheLatestThatIsNotInTheFuture(String typed, LocalDate expected) {
        assertThat(DateOfBirth.parse(typed, TODAY)).isEqualTo(new Result.Valid(expected));
    }

    @Test
    void theTwoDigitYearRuleMovesWithTheDay() {
        assertThat(DateOfBirth.parse("4/1/27", LocalDate.of(2027, 1, 4))).isEqualTo(
                new Result.Valid(LocalDate.of(2027, 1, 4)));
        assertThat(DateOfBirth.parse("4/1/27", LocalDate.of(2027, 1, 3))).isEqualTo(
                new Result.Valid(LocalDate.of(1927, 1, 4)));
    }

    @Test
    void aFutureDateSaysSo() {
        assertThat(DateOfBirth.parse("4/12/2026", TODAY)).isEqualTo(new Result.Problem(
                "The date of birth cannot be in the future: 4 December 2026 is after today. Check the year."));
        assertThat(DateOfBirth.parse("04-01-2061", TODAY)).isEqualTo(new Result.Problem(
                "The date of birth cannot be in the future: 4 January 2061 is after today. Check the year."));
    }

    @Test
    void anImpossibleDateSaysWhichDayDoesNotExist() {
        assertThat(DateOfBirth.parse("31/02/1961", TODAY)).isEqualTo(new Result.Problem(
                "There is no 31 February 1961: check the day and month."));
        assertThat(DateOfBirth.parse("29/2/29", TODAY)).isEqualTo(new Result.Problem(
                "There is no 29 February 1929: check the day and month."));
        assertThat(DateOfBirth.parse("0/1/1961", TODAY)).isEqualTo(new Result.Problem(
                "There is no 0 January 1961: check the day and month."));
        assertThat(DateOfBirth.parse("12/13/1961", TODAY)).isEqualTo(new Result.Problem(
                "There is no month 13: check the day and month (day first, then month)."));
    }

    @Test
    void aYearTooLongAgoSaysCheckTheYear() {
        assertThat(DateOfBirth.parse("4/1/1861", TODAY)).isEqualTo(new Result.Problem(
                "The date of birth cannot be more than 130 years ago: check the year (1861)."));
        assertThat(DateOfBirth.parse("4/1/1896", TODAY)).isEqualTo(new Result.Valid(LocalDate.of(1896, 1, 4)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1961", "4/1", "yesterday", "4/1/961", "4 Jn 1961 x", "1961-01-04T00:00"})
    void somethingElseIsNotRecognisedAndTheFormsAreShown(String typed) {
        assertThat(DateOfBirth.parse(typed, TODAY)).isEqualTo(new Result.Problem("\"" + typed + "\" is not a date "
                + "Carepoint recognises. Type the day, month and year, for example 4/1/1961, 04-01-1961 or 4 Jan 1961."));
    }

    @Test
    void aWordThatIsNotAMonthIsNamed() {
        assertThat(DateOfBirth.parse("4 Jnu 1961", TODAY)).isEqualTo(new Result.Problem(
                "\"Jnu\" is not a month. Type the day, month and year, for example 4/1/1961, 04-01-1961 or 4 Jan 1961."));
        assertThat(DateOfBirth.parse("4 Janu 1961", TODAY)).isEqualTo(new Result.Problem(
                "\"Janu\" is not a month. Type the day, month and year, for example 4/1/1961, 04-01-1961 or 4 Jan 1961."));
    }

    @Test
    void blankAsksForTheDate() {
        assertThat(DateOfBirth.parse("  ", TODAY)).isEqualTo(new Result.Problem(
                "Enter the date of birth. Type the day, month and year, for example 4/1/1961, 04-01-1961 or 4 Jan 1961."));
        assertThat(DateOfBirth.parse(null, TODAY)).isInstanceOf(Result.Problem.class);
    }

    @Test
    void shownWithTheFullYear() {
        assertThat(DateOfBirth.shown(LocalDate.of(1961, 1, 4))).isEqualTo("4 January 1961");
    }
}
