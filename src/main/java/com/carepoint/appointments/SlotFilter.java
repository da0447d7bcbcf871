package com.carepoint.appointments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the user narrows the free slots to: a service, a day, a time of day, a way of meeting. Empty means any. */
public record SlotFilter(Optional<String> serviceOds, Optional<LocalDate> day, Optional<TimeOfDay> timeOfDay,
        Optional<DeliveryChannel> channel) {

    public static final SlotFilter ANY = new SlotFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** Morning before 12:00, afternoon 12:00 to 17:00, evening from 17:00, all UK time. */
    public enum TimeOfDay {
        MORNING("Morning (before 12:00)"),
        AFTERNOON("Afternoon (12:00 to 17:00)"),
        EVENING("Evening (from 17:00)");

        private final String label;

        TimeOfDay(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean contains(FreeSlot slot) {
            int hour = slot.start().withZoneSameInstant(AppointmentService.UK).getHour();
            return switch (this) {
                case MORNING -> hour < 12;
                case AFTERNOON -> hour >= 12 && hour < 17;
                case EVENING -> hour >= 17;
            };
        }
    }

    public boolean matches(FreeSlot slot) {
        return serviceOds.map(o -> slot.service().odsCode().equals(o)).orElse(true)
                && day.map(d -> slot.start().withZoneSameInstant(AppointmentService.UK).toLocalDate().equals(d))
                .orElse(true)
                && timeOfDay.map(t -> t.contains(slot)).orElse(true)
                && channel.map(c -> slot.channel() == c).orElse(true);
    }

    public List<FreeSlot> apply(List<FreeSlot> slots) {
        return slots.stream().filter(this::matches).toList();
    }
}
