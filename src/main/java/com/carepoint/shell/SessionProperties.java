package com.carepoint.shell;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Idle sign-out ({@code carepoint.session.*}): after how long without activity, and how long before that to warn. */
@ConfigurationProperties("carepoint.session")
public record SessionProperties(
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("2m") Duration idleWarning) {
}
