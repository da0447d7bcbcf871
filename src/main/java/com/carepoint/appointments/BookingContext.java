package com.carepoint.appointments;

import com.carepoint.access.CurrentUser;
import com.carepoint.kernel.TracedPatient;
import java.util.Objects;

/**
 * One signed-in user booking for one traced patient. What is looked up for this patient at each service (its
 * endpoints, the service's own id for the patient) lives and dies with it and is never reused for another patient.
 */
public final class BookingContext {

    private final CurrentUser user;
    private final TracedPatient patient;
    private final BookingOrganisation organisation;
    private volatile boolean cancelled;

    public BookingContext(CurrentUser user, TracedPatient patient, BookingOrganisation organisation) {
        this.user = Objects.requireNonNull(user, "user");
        this.patient = Objects.requireNonNull(patient, "patient");
        this.organisation = Objects.requireNonNull(organisation, "organisation");
    }

    public CurrentUser user() {
        return user;
    }

    public TracedPatient patient() {
        return patient;
    }

    public BookingOrganisation organisation() {
        return organisation;
    }

    /** The user left the page: calls still under way stop and what they return is not shown. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }
}
