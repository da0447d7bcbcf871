package com.carepoint.appointments;

import java.util.List;
import java.util.Optional;

/** One service's answer to "the patient's appointments": the appointments, or the problem (never "none"). */
public record ServiceAppointments(BookableService service, List<Appointment> appointments,
        Optional<AppointmentProblem> problem) {

    public ServiceAppointments {
        appointments = List.copyOf(appointments);
    }

    public static ServiceAppointments failed(BookableService service, AppointmentProblem problem) {
        return new ServiceAppointments(service, List.of(), Optional.of(problem));
    }
}
