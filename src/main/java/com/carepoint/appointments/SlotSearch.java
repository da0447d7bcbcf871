package com.carepoint.appointments;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A federated free-slot search: every permitted service's answer for one window of days, each on its own, so a slow
 * or failing service says so beside the others' slots.
 */
public record SlotSearch(LocalDate from, LocalDate to, List<ServiceSlots> services) {

    public SlotSearch {
        services = List.copyOf(services);
    }

    /** Every service's slots in one list, earliest first. */
    public List<FreeSlot> merged() {
        return services.stream().flatMap(s -> s.slots().stream())
                .sorted(Comparator.comparing(FreeSlot::start).thenComparing(s -> s.service().odsCode())
                        .thenComparing(FreeSlot::slotId))
                .toList();
    }

    public List<ServiceSlots> failed() {
        return services.stream().filter(s -> s.problem().isPresent()).toList();
    }
}
