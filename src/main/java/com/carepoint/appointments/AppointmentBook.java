package com.carepoint.appointments;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The services' appointment books, as Carepoint reaches them (GP Connect Appointment Management; implemented by the
 * gpconnect module). Every method answers — a failure is a problem in plain English, never an exception — and every
 * answer about a patient has been checked to be about this context's patient.
 */
public interface AppointmentBook {

    /** Free slots at one service between two dates (inclusive; at most 14 days), future slots only. */
    ServiceSlots freeSlots(BookingContext context, BookableService service, LocalDate from, LocalDate to);

    /** Books the slot for the context's patient. */
    Outcome book(BookingContext context, FreeSlot slot, String description, Optional<String> comment);

    /** The patient's appointments at one service between two dates (inclusive; from today on). */
    ServiceAppointments appointments(BookingContext context, BookableService service, LocalDate from, LocalDate to);

    /** One appointment as the service holds it now, with its current version. */
    Outcome read(BookingContext context, BookableService service, String appointmentId);

    /** Changes the reason and comment of an appointment read just before (its version is sent back). */
    Outcome amend(BookingContext context, Appointment read, String description, Optional<String> comment);

    /** Cancels an appointment read just before (its version is sent back), with the reason given. */
    Outcome cancel(BookingContext context, Appointment read, String reason);
}
