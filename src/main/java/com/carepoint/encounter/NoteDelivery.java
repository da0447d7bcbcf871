package com.carepoint.encounter;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a signed note's journey to the patient's GP practice has got to, from the durable outbox. Each state says
 * in plain English what it means for the patient's record.
 *
 * @param localId the MESH local id: the same for every attempt, so a resend after a crash is recognisable
 */
public record NoteDelivery(UUID noteId, String localId, Status status, Optional<String> detail,
        Optional<String> meshMessageId, String recipient, int attempts, Instant nextAttemptAt, Instant queuedAt,
        Optional<Instant> acceptedAt, Optional<Instant> deliveredAt, Optional<Instant> completedAt,
        Optional<String> lastError, Optional<Instant> alertedAt) {

    /** The states of a delivery, in order; REJECTED and FAILED end it without the note being filed. */
    public enum Status {
        QUEUED("Queued", "Waiting to be sent to the practice."),
        SENDING("Sending", "Being sent to MESH, the NHS mailbox service, now."),
        ACCEPTED("Accepted by MESH", "Accepted by MESH, the NHS mailbox service; the practice has not collected it "
                + "yet."),
        DELIVERED("Delivered", "Delivered to the practice's GP system; waiting for it to be filed."),
        FILED("Filed", "Filed in the patient's GP record at the practice."),
        REJECTED("Rejected", "The practice's GP system rejected the note, so the practice does not have it."),
        FAILED("Not delivered", "The note could not be delivered, so the practice does not have it.");

        private final String label;
        private final String meaning;

        Status(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        public String label() {
            return label;
        }

        public String meaning() {
            return meaning;
        }

        /** Whether the journey has ended (filed, rejected or failed). */
        public boolean done() {
            return this == FILED || this == REJECTED || this == FAILED;
        }
    }

    /**
     * Whether someone must act: the note was rejected or not delivered, or it has not reached the practice in the
     * configured time (alerted and still on its way).
     */
    public boolean needsAttention() {
        return status == Status.REJECTED || status == Status.FAILED || alertedAt.isPresent() && !status.done();
    }

    /** Alerted and still on its way: it has not reached the practice in the time expected. */
    public boolean overdue() {
        return alertedAt.isPresent() && !status.done();
    }

    /** What the author is told when the note is overdue. */
    public static final String OVERDUE = "It has not reached the practice in the time expected. Phone the practice "
            + "to give them the note, and tell the service desk.";

    /** What the author is told: the state, its meaning, the reason when there is one, and what to do. */
    public String explained() {
        String base = status.meaning() + detail.map(d -> " " + d).orElse("");
        return switch (status) {
            case QUEUED -> base + (attempts > 0 ? " Carepoint has tried " + attempts + " time" + (attempts == 1 ? ""
                    : "s") + " and keeps trying" + lastError.map(e -> " (" + e + ")").orElse("") + "." : "");
            // Sent again after failed tries: the last problem stays in view while the new try is under way.
            case SENDING -> base + (attempts > 0 ? " Carepoint has tried " + attempts + " time" + (attempts == 1 ? ""
                    : "s") + " before" + lastError.map(e -> " (" + e + ")").orElse("") + "." : "");
            case REJECTED, FAILED -> base + " Phone the practice and give them the note (you can download it as a "
                    + "PDF).";
            default -> base;
        };
    }
}
