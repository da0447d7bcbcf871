package com.carepoint.encounter;

import com.carepoint.access.Role;
import java.util.Optional;

/** The kinds of encounter note, one per role that writes them; what social care may send is the policy's decision. */
public enum NoteKind {
    AMBULANCE_ATTENDANCE("Ambulance attendance", "Report of an ambulance attendance"),
    NHS_111_CALL("NHS 111 call", "Report of an NHS 111 call");

    private final String displayName;
    private final String title;

    NoteKind(String displayName, String title) {
        this.displayName = displayName;
        this.title = title;
    }

    public String displayName() {
        return displayName;
    }

    /** The document's title, as the practice files it. */
    public String title() {
        return title;
    }

    /** The note a role writes, or empty when the role writes none. */
    public static Optional<NoteKind> forRole(Role role) {
        if (!role.writesEncounterNotes()) {
            return Optional.empty();
        }
        return Optional.of(role == Role.CLINICIAN_111 ? NHS_111_CALL : AMBULANCE_ATTENDANCE);
    }
}
