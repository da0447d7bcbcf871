package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.demopractice.faults.FaultInjectionFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The fault-injection environment variables the README and docs/demo-data.md give take effect: bound as Spring Boot
 * binds the process environment (the practice's code arrives lower-cased, "a20047"), then applied by the filter to
 * the practice's requests.
 */
class FaultInjectionBindingTest {

    private static DemoPracticeProperties bind(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.from(env.getPropertySources()))
                .bindOrCreate("carepoint.demo", DemoPracticeProperties.class);
    }

    private static int status(DemoPracticeProperties properties, String path, String interaction) throws Exception {
        FaultInjectionFilter filter = new FaultInjectionFilter(properties.faults());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (interaction != null) {
            request.addHeader("Ssp-InteractionID", interaction);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void theDocumentedVariablesBind() {
        DemoPracticeProperties p = bind(Map.of(
                "CAREPOINT_DEMO_FAULTS_A20047_LATENCY", "300ms",
                "CAREPOINT_DEMO_FAULTS_U81001_ERROR_RATE", "1",
                "CAREPOINT_DEMO_FAULTS_U81001_ONLY_INTERACTIONS",
                "urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1",
                "CAREPOINT_DEMO_FAULTS_Y02345_MALFORMED_JSON", "true"));
        assertThat(p.faults().keySet()).extracting(k -> k.toUpperCase()).containsExactlyInAnyOrder("A20047", "U81001",
                "Y02345");
        DemoPracticeProperties.Faults a = p.faults().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("A20047")).findFirst().orElseThrow().getValue();
        assertThat(a.latency()).isEqualTo(Duration.ofMillis(300));
        DemoPracticeProperties.Faults u = p.faults().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("U81001")).findFirst().orElseThrow().getValue();
        assertThat(u.errorRate()).isEqualTo(1.0);
        assertThat(u.onlyInteractions()).containsExactly("urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1");
        assertThat(p.faults().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Y02345")).findFirst()
                .orElseThrow().getValue().malformedJson()).isTrue();
    }

    @Test
    void aBoundErrorRateFailsThePracticesRequests() throws Exception {
        DemoPracticeProperties p = bind(Map.of("CAREPOINT_DEMO_FAULTS_A20047_ERROR_RATE", "1"));
        assertThat(status(p, "/demo/gp/A20047/STU3/1/gpconnect/fhir/metadata", null)).isEqualTo(500);
        assertThat(status(p, "/demo/gp/B82033/STU3/1/gpconnect/fhir/metadata", null)).isEqualTo(200);
    }

    @Test
    void aBoundInteractionFilterLimitsTheFaultToThatInteraction() throws Exception {
        DemoPracticeProperties p = bind(Map.of("CAREPOINT_DEMO_FAULTS_U81001_ERROR_RATE", "1",
                "CAREPOINT_DEMO_FAULTS_U81001_ONLY_INTERACTIONS",
                "urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1"));
        String path = "/demo/gp/U81001/STU3/1/gpconnect/fhir/Slot";
        assertThat(status(p, path, "urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1")).isEqualTo(500);
        assertThat(status(p, path, "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1")).isEqualTo(200);
    }

    @Test
    void noVariablesNoFaults() {
        assertThat(bind(Map.of()).faults()).isEmpty();
        assertThat(List.copyOf(bind(Map.of("CAREPOINT_DEMO_ENABLED", "true")).faults().keySet())).isEmpty();
    }
}
