package com.carepoint.appointments;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A free slot offered by a service, as the user chooses between them. Times are in Europe/London. The provider's
 * own ids (slot, location, practitioner) are kept as opaque strings so the booking refers to exactly what was shown.
 *
 * @param slotId        the service's logical id of the slot
 * @param siteName      where the appointment takes place (the Location's name)
 * @param siteAddress   the Location's address, one line; empty when the service did not give it
 * @param practitioner  the practitioner's name and gender, when the service named one
 * @param practitionerRole the practitioner role of the schedule (e.g. "General Medical Practitioner")
 * @param slotType      the practice-defined slot type ("GP Appointment")
 * @param scheduleType  the schedule's type ("General GP Appointments"), empty when not given
 * @param locationId    the service's logical id of the Location (booked as the location participant)
 * @param practitionerId the service's logical id of the Practitioner, when given
 */
public record FreeSlot(BookableService service, String slotId, ZonedDateTime start, ZonedDateTime end,
        String siteName, String siteAddress, Optional<String> practitioner, String practitionerRole,
        DeliveryChannel channel, String slotType, String scheduleType, String locationId,
        Optional<String> practitionerId) {

    public FreeSlot {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(locationId, "locationId");
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Unique across services: the service's ODS code and its slot id. */
    public String key() {
        return service.odsCode() + "/" + slotId;
    }
}
