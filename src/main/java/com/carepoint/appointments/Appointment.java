package com.carepoint.appointments;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An appointment as a service holds it. {@code version} is the service's version id of what was read: an amendment
 * or cancellation sends it back, so a change made elsewhere meanwhile is refused rather than overwritten.
 *
 * @param id        the service's logical id: the booking reference
 * @param bookedBy  the booking organisation's name (and ODS code), when the service gave it
 */
public record Appointment(BookableService service, String id, String version, Status status, ZonedDateTime start,
        ZonedDateTime end, Optional<String> siteName, Optional<String> practitioner, String practitionerRole,
        DeliveryChannel channel, String slotType, String description, Optional<String> comment,
        Optional<String> cancellationReason, Optional<String> bookedBy) {

    /** Booked, or cancelled; anything else a service reports is shown as written. */
    public enum Status {
        BOOKED("Booked"),
        CANCELLED("Cancelled"),
        OTHER("Status not recognised");

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    public Appointment {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        version = version == null ? "" : version;
        description = description == null ? "" : description;
    }

    /** Unique across services. */
    public String key() {
        return service.odsCode() + "/" + id;
    }
}
