package com.carepoint.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Carepoint's FHIR clients talk HTTP to GP practices and the national services ({@code carepoint.gpconnect.*}).
 *
 * @param connectTimeout   how long to wait to connect to a provider
 * @param readTimeout      how long to wait for a provider's answer
 * @param maxResponseBytes a provider answer larger than this, decompressed, is refused (a hostile or broken provider)
 * @param maxResources     a provider answer holding more FHIR resources than this is refused before it is parsed
 *                         (the demo's very large record has under 60,000 in its largest section)
 */
@ConfigurationProperties("carepoint.gpconnect")
public record FhirHttpProperties(
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("134217728") long maxResponseBytes,
        @DefaultValue("150000") long maxResources) {
}
