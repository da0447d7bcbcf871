package com.carepoint.record;

import java.util.Optional;

/**
 * The answer for one section: the section (loaded or failed), its source when the practice answered, and the trace
 * id of the call (in the logs and the audit trail).
 */
public record FetchedSection(Section<?> section, Optional<RecordSource> source, String traceId) {
}
