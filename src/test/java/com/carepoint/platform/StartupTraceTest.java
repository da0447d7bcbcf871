package com.carepoint.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The start-up trace prints the slowest bean creations only when asked, for ./carepoint startup-bench. */
class StartupTraceTest {

    @Configuration(proxyBeanMethods = false)
    static class SlowBean {
        @Bean
        String slowToMake() throws InterruptedException {
            Thread.sleep(30);
            return "made";
        }
    }

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private String startCapturing(boolean traced) {
        String before = System.getProperty(StartupTrace.PROPERTY);
        // Spring Boot leaves logging alone: reconfiguring it here would change it for every later test in this JVM.
        String loggingBefore = System.getProperty(LOGGING_SYSTEM);
        System.setProperty(LOGGING_SYSTEM, "none");
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty(StartupTrace.PROPERTY, Boolean.toString(traced));
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SpringApplication app = new SpringApplication(SlowBean.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setLogStartupInfo(false);
            app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
            StartupTrace.applyIfRequested(app);
            try (ConfigurableApplicationContext ignored = app.run()) {
                return captured.toString(StandardCharsets.UTF_8);
            }
        } finally {
            System.setOut(out);
            if (loggingBefore == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingBefore);
            }
            if (before == null) {
                System.clearProperty(StartupTrace.PROPERTY);
            } else {
                System.setProperty(StartupTrace.PROPERTY, before);
            }
        }
    }

    @Test
    void tracedStartPrintsTheSlowestBeansAndTheTimeToReady() {
        String out = startCapturing(true);
        assertThat(out).containsPattern("STARTUP bean +\\d+ ms  slowToMake");
        assertThat(out).containsPattern("STARTUP ready after \\d+ ms, process CPU time \\d+ ms, JVM up \\d+ ms");
    }

    @Test
    void untracedStartPrintsNothing() {
        assertThat(startCapturing(false)).doesNotContain("STARTUP");
    }
}
