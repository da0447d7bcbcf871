/**
 * Appointments: booking, viewing, amending and cancelling a patient's appointments at the services the user's
 * organisation may book into (the patient's practice, a primary-care-network hub, out-of-hours) — its domain (services,
 * free slots, appointments, problems), the use case (AppointmentService: booking policy, federated search, audit) and
 * the appointments page. Reaches the services through the AppointmentBook port, which the gpconnect module implements.
 */
@ApplicationModule(displayName = "Appointments", allowedDependencies = {"access", "audit", "kernel", "patient"})
package com.carepoint.appointments;

import org.springframework.modulith.ApplicationModule;
