package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.demopractice.faults.FaultInjectionFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Faults configured by environment variable take effect: CAREPOINT_DEMO_FAULTS_A20047_ERROR_RATE=1 reaches the
 * application with the practice's code lower-cased ("a20047") by relaxed binding.
 */
class FaultInjectionKeysTest {

    @Test
    void aPracticeCodeLowerCasedByAnEnvironmentVariableStillMatches() throws Exception {
        DemoPracticeProperties.Faults alwaysFail = new DemoPracticeProperties.Faults(Duration.ZERO, Duration.ZERO, 1.0,
                false, Duration.ofSeconds(1), false, false, 0, List.of(), List.of());
        FaultInjectionFilter filter = new FaultInjectionFilter(Map.of("a20047", alwaysFail));
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/demo/gp/A20047/STU3/1/gpconnect/fhir/metadata");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(500);
    }
}
