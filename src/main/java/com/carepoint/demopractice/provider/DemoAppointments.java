package com.carepoint.demopractice.provider;

import com.carepoint.demopractice.data.Practice;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo services' appointment books, one per service, each opened (and seeded) on its first request. In memory
 * only: a restart gives every service its seeded book again.
 */
public final class DemoAppointments {

    private final DemoRecords records;
    private final Map<String, PracticeAppointments> services = new ConcurrentHashMap<>();

    public DemoAppointments(DemoRecords records) {
        this.records = records;
    }

    PracticeAppointments of(Practice practice) {
        return services.computeIfAbsent(practice.odsCode(), ods -> new PracticeAppointments(practice, records));
    }
}
