package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The demo services are not an open door: only this machine may call them unless an operator allows more. */
class DemoLoopbackOnlyTest {

    static MockHttpServletResponse call(boolean allowRemote, String from) throws Exception {
        return call(allowRemote, from, null);
    }

    static MockHttpServletResponse call(boolean allowRemote, String from, String forwardedFor) throws Exception {
        DemoPracticeProperties properties = new DemoPracticeProperties(true, "classpath:demo-data/", Map.of(),
                allowRemote);
        Filter filter = new DemoPracticeConfiguration().demoLoopbackOnly(properties).getFilter();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/demo/pds/FHIR/R4/Patient/9990000018");
        request.setRemoteAddr(from);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(200);
        }
        return response;
    }

    @Test
    void anotherMachineIsRefused() throws Exception {
        MockHttpServletResponse r = call(false, "203.0.113.7");
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("only on this machine");
        assertThat(call(false, "10.1.2.3").getStatus()).isEqualTo(403);
    }

    @Test
    void aRequestThroughAProxyIsRefusedWhateverAddressItClaims() throws Exception {
        // Behind HAProxy, Tomcat's remote-IP handling could make a client claiming 127.0.0.1 look local.
        assertThat(call(false, "127.0.0.1", "127.0.0.1").getStatus()).isEqualTo(403);
        assertThat(call(false, "127.0.0.1", "203.0.113.7").getStatus()).isEqualTo(403);
    }

    @Test
    void thisMachineIsServed() throws Exception {
        assertThat(call(false, "127.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(false, "0:0:0:0:0:0:0:1").getStatus()).isEqualTo(200);
    }

    @Test
    void anOperatorCanOpenItUp() throws Exception {
        assertThat(call(true, "203.0.113.7").getStatus()).isEqualTo(200);
    }
}
