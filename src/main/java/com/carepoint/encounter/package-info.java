/**
 * Encounter: the note a clinician writes about the encounter (per role, NEWS2 as typed), saved as a draft as it is
 * typed and seen only by its author, signed and frozen, rendered as a PDF, and sent to the patient's registered GP
 * through a durable outbox whose status the author can follow. Offers "Write the encounter note" on the record page
 * (the record's RecordAction).
 */
@ApplicationModule(displayName = "Encounter", allowedDependencies = {"access", "appointments", "audit", "gpconnect :: senddocument", "kernel", "mesh", "patient", "record"})
package com.carepoint.encounter;

import org.springframework.modulith.ApplicationModule;
