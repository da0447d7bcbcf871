package com.carepoint.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The one "Carepoint is ready on ..." line names the address a user opens. */
class ReadyLineTest {

    @Test
    void namesThePortTheServerListensOn() {
        MockEnvironment env = new MockEnvironment().withProperty("server.port", "0")
                .withProperty("local.server.port", "45321");
        assertThat(ReadyLine.line(env)).isEqualTo("Carepoint is ready on http://localhost:45321/");
    }

    @Test
    void theDefaultPort() {
        assertThat(ReadyLine.line(new MockEnvironment())).isEqualTo("Carepoint is ready on http://localhost:8080/");
    }

    @Test
    void anAddressContextPathAndTls() {
        MockEnvironment env = new MockEnvironment().withProperty("local.server.port", "8443")
                .withProperty("server.address", "10.0.0.5").withProperty("server.servlet.context-path", "/carepoint/")
                .withProperty("server.ssl.enabled", "true");
        assertThat(ReadyLine.line(env)).isEqualTo("Carepoint is ready on https://10.0.0.5:8443/carepoint/");
    }
}
