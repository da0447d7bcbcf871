package com.carepoint.audit;

import com.carepoint.access.CurrentUser;
import java.time.Instant;
import java.util.Optional;

/**
 * One audited action: who (user, role, organisation), which patient, what, why, with what outcome, when, and the
 * trace id that links it to the logs.
 */
public record AuditEvent(
        Instant occurredAt,
        CurrentUser user,
        Optional<String> patientNhsNumber,
        AuditAction action,
        String detail,
        Optional<String> reason,
        String outcome,
        String traceId) {
}
