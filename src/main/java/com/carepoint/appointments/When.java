package com.carepoint.appointments;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Appointment times as a clinician reads them: always Europe/London, whatever offset the service wrote
 * ({@code Thu 04-Dec-2026 10:00}, 24-hour), and durations in minutes. The same instant reads the same on both sides of
 * a clock change.
 */
public final class When {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE dd-MMM-yyyy HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd-MMM-yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private When() {
    }

    /** {@code Thu 04-Dec-2026 10:00} in UK time. */
    public static String of(ZonedDateTime t) {
        return fix(DAY_TIME.format(t.withZoneSameInstant(AppointmentService.UK)));
    }

    /** {@code Thu 04-Dec-2026}. */
    public static String day(ZonedDateTime t) {
        return fix(DAY.format(t.withZoneSameInstant(AppointmentService.UK)));
    }

    public static String day(java.time.LocalDate d) {
        return fix(DAY.format(d));
    }

    /** {@code 10:00}. */
    public static String time(ZonedDateTime t) {
        return TIME.format(t.withZoneSameInstant(AppointmentService.UK));
    }

    /** {@code Thu 04-Dec-2026 10:00 to 10:15 (15 minutes)}. */
    public static String range(ZonedDateTime start, ZonedDateTime end) {
        long minutes = Duration.between(start, end).toMinutes();
        boolean sameDay = start.withZoneSameInstant(AppointmentService.UK).toLocalDate()
                .equals(end.withZoneSameInstant(AppointmentService.UK).toLocalDate());
        return of(start) + " to " + (sameDay ? time(end) : of(end)) + " (" + minutes + " minute"
                + (minutes == 1 ? "" : "s") + ")";
    }

    /** The UK locale's "Sept" is not the NHS style ("Sep"). */
    private static String fix(String s) {
        return s.replace("Sept", "Sep");
    }
}
