package com.carepoint.demopractice.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.data.ScheduleTemplate.BookableBy;
import com.carepoint.demopractice.provider.Schedules.Slot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Appointment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The demo services' slots, generated from {@code appointments.yaml} against a clock the test sets: the same day
 * gives the same slots, the horizon is four weeks plus the next clock change, slots keep their real length across a
 * change and carry the offset of each instant, and the slot availability matching table holds row by row.
 */
class AppointmentScheduleTest {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final DemoData DATA = DemoData.load(new DefaultResourceLoader(), "classpath:demo-data/");

    static PracticeAppointments service(String ods, Instant now) {
        DemoRecords records = new DemoRecords(DATA, Clock.fixed(now, ZoneOffset.UTC));
        return new PracticeAppointments(DATA.practice(ods).orElseThrow(), records);
    }

    @Test
    void theSameDayGivesTheSameSlotsWithTheSameIds() {
        Instant now = Instant.parse("2026-12-03T09:45:00Z");
        Instant to = now.plus(Duration.ofDays(14));
        List<String> first = service("Y02345", now).schedules().slots(now, to).stream().map(Slot::id).toList();
        List<String> again = service("Y02345", now).schedules().slots(now, to).stream().map(Slot::id).toList();
        assertThat(first).isNotEmpty().isEqualTo(again);
        // A slot is found again from its id alone, and an id that is not one of them is not.
        Schedules schedules = service("Y02345", now).schedules();
        assertThat(schedules.slot(first.get(3))).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(first.get(3)));
        assertThat(schedules.slot(first.get(3) + "1")).isEmpty();
        assertThat(schedules.slot("Y02345-TEL-x")).isEmpty();
        assertThat(schedules.slot("A20047-MARSH-" + first.get(3).substring(first.get(3).lastIndexOf('-') + 1))).isEmpty();
    }

    @Test
    void slotsAreGeneratedForFourWeeksAndTheDaysOfTheNextClockChange() {
        Schedules s = service("Y02345", Instant.parse("2026-12-03T09:45:00Z")).schedules();
        assertThat(days(s, "2026-12-30", "2026-12-31")).isNotEmpty();
        assertThat(days(s, "2027-01-01", "2027-01-02")).as("after four weeks").isEmpty();
        assertThat(days(s, "2027-03-25", "2027-03-26")).as("before the change").isEmpty();
        assertThat(days(s, "2027-03-27", "2027-03-28")).as("the change").isNotEmpty();
    }

    static List<Slot> days(Schedules s, String from, String to) {
        return s.slots(LocalDate.parse(from).atStartOfDay(UK).toInstant(),
                LocalDate.parse(to).plusDays(1).atStartOfDay(UK).toInstant());
    }

    @Test
    void aSlotAcrossTheSpringChangeKeepsItsLengthAndEachEndItsOffset() {
        Schedules s = service("Y02345", Instant.parse("2027-03-20T12:00:00Z")).schedules();
        Slot across = s.slots(Instant.parse("2027-03-27T12:00:00Z"), Instant.parse("2027-03-28T12:00:00Z")).stream()
                .filter(x -> x.start().isBefore(Instant.parse("2027-03-28T01:00:00Z"))
                        && x.end().isAfter(Instant.parse("2027-03-28T01:00:00Z")))
                .findFirst().orElseThrow();
        assertThat(UkTime.format(across.start())).isEqualTo("2027-03-28T00:50:00+00:00");
        assertThat(UkTime.format(across.end())).isEqualTo("2027-03-28T02:15:00+01:00");
        assertThat(Duration.between(across.start(), across.end())).isEqualTo(Duration.ofMinutes(25));
        // The night session is an hour shorter: 23:00 GMT to 07:00 BST.
        List<Slot> night = s.slots(Instant.parse("2027-03-27T22:00:00Z"), Instant.parse("2027-03-28T07:00:00Z"));
        assertThat(UkTime.format(night.getLast().end())).isEqualTo("2027-03-28T06:50:00+01:00");
    }

    @Test
    void aSlotAcrossTheAutumnChangeEndsEarlierOnTheClockThanItStarts() {
        Schedules s = service("Y02345", Instant.parse("2027-10-25T12:00:00Z")).schedules();
        Instant change = Instant.parse("2027-10-31T01:00:00Z");
        Slot across = s.slots(Instant.parse("2027-10-30T12:00:00Z"), Instant.parse("2027-10-31T12:00:00Z")).stream()
                .filter(x -> x.start().isBefore(change) && x.end().isAfter(change)).findFirst().orElseThrow();
        assertThat(UkTime.format(across.start())).endsWith("+01:00");
        assertThat(UkTime.format(across.end())).endsWith("+00:00");
        assertThat(UkTime.format(across.end()).substring(11, 16)).isLessThan(UkTime.format(across.start()).substring(11, 16));
        assertThat(Duration.between(across.start(), across.end()).toMinutes()).isIn(25L, 30L);
    }

    /** appointments_provider_sys_slot_availability.md, the matching table, row by row. */
    @ParameterizedTest(name = "restricted to types [{0}] codes [{1}], filter types [{2}] codes [{3}]: {4}")
    @CsvSource(delimiter = ';', value = {
            // no search filter: only unrestricted slots
            " ; ; ; ; true", "urgent-care; ; ; ; false", " ; NL311; ; ; false",
            // organisation type only
            " ; ; urgent-care; ; true", "urgent-care; ; urgent-care; ; true", "gp-practice; ; urgent-care; ; false",
            " ; NL311; urgent-care; ; false",
            // organisation code only
            " ; NL311; ; NL311; true", " ; RX9; ; NL311; false", "urgent-care; ; ; NL311; false",
            // both
            "urgent-care; NL311; urgent-care; NL311; true", "urgent-care; ; urgent-care; RX9; true",
            " ; RX9; urgent-care; RX9; true", "urgent-care; RX9; urgent-care; NL311; false",
            "gp-practice; ; urgent-care; RX9; false"})
    void theMatchingTable(String types, String codes, String filterTypes, String filterCodes, boolean bookable) {
        BookableBy restriction = new BookableBy(list(types), list(codes));
        assertThat(Schedules.bookable(restriction, Set.copyOf(list(filterTypes)), Set.copyOf(list(filterCodes))))
                .isEqualTo(bookable);
    }

    static List<String> list(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim());
    }

    @Test
    void theBookIsBoundedPastAndCancelledAppointmentsGoFirst() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:45:00Z"), ZoneOffset.UTC);
        AppointmentBook book = new AppointmentBook(clock);
        Instant future = Instant.parse("2026-12-10T09:00:00Z");
        AppointmentBook.Stored kept = book.book(new Appointment(), "p", List.of("active"), future, false);
        for (int i = 0; i < AppointmentBook.RETAINED_INACTIVE + 50; i++) {
            book.book(new Appointment(), "p", List.of("s" + i), future, true);
        }
        assertThat(book.size()).isEqualTo(AppointmentBook.RETAINED_INACTIVE + 1);
        assertThat(book.get(kept.id())).isPresent();
        assertThat(book.taken("active")).isTrue();
    }

    @Test
    void theSeededAppointmentsAreInTheBooksWhenTheyOpen() {
        Instant now = Instant.parse("2026-12-03T09:45:00Z");
        PracticeAppointments ooh = service("Y02345", now);
        String patient = ooh.foundations().patientId(DATA.patient("9990000018").orElseThrow());
        List<AppointmentBook.Stored> today = ooh.book().forPatient(patient,
                LocalDate.parse("2026-12-03").atStartOfDay(UK).toInstant(), now.plus(Duration.ofDays(1)));
        assertThat(today).singleElement().satisfies(a -> assertThat(UkTime.format(a.start()))
                .isEqualTo("2026-12-03T00:20:00+00:00"));
        PracticeAppointments practice = service("A20047", now);
        String there = practice.foundations().patientId(DATA.patient("9990000018").orElseThrow());
        assertThat(practice.book().forPatient(there, now, now.plus(Duration.ofDays(30))))
                .extracting(AppointmentBook.Stored::cancelled).containsExactlyInAnyOrder(false, true);
    }
}
