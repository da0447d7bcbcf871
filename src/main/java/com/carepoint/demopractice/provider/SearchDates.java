package com.carepoint.demopractice.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code start} and {@code end} search values of Search for free slots (nhsconnect/gpconnect,
 * pages/appointments/appointments_use_case_search_for_free_slots.md): "The start and end parameters SHALL contain
 * a search prefix as specified above, and: either, a date in the format yyyy-mm-dd. Partial dates are not allowed.
 * or, a dateTime in the format yyyy-mm-ddThh:mm:ss+hh:mm in (UK) local time, with the timezone offset +00:00 for
 * UTC and +01:00 for BST." Anything else is INVALID_PARAMETER (422), as the NHS provider test suite expects
 * ({@code SearchForFreeSlots.feature}: no offset, {@code Z}, {@code yyyy}, {@code yyyy-MM}, invalid text).
 *
 * @param local   the value as a UK local date-time (a date is its midnight), used to measure the range
 * @param instant where a slot must start at or after ({@code start}) or end at or before ({@code end}); for an
 *                end date, the end of that day
 */
record SearchDates(LocalDateTime local, Instant instant) {

    /** Parses the value after its prefix; {@code end} dates are inclusive of the whole day ("on or before"). */
    static SearchDates parse(String name, String value, boolean end) {
        // A '+' sent unencoded in a query string arrives as a space (the spec's own examples show it unencoded).
        String v = value.trim().length() == 25 && value.charAt(19) == ' '
                ? value.substring(0, 19) + "+" + value.substring(20) : value.trim();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate d;
            try {
                d = LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw GpcErrors.invalidParameter(name + " " + value + " is not a valid date");
            }
            LocalDate bound = end ? d.plusDays(1) : d;
            Instant instant = bound.atStartOfDay(UkTime.UK).toInstant();
            // A slot ending at midnight after an end date ends on the next day; "on or before" that date excludes it.
            return new SearchDates(d.atStartOfDay(), end ? instant.minusSeconds(1) : instant);
        }
        if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}")) {
            OffsetDateTime t;
            try {
                t = OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                throw GpcErrors.invalidParameter(name + " " + value + " is not a valid dateTime");
            }
            if (!UkTime.UK.getRules().isValidOffset(t.toLocalDateTime(), t.getOffset())) {
                throw GpcErrors.invalidParameter(name + " " + value + " is not UK local time: on that date and time "
                        + "the offset is " + UkTime.UK.getRules().getValidOffsets(t.toLocalDateTime())
                        + " (+00:00 for GMT, +01:00 for BST)");
            }
            return new SearchDates(t.toLocalDateTime(), t.toInstant());
        }
        throw GpcErrors.invalidParameter(name + " " + value + " must be a date yyyy-mm-dd or a dateTime "
                + "yyyy-mm-ddThh:mm:ss+hh:mm in UK local time");
    }

    /**
     * "SHALL return an error if: the time period defined by start and end parameters is greater than a two week
     * period". Measured on the UK local values (a date as its midnight), so start date + 14 days is allowed and
     * + 15 is not, as the NHS provider test suite expects; an end before the start is an invalid range too.
     */
    static void checkRange(SearchDates start, SearchDates end) {
        if (end.local().isBefore(start.local())) {
            throw GpcErrors.invalidParameter("end is before start");
        }
        if (start.local().plusDays(14).isBefore(end.local())) {
            throw GpcErrors.invalidParameter("The range from start to end is " + ChronoUnit.HOURS.between(
                    start.local(), end.local()) + " hours: at most two weeks can be searched at once");
        }
    }
}
