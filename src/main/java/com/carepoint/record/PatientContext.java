package com.carepoint.record;

import com.carepoint.access.CurrentUser;
import com.carepoint.kernel.TracedPatient;

/**
 * One signed-in user looking at one traced patient's GP record. What is looked up for this patient (the practice's
 * endpoints) lives and dies with it and is never reused for another patient. (Not a clinical encounter: that is the
 * encounter note's meaning of the word.)
 */
public final class PatientContext {

    private final CurrentUser user;
    private final TracedPatient patient;
    private volatile boolean cancelled;

    private PatientContext(CurrentUser user, TracedPatient patient) {
        this.user = user;
        this.patient = patient;
    }

    /** A sensitive (S-flagged) patient's record is never requested, so no context is opened for one. */
    public static PatientContext open(CurrentUser user, TracedPatient patient) {
        if (patient.sensitive()) {
            throw new IllegalStateException("A sensitive patient's record is never requested over GP Connect");
        }
        return new PatientContext(user, patient);
    }

    public CurrentUser user() {
        return user;
    }

    public TracedPatient patient() {
        return patient;
    }

    /** The user left the record: calls still under way for it stop, and what they return is not shown. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }
}
