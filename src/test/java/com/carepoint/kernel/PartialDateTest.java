package com.carepoint.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A record date is shown as precisely as it was recorded, in the NHS display form, and sorts by its earliest day. */
class PartialDateTest {

    static PartialDate year(int y) {
        return new PartialDate(y, null, null, null, null);
    }

    static PartialDate month(int y, int m) {
        return new PartialDate(y, m, null, null, null);
    }

    static PartialDate day(int y, int m, int d) {
        return new PartialDate(y, m, d, null, null);
    }

    static PartialDate at(int y, int m, int d, int h, int min) {
        return new PartialDate(y, m, d, h, min);
    }

    @Test
    void displayForms() {
        assertThat(year(2024).display()).isEqualTo("2024");
        assertThat(month(2024, 1).display()).isEqualTo("Jan-2024");
        assertThat(day(2024, 1, 4).display()).isEqualTo("04-Jan-2024");
        assertThat(day(2024, 12, 31).display()).isEqualTo("31-Dec-2024");
        assertThat(at(2024, 1, 4, 9, 5).display()).isEqualTo("04-Jan-2024 09:05");
        assertThat(at(2024, 1, 4, 23, 59).display()).isEqualTo("04-Jan-2024 23:59");
        assertThat(at(2024, 1, 4, 0, 0).display()).isEqualTo("04-Jan-2024 00:00");
    }

    @Test
    void aTimeIsShownEvenWithALessPreciseDate() {
        assertThat(new PartialDate(2024, 3, null, 14, 30).display()).isEqualTo("Mar-2024 14:30");
        assertThat(new PartialDate(2024, null, null, 8, 0).display()).isEqualTo("2024 08:00");
    }

    @ParameterizedTest
    @CsvSource({"1, Jan", "2, Feb", "3, Mar", "4, Apr", "5, May", "6, Jun", "7, Jul", "8, Aug", "9, Sep", "10, Oct",
            "11, Nov", "12, Dec"})
    void nhsMonthAbbreviationsThreeLettersAlways(int m, String mon) {
        assertThat(month(2023, m).display()).isEqualTo(mon + "-2023");
        assertThat(day(2023, m, 1).display()).isEqualTo("01-" + mon + "-2023");
    }

    @Test
    void septemberIsSepNotSept() {
        assertThat(day(2023, 9, 12).display()).isEqualTo("12-Sep-2023").doesNotContain("Sept");
        assertThat(PartialDate.MONTHS).hasSize(12).allSatisfy(m -> assertThat(m).hasSize(3));
    }

    @Test
    void dateOnlyDropsTheTime() {
        assertThat(at(2024, 1, 4, 9, 5).dateOnly()).isEqualTo("04-Jan-2024");
        assertThat(new PartialDate(2024, 3, null, 14, 30).dateOnly()).isEqualTo("Mar-2024");
        assertThat(new PartialDate(2024, null, null, 14, 30).dateOnly()).isEqualTo("2024");
        assertThat(day(2024, 1, 4).dateOnly()).isEqualTo("04-Jan-2024");
    }

    @Test
    void fromJavaDates() {
        assertThat(PartialDate.of(LocalDate.of(2024, 2, 29))).isEqualTo(day(2024, 2, 29));
        assertThat(PartialDate.of(LocalDateTime.of(2024, 2, 29, 7, 45, 33))).isEqualTo(at(2024, 2, 29, 7, 45));
        assertThat(PartialDate.of(LocalDateTime.of(2024, 2, 29, 7, 45)).display()).isEqualTo("29-Feb-2024 07:45");
    }

    @Test
    void toStringIsTheDisplayForm() {
        assertThat(at(2024, 1, 4, 9, 5)).hasToString("04-Jan-2024 09:05");
        assertThat(month(2024, 9)).hasToString("Sep-2024");
    }

    @Test
    void earliestDay() {
        assertThat(year(2024).earliestDay()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(month(2024, 7).earliestDay()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(day(2024, 7, 19).earliestDay()).isEqualTo(LocalDate.of(2024, 7, 19));
        assertThat(at(2024, 7, 19, 23, 59).earliestDay()).isEqualTo(LocalDate.of(2024, 7, 19));
    }

    @Test
    void ordersByEarliestDayAcrossPrecisions() {
        // A year sorts as 1 January, a month as its 1st.
        assertThat(year(2023).compareTo(day(2023, 1, 2))).isNegative();
        assertThat(day(2023, 1, 2).compareTo(year(2023))).isPositive();
        assertThat(year(2023).compareTo(day(2023, 1, 1))).isZero();
        assertThat(month(2023, 5).compareTo(day(2023, 5, 1))).isZero();
        assertThat(month(2023, 5).compareTo(day(2023, 4, 30))).isPositive();
        assertThat(year(2024).compareTo(month(2023, 12))).isPositive();
        assertThat(day(2023, 12, 31).compareTo(year(2024))).isNegative();
    }

    @Test
    void theDateComesBeforeTheTime() {
        // An earlier day sorts first even when its time is later.
        assertThat(at(2024, 1, 1, 23, 0).compareTo(at(2024, 1, 2, 1, 0))).isNegative();
        assertThat(at(2024, 1, 2, 1, 0).compareTo(at(2024, 1, 1, 23, 0))).isPositive();
        assertThat(day(2024, 1, 1).compareTo(at(2024, 1, 2, 0, 0))).isNegative();
    }

    @Test
    void onTheSameDayByTime() {
        assertThat(at(2024, 1, 1, 9, 59).compareTo(at(2024, 1, 1, 10, 0))).isNegative();
        assertThat(at(2024, 1, 1, 10, 0).compareTo(at(2024, 1, 1, 9, 59))).isPositive();
        assertThat(at(2024, 1, 1, 10, 5).compareTo(at(2024, 1, 1, 10, 10))).isNegative();
        assertThat(at(2024, 1, 1, 10, 10).compareTo(at(2024, 1, 1, 10, 5))).isPositive();
        assertThat(at(2024, 1, 1, 10, 5).compareTo(at(2024, 1, 1, 10, 5))).isZero();
        assertThat(at(2024, 1, 1, 11, 0).compareTo(at(2024, 1, 1, 10, 59))).isPositive();
    }

    @Test
    void noTimeSortsAsMidnight() {
        assertThat(day(2024, 1, 1).compareTo(at(2024, 1, 1, 0, 1))).isNegative();
        assertThat(at(2024, 1, 1, 0, 1).compareTo(day(2024, 1, 1))).isPositive();
        assertThat(day(2024, 1, 1).compareTo(at(2024, 1, 1, 0, 0))).isZero();
        assertThat(at(2024, 1, 1, 0, 0).compareTo(day(2024, 1, 1))).isZero();
        assertThat(at(2024, 1, 1, 1, 0).compareTo(day(2024, 1, 1))).isPositive();
        assertThat(day(2024, 1, 1).compareTo(at(2024, 1, 1, 1, 0))).isNegative();
        assertThat(day(2024, 1, 1).compareTo(day(2024, 1, 1))).isZero();
    }

    @Test
    void sortsAMixedList() {
        List<PartialDate> dates = new ArrayList<>(List.of(at(2024, 3, 5, 14, 0), year(2022), month(2024, 3),
                at(2024, 3, 5, 8, 30), day(2023, 11, 30), day(2024, 3, 5)));
        dates.sort(null);
        assertThat(dates).extracting(PartialDate::display).containsExactly("2022", "30-Nov-2023", "Mar-2024",
                "05-Mar-2024", "05-Mar-2024 08:30", "05-Mar-2024 14:00");
    }
}
