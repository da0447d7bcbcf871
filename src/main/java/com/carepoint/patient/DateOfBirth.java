package com.carepoint.patient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as clinicians type it: day, month and year in that order (UK), with {@code /}, {@code -}, {@code .}
 * or spaces between them, the month as a number or a name ({@code 4/1/61}, {@code 04/01/61}, {@code 04-01-1961},
 * {@code 4 Jan 1961}, {@code 4 January 61}, {@code 04/01/1961}).
 *
 * <p>A two-digit year is read as the most recent year ending in those digits that does not make the date of birth
 * lie in the future: on 3-Dec-2026, {@code 61} is 1961, {@code 25} is 2025, and {@code 4/1/27} is 1927 (4 January
 * 2027 has not happened yet). A date of birth is never in the future, whatever was typed.
 *
 * <p>Each kind of mistake has its own message: a date in the future, a date that does not exist (31 February), a year
 * more than {@value #OLDEST_YEARS} years ago, and something that is not a date in any of these forms. Pure: the day
 * to judge against is passed in.
 */
public final class DateOfBirth {

    /** No one is older than this: an earlier year is a typing mistake. */
    public static final int OLDEST_YEARS = 130;

    public static final String FORMAT_HELP = "Type the day, month and year, for example 4/1/1961, 04-01-1961 or "
            + "4 Jan 1961";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})\\s*[/.\\-\\s]\\s*(\\d{1,2})\\s*[/.\\-\\s]\\s*(\\d{2}|\\d{4})");
    private static final Pattern NAMED = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\s*[/.\\-\\s]\\s*([A-Za-z]{3,9})\\.?\\s*[/.\\-\\s]\\s*(\\d{2}|\\d{4})");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");

    /** What was made of the typed text: a date of birth, or what is wrong with it in words for the user. */
    public sealed interface Result {
        /** A date of birth that can be searched for. */
        record Valid(LocalDate date) implements Result {
        }

        /** Why what was typed is not a date of birth, and what to do. */
        record Problem(String message) implements Result {
        }
    }

    private DateOfBirth() {
    }

    /** Reads what was typed, judged on {@code today} (UK date). Blank text is a problem: the search needs the date. */
    public static Result parse(String typed, LocalDate today) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return new Result.Problem("Enter the date of birth. " + FORMAT_HELP + ".");
        }
        Matcher m = NUMERIC.matcher(text);
        Matcher n = NAMED.matcher(text);
        Matcher e = EIGHT_DIGITS.matcher(text);
        int day;
        int month;
        String year;
        if (m.matches()) {
            day = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            year = m.group(3);
        } else if (n.matches()) {
            Optional<Month> named = month(n.group(2));
            if (named.isEmpty()) {
                return new Result.Problem("\"" + n.group(2) + "\" is not a month. " + FORMAT_HELP + ".");
            }
            day = Integer.parseInt(n.group(1));
            month = named.get().getValue();
            year = n.group(3);
        } else if (e.matches()) {
            day = Integer.parseInt(e.group(1));
            month = Integer.parseInt(e.group(2));
            year = e.group(3);
        } else {
            return new Result.Problem("\"" + text + "\" is not a date Carepoint recognises. " + FORMAT_HELP + ".");
        }
        if (month < 1 || month > 12) {
            return new Result.Problem("There is no month " + month + ": check the day and month (day first, then "
                    + "month).");
        }
        if (year.length() == 2) {
            return twoDigitYear(day, month, Integer.parseInt(year), today);
        }
        return checked(day, month, Integer.parseInt(year), today);
    }

    /** How a date of birth is shown back to the user, so they can see which year was taken: "4 January 1961". */
    public static String shown(LocalDate date) {
        return SHOWN.format(date);
    }

    private static Result twoDigitYear(int day, int month, int yy, LocalDate today) {
        int century = today.getYear() / 100 * 100;
        Result thisCentury = exists(day, month, century + yy);
        if (thisCentury instanceof Result.Valid v && !v.date().isAfter(today)) {
            return thisCentury;
        }
        // The date in this century is in the future (or does not exist, as 29 February can in one century and not
        // the other): the previous century.
        return checked(day, month, century - 100 + yy, today);
    }

    private static Result checked(int day, int month, int year, LocalDate today) {
        Result date = exists(day, month, year);
        if (date instanceof Result.Valid v) {
            if (v.date().isAfter(today)) {
                return new Result.Problem("The date of birth cannot be in the future: " + shown(v.date())
                        + " is after today. Check the year.");
            }
            if (year < today.getYear() - OLDEST_YEARS) {
                return new Result.Problem("The date of birth cannot be more than " + OLDEST_YEARS + " years ago: "
                        + "check the year (" + year + ").");
            }
        }
        return date;
    }

    private static Result exists(int day, int month, int year) {
        try {
            return new Result.Valid(LocalDate.of(year, month, day));
        } catch (DateTimeException impossible) {
            return new Result.Problem("There is no " + day + " " + Month.of(month).getDisplayName(
                    TextStyle.FULL, Locale.UK) + " " + year + ": check the day and month.");
        }
    }

    private static Optional<Month> month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("sept")) {
            return Optional.of(Month.SEPTEMBER);
        }
        for (Month candidate : Month.values()) {
            String full = candidate.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (full.equals(lower) || lower.length() == 3 && full.startsWith(lower)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
