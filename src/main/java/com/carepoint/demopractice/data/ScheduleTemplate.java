package com.carepoint.demopractice.data;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

/**
 * One appointment schedule of a demo service as {@code appointments.yaml} describes it: who (a practitioner, or none
 * where the service has not assigned one), where (one of the service's locations), the practitioner role and the
 * schedule type, the weekly sessions and the slots each session is cut into. Slots are not stored: they are generated
 * from this template for the days around the current date (see {@code provider.Schedules}).
 *
 * @param id           the Schedule's logical id (also the prefix of its slots' ids)
 * @param service      ODS code of the service (practice, hub or out-of-hours service) the schedule belongs to
 * @param practitioner the clinician's id in {@code practices.yaml}, or null: a Schedule without a Practitioner actor
 * @param location     the site's id in {@code practices.yaml}: where the appointment takes place
 * @param role         the practitioner role (SDS job role name code and display)
 * @param category     the practice-defined schedule type ({@code Schedule.serviceCategory.text})
 * @param sessions     when the schedule runs each week
 * @param slots        the slot pattern a session is cut into, repeated in order until the session ends
 */
public record ScheduleTemplate(
        String id,
        String service,
        String practitioner,
        String location,
        Role role,
        String category,
        List<Session> sessions,
        List<SlotPattern> slots) {

    public ScheduleTemplate {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    public record Role(String code, String display) {
    }

    /**
     * A weekly session: on these days from {@code start} to {@code end} local (Europe/London) time; an end at or
     * before the start is on the next day (an overnight session).
     */
    public record Session(List<String> days, String start, String end) {
        public Session {
            days = days == null ? List.of() : List.copyOf(days);
        }

        public boolean runsOn(DayOfWeek day) {
            return days.stream().anyMatch(d -> day.name().startsWith(d.toUpperCase(Locale.ROOT)));
        }

        public LocalTime startTime() {
            return LocalTime.parse(start);
        }

        public LocalTime endTime() {
            return LocalTime.parse(end);
        }
    }

    /**
     * A run of {@code count} slots of {@code minutes} each, with a delivery channel and the practice-defined slot type
     * ({@code Slot.serviceType.text}). {@code bookableBy} restricts who may book them (provider configuration: never on
     * the wire); absent, they are unrestricted.
     */
    public record SlotPattern(int minutes, String channel, String type, Integer count, BookableBy bookableBy) {
        public SlotPattern {
            count = count == null ? 1 : count;
            bookableBy = bookableBy == null ? new BookableBy(List.of(), List.of()) : bookableBy;
        }
    }

    /**
     * Slot availability management: slots bookable only by organisations of these types
     * ({@code GPConnect-OrganisationType-1} codes) and/or with these ODS codes. Empty lists: no such restriction.
     */
    public record BookableBy(List<String> orgTypes, List<String> odsCodes) {
        public BookableBy {
            orgTypes = orgTypes == null ? List.of() : List.copyOf(orgTypes);
            odsCodes = odsCodes == null ? List.of() : List.copyOf(odsCodes);
        }

        public boolean restricted() {
            return !orgTypes.isEmpty() || !odsCodes.isEmpty();
        }
    }
}
