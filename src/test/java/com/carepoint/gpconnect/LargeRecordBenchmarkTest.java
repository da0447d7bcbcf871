package com.carepoint.gpconnect;

import com.carepoint.Application;
import com.carepoint.Bench;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.platform.FhirClients;
import com.carepoint.record.PatientContext;
import com.carepoint.record.Section;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.Demographics;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The ~131,000-resource record (999 000 1200): for each section, the provider's answer size, the time to parse it and
 * map it into Carepoint's domain records, the whole fetch; and the heap an open record holds.
 */
@Tag(Bench.TAG)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = Bench.LATENCY_PROPERTY)
@Import(EndpointDirectoryAccess.class)
class LargeRecordBenchmarkTest {

    static final CurrentUser USER = DemoUsers.PARAMEDIC;

    @Autowired
    Demographics demographics;
    @Autowired
    GpConnectRecords records;
    @Autowired
    EndpointDirectoryAccess directory;

    @Test
    void largeRecord() {
        // Smoke mode (the test command) runs the same steps on the typical record: it proves they run, quickly.
        String nhs = Bench.SMOKE ? "9990000018" : "9990001200";
        TracedPatient patient = demographics.trace(NhsNumber.parse(nhs).orElseThrow()).orElseThrow();
        Bench.print("Large record " + nhs + " at Riverside (A20047), practice latency " + Bench.LATENCY_MS + " ms");
        int totalResources = 0;
        for (SectionKind kind : SectionKind.STRUCTURED) {
            String json = directory.rawStructuredRecord(USER, patient, kind);
            long t0 = System.nanoTime();
            Bundle bundle = FhirClients.STU3.newJsonParser().parseResource(Bundle.class, json);
            long t1 = System.nanoTime();
            Section<?> section = new StructuredRecordMapper(bundle).map(kind);
            long t2 = System.nanoTime();
            totalResources += bundle.getEntry().size();
            Bench.print(String.format(Locale.UK, "%-16s resources %7d  body %6.1f MB  parse %s  map %s  items %d",
                    kind, bundle.getEntry().size(), json.length() / 1e6, Bench.fmt((t1 - t0) / 1e6),
                    Bench.fmt((t2 - t1) / 1e6), section.items().size()));
        }
        Bench.print("all sections: " + totalResources + " resources (the Patient, Organization and Practitioner "
                + "repeat in each section's answer)");
        long firstScreenStart = System.nanoTime();
        PatientContext encounter = PatientContext.open(USER, patient);
        List<Thread> threads = new ArrayList<>();
        for (SectionKind kind : List.of(SectionKind.ALLERGIES, SectionKind.MEDICATIONS, SectionKind.PROBLEMS,
                SectionKind.CONSULTATIONS)) {
            threads.add(Thread.ofVirtual().start(() -> records.fetch(encounter, kind, SectionRequest.FIRST_SCREEN)));
        }
        threads.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        double firstScreen = (System.nanoTime() - firstScreenStart) / 1e6;
        Bench.print("first screen (4 sections in parallel, fetch + parse + map): " + Bench.fmt(firstScreen)
                + ", minus latency " + Bench.fmt(firstScreen - Bench.LATENCY_MS));

        long before = usedHeap();
        List<Object> held = new ArrayList<>();
        for (SectionKind kind : SectionKind.STRUCTURED) {
            held.add(records.fetch(PatientContext.open(USER, patient), kind, SectionRequest.FULL).section());
        }
        long after = usedHeap();
        Bench.print("heap retained by one open large record (all sections mapped): "
                + String.format(Locale.UK, "%.1f MB", (after - before) / 1e6) + " (" + held.size() + " sections)");
        TracedPatient typical = demographics.trace(NhsNumber.parse("9990000018").orElseThrow()).orElseThrow();
        before = usedHeap();
        List<Object> typicalHeld = new ArrayList<>();
        for (SectionKind kind : SectionKind.STRUCTURED) {
            typicalHeld.add(records.fetch(PatientContext.open(USER, typical), kind, SectionRequest.FULL).section());
        }
        after = usedHeap();
        Bench.print("heap retained by one open typical record (999 000 0018, all sections): "
                + String.format(Locale.UK, "%.2f MB", (after - before) / 1e6) + " (" + typicalHeld.size() + ")");
    }

    static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
