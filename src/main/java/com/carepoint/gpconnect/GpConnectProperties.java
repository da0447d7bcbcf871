package com.carepoint.gpconnect;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Carepoint calls GP Connect providers ({@code carepoint.gpconnect.*}; the HTTP timeouts and size cap are in
 * {@code FhirHttpProperties}, the national services' addresses in {@code SpineProperties}).
 *
 * @param consumerAsid       Carepoint's ASID (Ssp-From)
 * @param consumerSystemUrl  Carepoint's system URL (the JWT's iss)
 * @param proxyPrefix        the Spine Secure Proxy prefix; empty calls the provider root directly
 * @param capabilityCacheTtl how long a provider's CapabilityStatement (its GP Connect version) is cached
 * @param sectionDeadline    the most one section's call may take in all, however the answer trickles in
 * @param maxConcurrentCalls how many calls to GP practices may be under way at once on this node
 * @param maxConcurrentCallsPerPractice how many of those to one practice, so one slow practice cannot take them all
 */
@ConfigurationProperties("carepoint.gpconnect")
public record GpConnectProperties(
        @DefaultValue("200000001111") String consumerAsid,
        @DefaultValue("https://carepoint.example.nhs.uk") String consumerSystemUrl,
        @DefaultValue("") String proxyPrefix,
        @DefaultValue("1h") Duration capabilityCacheTtl,
        @DefaultValue("0.1.0") String softwareVersion,
        @DefaultValue("45s") Duration sectionDeadline,
        @DefaultValue("64") int maxConcurrentCalls,
        @DefaultValue("16") int maxConcurrentCallsPerPractice) {
}
