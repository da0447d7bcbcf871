package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.data.RecordGenerator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The large-record generator: deterministic, and of the configured size. */
class LargeRecordTest {

    static final DemoData DATA = DemoData.load(new DefaultResourceLoader(), "classpath:demo-data/");

    @Test
    void generatesAbout131000ResourcesDeterministically() {
        PatientRecord seed = DATA.patient("9990001200").orElseThrow();
        LocalDate day = LocalDate.of(2026, 11, 22);
        PatientRecord a = RecordGenerator.enrich(seed, day);
        PatientRecord b = RecordGenerator.enrich(seed, day);
        assertThat(a).isEqualTo(b);
        long resources = a.consultations().size() * 9L + a.observations().size()
                + a.medications().stream().mapToLong(m -> 3 + m.issues().size()).sum();
        assertThat(resources).isBetween(125_000L, 140_000L);
    }

    @Test
    void typicalPatientsGetAModestHistory() {
        PatientRecord p = RecordGenerator.enrich(DATA.patient("9990001278").orElseThrow(), LocalDate.of(2026, 11, 22));
        assertThat(p.consultations()).hasSizeBetween(10, 40);
        assertThat(p.consultations()).allSatisfy(c -> assertThat(c.date()).isBeforeOrEqualTo(LocalDate.of(2026, 11, 22)));
    }
}
