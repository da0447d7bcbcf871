package com.carepoint.record;

import java.time.Instant;

/** Where a record came from and when: the practice, its GP system and the time Carepoint retrieved it. */
public record RecordSource(String practiceName, String odsCode, String gpSystem, Instant retrievedAt) {
}
