package com.carepoint.demopractice.data;

/**
 * An appointment already in a demo service's appointment book when it opens (booked by the practice itself or
 * through GP Connect earlier), so that retrieving a patient's appointments shows what a real book would: bookings
 * made outside GP Connect, a cancelled one, one earlier today.
 *
 * @param service     ODS code of the service whose book holds it
 * @param nhsNumber   the patient
 * @param schedule    the schedule (template id) whose slot it takes
 * @param inDays      days from today, 0 or more (the nearest later day with a free slot is used)
 * @param after       the first slot of that day starting at or after this local time is taken
 * @param description the appointment's description
 * @param comment     its comment, or null
 * @param bookedBy    the booking organisation (GP Connect bookings), or null when the practice booked it itself
 * @param cancelledReason when set, the appointment has been cancelled with this reason
 */
public record SeededAppointment(
        String service,
        String nhsNumber,
        String schedule,
        int inDays,
        String after,
        String description,
        String comment,
        BookingOrganisation bookedBy,
        String cancelledReason) {

    public record BookingOrganisation(String odsCode, String name, String telephone, String type) {
    }
}
