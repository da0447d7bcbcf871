/**
 * GP Connect: the only module that knows GP Connect wire details (headers, JWT, interaction ids, media types, error codes, FHIR STU3 shapes and their mapping to the record's domain). Implements the record module's GpRecords port and the appointments module's AppointmentBook port.
 */
@ApplicationModule(displayName = "GP Connect", allowedDependencies = {"access", "appointments", "kernel", "platform", "record", "spine"})
package com.carepoint.gpconnect;

import org.springframework.modulith.ApplicationModule;
