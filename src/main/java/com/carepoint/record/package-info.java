/**
 * Record: the GP record as the clinician sees it — its domain (sections, items, problems), the use case (RecordService: policy, audit, notifications) and the record page. Reads the record through the GpRecords port, which the gpconnect module implements; lists the documents filed in the record through the PatientDocuments port (also gpconnect's); links to the patient's appointments and the encounter note.
 */
@ApplicationModule(displayName = "Record", allowedDependencies = {"access", "appointments", "audit", "kernel", "patient"})
package com.carepoint.record;

import org.springframework.modulith.ApplicationModule;
