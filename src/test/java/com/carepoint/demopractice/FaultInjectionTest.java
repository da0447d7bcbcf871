package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.OwnContext;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Faults configured per practice are injected into that practice's responses, and only that practice's. */
@Tag(OwnContext.TAG)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "carepoint.demo.faults.A20047.latency=300ms",
        "carepoint.demo.faults.A20047.oversized-bytes=3000000",
        "carepoint.demo.faults.C81616.error-rate=1",
        "carepoint.demo.faults.D82044.malformed-json=true",
        "carepoint.demo.faults.Y02345.wrong-content-type=true",
        "carepoint.demo.faults.B82033.hang=true",
        "carepoint.demo.faults.B82033.hang-for=3s"})
class FaultInjectionTest {

    @LocalServerPort
    int port;

    HttpResponse<String> call(String ods, String asid) {
        GpcTestRequest r = GpcTestRequest.to(port, ods, asid, GpcTestRequest.METADATA, "organization/*.read");
        r.path = "/metadata";
        return r.send();
    }

    @Test
    void latencyAndAnOversizedBody() {
        long start = System.nanoTime();
        HttpResponse<String> r = call("A20047", "918999100101");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isGreaterThanOrEqualTo(300);
        assertThat(r.body().length()).isGreaterThan(3_000_000);
    }

    @Test
    void anErrorRateOfOneAlwaysFails() {
        HttpResponse<String> r = call("C81616", "918999100303");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("INTERNAL_SERVER_ERROR");
    }

    @Test
    void malformedJsonAndWrongContentType() {
        HttpResponse<String> malformed = call("D82044", "918999100404");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).isEqualTo("{\"resourceType\":\"Bundle\",\"entry\":[{");
        HttpResponse<String> html = call("Y02345", "918999100505");
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    @Test
    void aHangingPracticeAnswersOnlyAfterTheHang() {
        long start = System.nanoTime();
        call("B82033", "918999100202");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(3000);
    }
}
