package com.carepoint.demopractice.provider;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.InstantType;

/**
 * Times as the Appointment Management pages require them on the wire: "in (UK) local time in the format
 * {@code yyyy-mm-ddThh:mm:ss+hh:mm}, with the timezone offset {@code +00:00} for UTC and {@code +01:00} for BST"
 * (nhsconnect/gpconnect, pages/appointments/appointments_use_case_search_for_free_slots.md, "Payload response body";
 * the same sentence on the read and retrieve pages for {@code Appointment.start}, {@code end} and {@code created}).
 * The offset is the one in force at that instant, never "now"'s, and never {@code Z}.
 */
final class UkTime {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private UkTime() {
    }

    static String format(Instant instant) {
        return WIRE.format(instant.atZone(UK));
    }

    static DateTimeType dateTime(Instant instant) {
        DateTimeType t = new DateTimeType();
        t.setValueAsString(format(instant));
        return t;
    }

    static InstantType instantType(Instant instant) {
        InstantType t = new InstantType();
        t.setValueAsString(format(instant));
        return t;
    }

    /** The instant of a dateTime with a time and an offset; null when it has no time or no offset. */
    static Instant instant(DateTimeType t) {
        if (t == null || !t.hasValue() || t.getValueAsString() == null) {
            return null;
        }
        String s = t.getValueAsString();
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
