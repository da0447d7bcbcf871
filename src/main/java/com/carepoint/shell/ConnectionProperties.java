package com.carepoint.shell;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser's reconnection to Carepoint ({@code carepoint.connection.*}): how long between attempts once a request
 * has failed. Short, because the requests are small and a clinician waiting at the roadside should see the page
 * come back as soon as the network does (the first attempt is immediate, and going back online tries at once).
 */
@ConfigurationProperties("carepoint.connection")
public record ConnectionProperties(@DefaultValue("2s") Duration reconnectInterval) {
}
