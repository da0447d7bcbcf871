package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.OwnContext;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Faults configured per service apply to its appointment endpoints too; {@code only-interactions} limits them to one
 * interaction, so a service's slot search can fail while its Patient search still answers.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "carepoint.demo.faults.U81001.error-rate=1",
        "carepoint.demo.faults.U81001.only-interactions=urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1",
        "carepoint.demo.faults.Y02345.malformed-json=true"})
class AppointmentFaultInjectionTest {

    @LocalServerPort
    int port;

    HttpResponse<String> slots(String ods, String asid) {
        GpcTestRequest r = GpcTestRequest.to(port, ods, asid, AppointmentConformanceTest.SEARCH_SLOT, "organization/*.read");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        r.path = "/Slot?status=free&start=ge" + today + "&end=le" + today.plusDays(6) + "&_include="
                + URLEncoder.encode("Slot:schedule", StandardCharsets.UTF_8);
        return r.send();
    }

    @Test
    void aServiceWhoseSlotSearchFailsStillFindsPatients() {
        HttpResponse<String> slots = slots("U81001", "918999100606");
        assertThat(slots.statusCode()).isEqualTo(500);
        assertThat(slots.body()).contains("INTERNAL_SERVER_ERROR");
        GpcTestRequest patient = GpcTestRequest.to(port, "U81001", "918999100606", GpcTestRequest.SEARCH_PATIENT,
                "patient/*.read");
        patient.path = "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000018";
        assertThat(patient.send().statusCode()).isEqualTo(200);
    }

    @Test
    void aServiceAnsweringMalformedJsonDoesSoForSlotsToo() {
        HttpResponse<String> slots = slots("Y02345", "918999100505");
        assertThat(slots.statusCode()).isEqualTo(200);
        assertThat(slots.body()).isEqualTo("{\"resourceType\":\"Bundle\",\"entry\":[{");
    }

    @Test
    void servicesWithoutFaultsAnswerNormally() {
        assertThat(slots("A20047", "918999100101").statusCode()).isEqualTo(200);
    }
}
