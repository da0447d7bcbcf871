package com.carepoint.patient;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/** Age as NHS screens show it: years, but for children under 2 months and weeks (under 4 weeks, days). */
public final class Age {

    private Age() {
    }

    public static String of(LocalDate born, LocalDate on) {
        long days = ChronoUnit.DAYS.between(born, on);
        if (days < 0) {
            return "not yet born";
        }
        if (days < 28) {
            return days + "d";
        }
        Period p = Period.between(born, on);
        if (p.getYears() < 2) {
            int months = p.getYears() * 12 + p.getMonths();
            int weeks = p.getDays() / 7;
            if (months == 0) {
                return (days / 7) + "w";
            }
            return months + "m" + (weeks > 0 ? " " + weeks + "w" : "");
        }
        return p.getYears() + "y";
    }
}
