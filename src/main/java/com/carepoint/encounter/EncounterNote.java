package com.carepoint.encounter;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An encounter note: a draft its author is writing, or a signed note, frozen at the moment of signing. A correction
 * is a new note naming the one it corrects.
 *
 * @param revision how many times the draft has been saved; a save names the revision it changes, so two windows
 *                 editing one draft cannot silently overwrite each other
 */
public record EncounterNote(UUID id, NoteKind kind, Status status, Author author, PatientSnapshot patient,
        NoteContent content, Optional<UUID> corrects, Instant createdAt, Instant updatedAt, Optional<Instant> signedAt,
        int revision) {

    public enum Status {
        DRAFT, SIGNED
    }

    /** Who wrote it, for whom they worked, as the signed-in identity said at the time. */
    public record Author(String userId, String name, String role, String sdsUserId, String sdsRoleProfileId,
            String orgOds, String orgName) {
    }

    public boolean signed() {
        return status == Status.SIGNED;
    }
}
