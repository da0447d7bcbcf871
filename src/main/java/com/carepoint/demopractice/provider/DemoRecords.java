package com.carepoint.demopractice.provider;

import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.data.RecordGenerator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The demo practices' patient records with their generated histories. Generation is deterministic for a given day;
 * a generated record is kept for a few minutes (the large ones take a moment to build).
 */
public final class DemoRecords {

    private record Key(String nhsNumber, LocalDate day) {
    }

    private final DemoData data;
    private final Clock clock;
    private final Cache<Key, PatientRecord> generated = Caffeine.newBuilder()
            .maximumSize(64)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public DemoRecords(DemoData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    public DemoData data() {
        return data;
    }

    public Clock clock() {
        return clock;
    }

    public Optional<PatientRecord> record(String nhsNumber) {
        LocalDate today = StructuredRecordRequest.today(clock);
        return data.patient(nhsNumber).map(p -> p.generate() == null ? p
                : generated.get(new Key(nhsNumber, today), k -> RecordGenerator.enrich(p, today)));
    }
}
