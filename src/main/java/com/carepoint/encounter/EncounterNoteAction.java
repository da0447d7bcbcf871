package com.carepoint.encounter;

import com.carepoint.access.CurrentUser;
import com.carepoint.record.RecordAction;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** "Write the encounter note" on a patient's record page, for a role that writes one. */
@Component
class EncounterNoteAction implements RecordAction {

    private final EncounterNoteService notes;

    EncounterNoteAction(EncounterNoteService notes) {
        this.notes = notes;
    }

    @Override
    public Optional<Link> link(CurrentUser user, String token) {
        return notes.kindFor(user).map(kind -> new Link("write-note", NewNoteView.path(token),
                "Write the encounter note"));
    }
}
