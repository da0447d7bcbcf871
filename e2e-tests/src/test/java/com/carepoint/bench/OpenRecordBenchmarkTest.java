package com.carepoint.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.carepoint.Bench;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.ReasonForAccessDialog;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser-measured time from asking for a record (clicking "Find patient" with an NHS number) to allergies and
 * medications visible, with the practice answering after a fixed latency L: p50 and p95 over 25 runs, and the same
 * minus L (the time Carepoint adds). Also the large record's first screen.
 */
@Tag(Bench.TAG)
@TestPropertySource(properties = Bench.LATENCY_PROPERTY)
class OpenRecordBenchmarkTest extends BrowserTest {

    static final int WARM_UP = 3;
    static final int RUNS = 25;

    @Test
    void openRecordToAllergiesAndMedicationsVisible() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        measure("typical record 999 000 0018", "9990000018", Bench.runs(RUNS));
        measure("large record 999 000 1200 (~131,000 resources)", "9990001200", Bench.runs(5));
    }

    private void measure(String label, String nhs, int runs) {
        List<Double> times = new ArrayList<>();
        int warmUp = Bench.warmUp(WARM_UP);
        for (int i = 0; i < warmUp + runs; i++) {
            PatientSearchPage search = new PatientSearchPage(page).open(url(""));
            search.typeNhsNumber(nhs);
            long start = System.nanoTime();
            page.locator("#find-by-nhs-number").click();
            ReasonForAccessDialog.giveFirstReasonIfAsked(page);
            LocatorAssertions.IsVisibleOptions wait = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);
            assertThat(page.locator("#card-allergies .cp-section-body")).isVisible(wait);
            assertThat(page.locator("#card-medications .cp-section-body")).isVisible(wait);
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= warmUp) {
                times.add(ms);
            }
        }
        double p50 = Bench.percentile(times, 50);
        double p95 = Bench.percentile(times, 95);
        Bench.print(label + ": open to allergies and medications visible over " + runs + " runs, latency L = "
                + Bench.LATENCY_MS + " ms: p50 " + Bench.fmt(p50) + ", p95 " + Bench.fmt(p95) + "; minus L: p50 "
                + Bench.fmt(p50 - Bench.LATENCY_MS) + ", p95 " + Bench.fmt(p95 - Bench.LATENCY_MS));
    }
}
