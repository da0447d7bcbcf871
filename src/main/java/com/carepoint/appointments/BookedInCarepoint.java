package com.carepoint.appointments;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * An appointment the user booked for the patient through Carepoint, as it was confirmed: what an encounter note can
 * link to as "the appointment booked".
 *
 * @param reference the service's booking reference (the appointment's logical id)
 */
public record BookedInCarepoint(String serviceOds, String serviceName, String reference, ZonedDateTime start,
        ZonedDateTime end, Optional<String> site, Optional<String> practitioner, DeliveryChannel channel,
        Instant bookedAt) {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE dd-MMM-yyyy HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** Unique across services: the service's ODS code and the booking reference. */
    public String key() {
        return serviceOds + "/" + reference;
    }

    /**
     * The booking as a note says it: "Riverside Medical Practice (A20047), Riverside site: Wed 03-Dec-2026
     * 14:00–14:10 (UK time), in person, with Dr Helen Marsh. Booking reference 123 (booked in Carepoint)."
     */
    public String summary() {
        ZonedDateTime s = start.withZoneSameInstant(AppointmentService.UK);
        ZonedDateTime e = end.withZoneSameInstant(AppointmentService.UK);
        return serviceName + " (" + serviceOds + ")" + site.map(x -> ", " + x).orElse("") + ": "
                + DAY_TIME.format(s) + "\u2013" + TIME.format(e) + " (UK time), "
                + (channel == DeliveryChannel.NOT_STATED ? "how not stated" : channel.displayName()
                        .toLowerCase(Locale.UK))
                + practitioner.map(p -> ", with " + p).orElse("") + ". Booking reference " + reference
                + " (booked in Carepoint).";
    }
}
