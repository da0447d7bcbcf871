package com.carepoint.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Carepoint's FHIR clients talk HTTP to GP practices and the national services ({@code carepoint.gpconnect.*}).
 *
 * @param connectTimeout   how long to wait to connect to a provider
 * @param readTimeout      how long to wait for a provider's answer
 * @param maxResponseBytes a provider answer larger than this, decompressed, is refused (a hostile or broken provider)
 * @param maxResources     a provider answer holding more FHIR resources than this is refused before it is parsed
 *                         (the demo's very large record has under 60,000 in its largest section)
 * @param maxInFlightBytes the bytes of all answers this node may be reading at once, shared by every call (default
 *                         512 MiB, four answers at the per-answer cap): an answer that would take more fails at once
 */
@ConfigurationProperties("carepoint.gpconnect")
public record FhirHttpProperties(
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("134217728") long maxResponseBytes,
        @DefaultValue("150000") long maxResources,
        @DefaultValue("536870912") long maxInFlightBytes) {

    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 536_870_912L;

    @ConstructorBinding
    public FhirHttpProperties {
    }

    /** With the default in-flight budget. */
    public FhirHttpProperties(Duration connectTimeout, Duration readTimeout, long maxResponseBytes, long maxResources) {
        this(connectTimeout, readTimeout, maxResponseBytes, maxResources, DEFAULT_MAX_IN_FLIGHT_BYTES);
    }
}
