package com.carepoint.kernel;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A date as the record holds it: a full date, a month or only a year. Shown as recorded ({@code 04-Jan-2024},
 * {@code Jan-2024}, {@code 2024}) — never padded into a false full date. Optionally with a time of day.
 */
public record PartialDate(int year, Integer month, Integer day, Integer hour, Integer minute)
        implements Comparable<PartialDate> {

    /** NHS display months: three letters always (the JDK's UK locale now writes "Sept"). */
    static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    public static PartialDate of(LocalDate d) {
        return new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), null, null);
    }

    public static PartialDate of(LocalDateTime t) {
        return new PartialDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute());
    }

    /** The display form: dd-MMM-yyyy, MMM-yyyy or yyyy, with HH:mm when the time is known. */
    public String display() {
        String date;
        if (month == null) {
            date = String.valueOf(year);
        } else {
            String mon = MONTHS[month - 1];
            date = day == null ? mon + "-" + year : "%02d-%s-%d".formatted(day, mon, year);
        }
        return hour == null ? date : date + " " + "%02d:%02d".formatted(hour, minute);
    }

    /** Only the date part, even when a time is known. */
    public String dateOnly() {
        return new PartialDate(year, month, day, null, null).display();
    }

    public LocalDate earliestDay() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = earliestDay().compareTo(o.earliestDay());
        if (c != 0) {
            return c;
        }
        return Integer.compare(hour == null ? 0 : hour * 60 + minute, o.hour == null ? 0 : o.hour * 60 + o.minute);
    }

    @Override
    public String toString() {
        return display();
    }
}
