package com.carepoint.demopractice.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.IdType;

/**
 * One demo service's appointment book, in memory: the appointments and the slots they hold. Every change is made
 * under the book's lock, so a slot is taken at most once however many bookings race for it (the loser gets
 * DUPLICATE_REJECTED), and a version is checked and replaced in one step (a concurrent amendment with the same
 * version gets 409). Bounded: past and cancelled appointments beyond {@link #RETAINED_INACTIVE} are dropped, oldest
 * first, and active ones cannot outnumber the service's generated slots (each holds at least one).
 */
final class AppointmentBook {

    static final int RETAINED_INACTIVE = 2_000;

    /** A stored appointment: its current version and the resource as it is served (without id and meta). */
    record Stored(String id, int version, Appointment resource, String patientId, List<String> slotIds,
            Instant start, boolean cancelled, Instant changed) {

        /** A copy with the logical id, versionId and profile set, as it is served. */
        Appointment served() {
            Appointment a = resource.copy();
            a.setId(new IdType("Appointment", id, Integer.toString(version)));
            a.getMeta().setVersionId(Integer.toString(version));
            // Also HAPI's Last-Modified header (FHIR API guidance, "Create resource": "An ETag header with the
            // version Id and a Last-Modified header will also be included").
            a.getMeta().setLastUpdated(Date.from(changed));
            a.getMeta().getProfile().clear();
            a.getMeta().addProfile(Gpc.PROFILE_APPOINTMENT);
            return a;
        }
    }

    /** Thrown when a slot is no longer free. */
    static final class SlotTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SlotTaken(String slotId) {
            super("Slot/" + slotId + " is no longer free");
        }
    }

    /** Thrown when the version a change is based on is not the current one. */
    static final class VersionConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VersionConflict(String message) {
            super(message);
        }
    }

    private final Clock clock;
    private final Map<String, Stored> appointments = new LinkedHashMap<>();
    private final Map<String, String> slotHolder = new HashMap<>();

    AppointmentBook(Clock clock) {
        this.clock = clock;
    }

    /** Whether a slot is held by a booked (not cancelled) appointment. */
    synchronized boolean taken(String slotId) {
        return slotHolder.containsKey(slotId);
    }

    /**
     * Books the slots for a patient: all of them free, or none taken and {@link SlotTaken} thrown.
     *
     * @return the new appointment
     */
    synchronized Stored book(Appointment resource, String patientId, List<String> slotIds, Instant start,
            boolean cancelled) {
        if (!cancelled) {
            for (String slot : slotIds) {
                if (slotHolder.containsKey(slot)) {
                    throw new SlotTaken(slot);
                }
            }
        }
        String id = UUID.randomUUID().toString();
        Stored stored = new Stored(id, 1, resource.copy(), patientId, List.copyOf(slotIds), start, cancelled,
                clock.instant());
        appointments.put(id, stored);
        if (!cancelled) {
            slotIds.forEach(s -> slotHolder.put(s, id));
        }
        prune();
        return stored;
    }

    synchronized Optional<Stored> get(String id) {
        return Optional.ofNullable(appointments.get(id));
    }

    /** A patient's appointments starting within {@code [from, to)}, booked and cancelled, in start order. */
    synchronized List<Stored> forPatient(String patientId, Instant from, Instant to) {
        return appointments.values().stream()
                .filter(a -> a.patientId().equals(patientId))
                .filter(a -> !a.start().isBefore(from) && a.start().isBefore(to))
                .sorted(Comparator.comparing(Stored::start).thenComparing(Stored::id))
                .toList();
    }

    /**
     * Replaces an appointment's resource, if {@code expectedVersion} is its current version: {@code change} sees the
     * current state under the lock and returns the new resource (or throws to refuse). A cancellation frees the
     * appointment's slots.
     */
    synchronized Stored change(String id, String expectedVersion, boolean cancel, Function<Stored, Appointment> change) {
        Stored current = appointments.get(id);
        if (current == null) {
            throw new IllegalStateException("No appointment " + id);
        }
        if (!Integer.toString(current.version()).equals(expectedVersion)) {
            throw new VersionConflict("If-Match version " + expectedVersion + " is not the appointment's current version");
        }
        Appointment next = change.apply(current);
        Stored updated = new Stored(id, current.version() + 1, next.copy(), current.patientId(), current.slotIds(),
                current.start(), current.cancelled() || cancel, clock.instant());
        appointments.put(id, updated);
        if (cancel) {
            current.slotIds().forEach(s -> slotHolder.remove(s, id));
        }
        prune();
        return updated;
    }

    synchronized int size() {
        return appointments.size();
    }

    /** Drops the oldest inactive (past or cancelled) appointments beyond the retained number. */
    private void prune() {
        Instant now = clock.instant();
        List<Stored> inactive = new ArrayList<>();
        for (Stored s : appointments.values()) {
            if (s.cancelled() || s.start().isBefore(now)) {
                inactive.add(s);
            }
        }
        if (inactive.size() <= RETAINED_INACTIVE) {
            return;
        }
        inactive.sort(Comparator.comparing(Stored::changed));
        for (Stored s : inactive.subList(0, inactive.size() - RETAINED_INACTIVE)) {
            appointments.remove(s.id());
            s.slotIds().forEach(slot -> slotHolder.remove(slot, s.id()));
        }
    }
}
