package com.carepoint.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Carepoint's FHIR clients talk HTTP to GP practices and the national services ({@code carepoint.gpconnect.*}).
 *
 * @param connectTimeout   how long to wait to connect to a provider
 * @param readTimeout      how long to wait for a provider's answer
 * @param maxResponseBytes a provider answer larger than this is refused (a hostile or broken provider)
 */
@ConfigurationProperties("carepoint.gpconnect")
public record FhirHttpProperties(
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("268435456") long maxResponseBytes) {
}
