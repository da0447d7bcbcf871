package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Bench;
import com.carepoint.access.AccessReason;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.appointments.AppointmentService;
import com.carepoint.appointments.BookingContext;
import com.carepoint.appointments.BookingPolicy;
import com.carepoint.appointments.SlotSearch;
import com.carepoint.audit.AccessAudit;
import com.carepoint.audit.AuditAction;
import com.carepoint.platform.FhirClients;
import com.carepoint.platform.FhirHttpProperties;
import com.carepoint.spine.EndpointDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 12's benchmark: a federated free-slot search over 10 services that each answer after 300 ms, against the
 * same search over one such service. The services are a loopback provider answering with the specification's slot
 * example (dates moved to tomorrow), so the figure is Carepoint's own federation (directory lookups, the parallel
 * calls, parsing, merging, audit) on top of the services' latency. Prints figures; asserts nothing about speed.
 */
@Tag(Bench.TAG)
class AppointmentSearchBenchmarkTest {

    static final int LATENCY_MS = 300;

    AppointmentFixtureProvider provider = new AppointmentFixtureProvider();

    @AfterEach
    void stop() {
        provider.close();
    }

    AppointmentService service(int services) {
        FhirClients clients = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
                16 * 1024 * 1024, 10_000), new MockEnvironment());
        GpConnectAppointments book = new GpConnectAppointments(new EndpointDirectory(clients, provider.spine()),
                clients, provider.properties());
        // One hub rule: every service covers every practice; the patient's practice is not searched.
        BookingPolicy policy = BookingPolicy.of(List.of(new BookingPolicy.Rule(List.of("ambulance-trust"), List.of(),
                        List.of("hub"))),
                IntStream.rangeClosed(1, services).mapToObj(i -> new BookingPolicy.CoveringService("B%05d".formatted(i),
                        "Bench hub " + i, "hub", List.of("*"))).toList(),
                List.of(new BookingPolicy.OrganisationContact("RX9", "01632 960900")),
                Map.of("ambulance-trust", "urgent-care"));
        AccessAudit audit = new AccessAudit(null) {
            @Override
            public void appointment(CurrentUser user, String nhsNumber, AuditAction action, String detail,
                    String reason, String outcome, String traceId) {
                // Measured without the database.
            }
        };
        return new AppointmentService(book, policy, audit);
    }

    @Test
    void federatedSlotSearchAgainstOneService() throws Exception {
        String tomorrow = LocalDate.now(AppointmentService.UK).plusDays(1).toString();
        String answer = new String(AppointmentFixtureProvider.class.getResourceAsStream(
                "/gpconnect/spec-fixtures/appointments/search-for-free-slots-response-payload-1.json").readAllBytes(),
                StandardCharsets.UTF_8).replace("2017-09-15", tomorrow).replace("+01:00", "+00:00");
        provider.slots = x -> {
            try {
                Thread.sleep(LATENCY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            AppointmentFixtureProvider.send(x, 200, "application/fhir+json;charset=utf-8", answer);
        };
        AccessReason reason = AccessReason.directCare("Ambulance attendance");
        Bench.print("Federated slot search: each service answers after " + LATENCY_MS + " ms (loopback provider, "
                + "the specification's slot example)");
        List<Double> ratios = new ArrayList<>();
        double[] p50 = new double[2];
        int[] counts = {1, 10};
        for (int c = 0; c < counts.length; c++) {
            AppointmentService service = service(counts[c]);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < Bench.warmUp(5) + Bench.runs(20); i++) {
                // A new context each time: directory lookups are per patient, so they are part of every search.
                BookingContext context = service.open(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient());
                long start = System.nanoTime();
                SlotSearch search = service.search(context, service.today(), reason);
                double ms = (System.nanoTime() - start) / 1e6;
                assertThat(search.failed()).isEmpty();
                assertThat(search.merged()).hasSize(2 * counts[c]);
                if (i >= Bench.warmUp(5)) {
                    times.add(ms);
                }
            }
            p50[c] = Bench.percentile(times, 50);
            Bench.print(String.format(Locale.UK, "%2d service%s: merged list p50 %s, p95 %s, max %s (%d runs)",
                    counts[c], counts[c] == 1 ? " " : "s", Bench.fmt(p50[c]), Bench.fmt(Bench.percentile(times, 95)),
                    Bench.fmt(Bench.percentile(times, 100)), times.size()));
        }
        ratios.add(p50[1] / p50[0]);
        Bench.print(String.format(Locale.UK, "10 services / 1 service (p50): %.2f x (goal <= 1.5 x)", ratios.get(0)));
    }
}
