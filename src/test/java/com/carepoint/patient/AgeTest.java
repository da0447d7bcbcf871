package com.carepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Age as NHS screens show it. Every case passes the day to measure on: nothing here reads the real clock. The rules
 * (from the class): under 4 weeks in days ({@code 27d}); then weeks until the first whole month ({@code 4w}); under 2
 * years in months and whole weeks past the month ({@code 2m 1w}, no {@code 0w}); from the 2nd birthday in years.
 */
class AgeTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Test
    void bornToday() {
        assertThat(Age.of(TODAY, TODAY)).isEqualTo("0d");
    }

    @Test
    void notYetBorn() {
        assertThat(Age.of(TODAY.plusDays(1), TODAY)).isEqualTo("not yet born");
        assertThat(Age.of(TODAY.plusYears(1), TODAY)).isEqualTo("not yet born");
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
            // Days, up to 27
            "2025-06-14, 2025-06-15, 1d",
            "2025-05-19, 2025-06-15, 27d",
            // 28 days: weeks while there is no whole month yet...
            "2025-05-18, 2025-06-15, 4w",
            "2023-01-01, 2023-01-29, 4w",
            "2022-05-10, 2022-06-09, 4w", // 30 days, 4 whole weeks
            // ...but February's 28 days are a whole month
            "2023-02-01, 2023-03-01, 1m",
            "2022-05-10, 2022-06-10, 1m",
            // Months, with whole weeks past the month only when there is at least one
            "2023-01-01, 2023-03-07, 2m",
            "2023-01-01, 2023-03-08, 2m 1w",
            "2023-01-01, 2023-03-29, 2m 4w",
            "2024-12-15, 2025-06-15, 6m",
            "2024-12-15, 2025-06-14, 5m 4w",
            // One year: still months (and weeks), as 12m and upwards
            "2022-05-10, 2023-05-09, 11m 4w",
            "2022-05-10, 2023-05-10, 12m",
            "2022-05-10, 2023-05-11, 12m",
            "2022-05-10, 2023-05-17, 12m 1w",
            "2022-05-10, 2023-08-24, 15m 2w",
            // 2nd birthday: the day before, the day, the day after
            "2022-05-10, 2024-05-09, 23m 4w",
            "2022-05-10, 2024-05-10, 2y",
            "2022-05-10, 2024-05-11, 2y",
            // Adults: a day before and on a birthday
            "1961-01-04, 2025-01-03, 63y",
            "1961-01-04, 2025-01-04, 64y",
            "1961-01-04, 2025-01-05, 64y"})
    void ages(LocalDate born, LocalDate on, String shown) {
        assertThat(Age.of(born, on)).isEqualTo(shown);
    }

    /** Born on 29 February: in a leap year the birthday is 29 Feb; in other years the year is complete on 1 March. */
    @ParameterizedTest(name = "born 29-Feb-2020, on {0}: {1}")
    @CsvSource({
            "2020-02-29, 0d",
            "2020-03-28, 4w",
            "2020-03-29, 1m",
            "2020-04-05, 1m 1w",
            // Non-leap years: 28 Feb is still the year before, 1 March the birthday
            "2021-02-28, 11m 4w",
            "2021-03-01, 12m",
            "2022-02-28, 23m 4w",
            "2022-03-01, 2y",
            "2023-02-28, 2y",
            "2023-03-01, 3y",
            // Leap year: 29 Feb is the birthday
            "2024-02-28, 3y",
            "2024-02-29, 4y",
            "2024-03-01, 4y"})
    void leapDayBirthday(LocalDate on, String shown) {
        assertThat(Age.of(LocalDate.of(2020, 2, 29), on)).isEqualTo(shown);
    }

    @Test
    void endOfMonthBirthdayIntoAShorterMonth() {
        assertThat(Age.of(LocalDate.of(2023, 1, 31), LocalDate.of(2023, 2, 28))).isEqualTo("4w");
        assertThat(Age.of(LocalDate.of(2023, 1, 31), LocalDate.of(2023, 3, 1))).isEqualTo("1m");
    }
}
