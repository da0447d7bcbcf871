package com.carepoint.appointments;

import java.util.Objects;
import java.util.Optional;

/** What a booking, read, amendment or cancellation came to: the appointment as the service now holds it, or why not. */
public record Outcome(Optional<Appointment> appointment, Optional<AppointmentProblem> problem) {

    public Outcome {
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(problem, "problem");
        if (appointment.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("An outcome is either an appointment or a problem");
        }
    }

    public static Outcome done(Appointment appointment) {
        return new Outcome(Optional.of(appointment), Optional.empty());
    }

    public static Outcome failed(AppointmentProblem problem) {
        return new Outcome(Optional.empty(), Optional.of(problem));
    }

    public boolean succeeded() {
        return appointment.isPresent();
    }
}
