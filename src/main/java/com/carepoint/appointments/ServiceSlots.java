package com.carepoint.appointments;

import java.util.List;
import java.util.Optional;

/**
 * One service's answer to a free-slot search: its slots, or the problem that stopped them being retrieved. A failed
 * search is never "no slots": {@link #problem()} is present and the slots are empty.
 *
 * @param serviceName the name the service gave itself in its answer, or the configured name
 */
public record ServiceSlots(BookableService service, String serviceName, List<FreeSlot> slots,
        Optional<AppointmentProblem> problem) {

    public ServiceSlots {
        slots = List.copyOf(slots);
    }

    public static ServiceSlots failed(BookableService service, AppointmentProblem problem) {
        return new ServiceSlots(service, service.name(), List.of(), Optional.of(problem));
    }
}
