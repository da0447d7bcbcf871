package com.carepoint.demopractice.provider;

import com.carepoint.demopractice.data.ScheduleTemplate;
import com.carepoint.demopractice.data.ScheduleTemplate.BookableBy;
import com.carepoint.demopractice.data.ScheduleTemplate.SlotPattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The slots of one service's schedules, generated from their templates on demand and never stored: the same clock
 * day always gives the same slots with the same ids. A slot's id is its schedule's id and its start (minutes since
 * the epoch), so a slot named in a booking is found again by generating that one schedule's day.
 *
 * <p>Days generated: the 28 days from today (Europe/London; and yesterday, whose overnight sessions end today),
 * plus the two days of the next clock change (the day before it, whose overnight sessions run through it, and the
 * day itself), so that slots whose start and end have different UTC offsets always exist. Sessions and slots are laid out in real time from the session's start: a
 * session across a clock change is an hour shorter or longer, and its slots keep their length.
 */
final class Schedules {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final int DAYS_AHEAD = 28;

    /** A slot of a schedule: {@code [start, end)}. */
    record Slot(String id, ScheduleTemplate schedule, SlotPattern pattern, Instant start, Instant end) {

        BookableBy bookableBy() {
            return pattern.bookableBy();
        }
    }

    private final Map<String, ScheduleTemplate> templates = new LinkedHashMap<>();
    private final Clock clock;

    Schedules(List<ScheduleTemplate> templates, Clock clock) {
        templates.forEach(t -> this.templates.put(t.id(), t));
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    List<ScheduleTemplate> templates() {
        return List.copyOf(templates.values());
    }

    Optional<ScheduleTemplate> template(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UK);
    }

    /**
     * The days whose sessions have slots: today and the next 27 days, and the days of the next clock change; and
     * yesterday, whose overnight sessions run into today.
     */
    NavigableSet<LocalDate> days() {
        LocalDate today = today();
        NavigableSet<LocalDate> days = new TreeSet<>();
        for (int i = -1; i < DAYS_AHEAD; i++) {
            days.add(today.plusDays(i));
        }
        ZoneOffsetTransition next = UK.getRules().nextTransition(clock.instant());
        if (next != null) {
            LocalDate change = LocalDate.ofInstant(next.getInstant(), UK);
            days.add(change.minusDays(1));
            days.add(change);
        }
        return days;
    }

    /** The first and last instants any generated slot can cover (a Schedule's planning horizon). */
    Instant horizonStart() {
        return today().atStartOfDay(UK).toInstant();
    }

    Instant horizonEnd() {
        LocalDate last = days().last();
        return last.plusDays(2).atStartOfDay(UK).toInstant();
    }

    /** Every slot of every schedule that lies fully within {@code [from, to]}, in start order. */
    List<Slot> slots(Instant from, Instant to) {
        List<Slot> found = new ArrayList<>();
        for (LocalDate day : days()) {
            // A session starting the day before can run into this range (overnight sessions).
            if (day.plusDays(2).atStartOfDay(UK).toInstant().isBefore(from)
                    || day.atStartOfDay(UK).toInstant().isAfter(to)) {
                continue;
            }
            for (ScheduleTemplate t : templates.values()) {
                for (Slot s : slots(t, day)) {
                    if (!s.start().isBefore(from) && !s.end().isAfter(to)) {
                        found.add(s);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Slot::start).thenComparing(Slot::id));
        return found;
    }

    /** The slot with this id, if it is one of the generated slots of one of this service's schedules. */
    Optional<Slot> slot(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        ScheduleTemplate t = templates.get(id.substring(0, dash));
        long minutes;
        try {
            minutes = Long.parseLong(id.substring(dash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (t == null) {
            return Optional.empty();
        }
        Instant start = Instant.ofEpochSecond(minutes * 60);
        LocalDate local = LocalDate.ofInstant(start, UK);
        Set<LocalDate> days = days();
        for (LocalDate day : List.of(local.minusDays(1), local)) {
            if (!days.contains(day)) {
                continue;
            }
            Optional<Slot> match = slots(t, day).stream().filter(s -> s.id().equals(id)).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** The slots of one schedule's sessions starting on one day. */
    static List<Slot> slots(ScheduleTemplate t, LocalDate day) {
        List<SlotPattern> cycle = new ArrayList<>();
        t.slots().forEach(p -> {
            for (int i = 0; i < p.count(); i++) {
                cycle.add(p);
            }
        });
        List<Slot> slots = new ArrayList<>();
        for (ScheduleTemplate.Session session : t.sessions()) {
            if (!session.runsOn(day.getDayOfWeek())) {
                continue;
            }
            Instant start = ZonedDateTime.of(day, session.startTime(), UK).toInstant();
            LocalDate endDay = session.endTime().isAfter(session.startTime()) ? day : day.plusDays(1);
            Instant end = ZonedDateTime.of(endDay, session.endTime(), UK).toInstant();
            Instant t0 = start;
            for (int i = 0; ; i++) {
                SlotPattern p = cycle.get(i % cycle.size());
                Instant t1 = t0.plus(Duration.ofMinutes(p.minutes()));
                if (t1.isAfter(end)) {
                    break;
                }
                slots.add(new Slot(t.id() + "-" + t0.getEpochSecond() / 60, t, p, t0, t1));
                t0 = t1;
            }
        }
        return slots;
    }

    /**
     * Slot availability management (nhsconnect/gpconnect, pages/appointments/appointments_provider_sys_slot_availability.md,
     * the matching-rules table): with no searchFilter only slots "that are not restricted for booking to an
     * individual or list of organisations, or by organisation type"; with an organisation type, slots with "no
     * organisation code (individual or list) restriction set AND [ no organisation type restriction set OR an
     * organisation type restriction matching ]"; with an organisation code, "no organisation type restriction set
     * AND [ no organisation code restriction OR ... matching ]"; with both, "[no type restriction OR type matches]
     * AND [no code restriction OR code matches]". The same rule decides a booking, with the booking organisation's
     * ODS code and type ("a business rule imposed by Slot Availability Management is breached", book page).
     *
     * @param types the organisation types given (empty: none given)
     * @param odsCodes the ODS codes given (empty: none given)
     */
    static boolean bookable(BookableBy restriction, Set<String> types, Set<String> odsCodes) {
        boolean typeOk = restriction.orgTypes().isEmpty()
                || !types.isEmpty() && restriction.orgTypes().stream().anyMatch(types::contains);
        boolean codeOk = restriction.odsCodes().isEmpty()
                || !odsCodes.isEmpty() && restriction.odsCodes().stream().anyMatch(
                        c -> odsCodes.stream().anyMatch(c::equalsIgnoreCase));
        return typeOk && codeOk;
    }
}
