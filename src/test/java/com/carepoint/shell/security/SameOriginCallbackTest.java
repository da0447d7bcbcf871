package com.carepoint.shell.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The embedded provider sends authorization codes only back to Carepoint's callback on the asking origin. */
class SameOriginCallbackTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8080/login/oauth2/code/carepoint, true",
            "http://LOCALHOST:8080/login/oauth2/code/carepoint, true",
            "http://evil.example:8080/login/oauth2/code/carepoint, false",
            "http://localhost:9999/login/oauth2/code/carepoint, false",
            "https://localhost:8080/login/oauth2/code/carepoint, false",
            "http://localhost:8080/login/oauth2/code/other, false",
            "http://localhost:8080/login/oauth2/code/carepoint?x=1, false",
            "http://user@localhost:8080/login/oauth2/code/carepoint, false",
            "not a uri, false"})
    void onlyTheSameOriginCallbackIsAccepted(String redirectUri, boolean accepted) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
        request.setScheme("http");
        request.setServerName("localhost");
        request.setServerPort(8080);
        assertThat(EmbeddedAuthorizationServerConfig.isSameOriginCallback(redirectUri, request)).isEqualTo(accepted);
    }
}
