/**
 * Patient: finding the patient (PatientFinder), the patients open in a session, the patient banner and the search page.
 */
@ApplicationModule(displayName = "Patient", allowedDependencies = {"access", "audit", "kernel", "spine"})
package com.carepoint.patient;

import org.springframework.modulith.ApplicationModule;
