package com.carepoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.Application;
import com.carepoint.OwnContext;
import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.record.FetchedSection;
import com.carepoint.record.PatientContext;
import com.carepoint.record.RecordItems;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.Demographics;
import com.carepoint.spine.SpineUnavailableException;
import com.carepoint.gpconnect.GpConnectRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Carepoint with the demo services in a JVM of their own ({@link DemoServicesProcess}), reached by configuration
 * only: a patient is traced on the separate PDS stand-in, the practice found on its SDS stand-in and the record read
 * from its practice; Carepoint itself serves no demo services; and when the demo services' JVM is killed (-9) the
 * trace fails plainly, and works again once they are restarted on the same port.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DemoServicesProcessTest {

    static DemoServicesProcess demo;

    @DynamicPropertySource
    static void demoServices(DynamicPropertyRegistry registry) {
        if (demo == null) {
            demo = DemoServicesProcess.start();
        }
        demo.registerWith(registry);
    }

    @AfterAll
    static void stopDemoServices() {
        if (demo != null) {
            demo.stop();
            demo = null;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Demographics demographics;
    @Autowired
    GpConnectRecords records;

    @Test
    void carepointReadsARecordFromTheDemoServicesInTheirOwnJvm() throws Exception {
        TracedPatient patient = trace("9990000018");
        assertThat(patient.registeredPracticeOds()).contains("A20047");
        FetchedSection medications = records.fetch(PatientContext.open(DemoUsers.PARAMEDIC, patient),
                SectionKind.MEDICATIONS, SectionRequest.FIRST_SCREEN);
        assertThat(medications.section().problem()).isEmpty();
        assertThat(medications.section().items()).map(m -> ((RecordItems.Medication) m).what().display())
                .contains("Amlodipine 5mg tablets");
        assertThat(medications.source()).hasValueSatisfying(s -> assertThat(s.odsCode()).isEqualTo("A20047"));

        // Carepoint itself does not serve them: the answer came from the other JVM.
        HttpResponse<Void> embedded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/demo/pds/FHIR/R4/metadata")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(embedded.statusCode()).isNotEqualTo(200);
    }

    @Test
    void killedDemoServicesFailPlainlyAndARestartOnTheSamePortIsUsedAgain() {
        PatientContext context = PatientContext.open(DemoUsers.PARAMEDIC, trace("9990000018"));
        demo.kill();
        assertThat(demo.alive()).isFalse();
        assertThatThrownBy(() -> trace("9990000018")).isInstanceOf(SpineUnavailableException.class);
        FetchedSection allergies = records.fetch(context, SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN);
        assertThat(allergies.section().problem()).hasValueSatisfying(p ->
                assertThat(p.kind()).isEqualTo(RecordProblem.Kind.UNREACHABLE));

        demo.restart();
        assertThat(demo.answering()).isTrue();
        assertThat(trace("9990000018").registeredPracticeOds()).contains("A20047");
        FetchedSection again = records.fetch(PatientContext.open(DemoUsers.PARAMEDIC, trace("9990000018")),
                SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN);
        assertThat(again.section().problem()).isEmpty();
    }

    private TracedPatient trace(String nhs) {
        return demographics.trace(NhsNumber.parse(nhs).orElseThrow()).orElseThrow();
    }
}
