package com.carepoint.gpconnect;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Carepoint calls GP Connect and the national services ({@code carepoint.gpconnect.*}). A URL starting with
 * {@code /} is relative to this Carepoint's own address (the embedded demo services); production sets absolute ones.
 *
 * @param consumerAsid       Carepoint's ASID (Ssp-From)
 * @param consumerSystemUrl  Carepoint's system URL (the JWT's iss)
 * @param sdsUrl             the endpoint directory (SDS FHIR API)
 * @param pdsUrl             the demographics service (PDS FHIR API)
 * @param proxyPrefix        the Spine Secure Proxy prefix; empty calls the provider root directly
 * @param connectTimeout     how long to wait to connect to a provider
 * @param readTimeout        how long to wait for a provider's answer
 * @param maxResponseBytes   a provider answer larger than this is refused (a hostile or broken provider)
 * @param capabilityCacheTtl how long a provider's CapabilityStatement (its GP Connect version) is cached
 */
@ConfigurationProperties("carepoint.gpconnect")
public record GpConnectProperties(
        @DefaultValue("200000001111") String consumerAsid,
        @DefaultValue("https://carepoint.example.nhs.uk") String consumerSystemUrl,
        @DefaultValue("/demo/sds/FHIR/R4") String sdsUrl,
        @DefaultValue("/demo/pds/FHIR/R4") String pdsUrl,
        @DefaultValue("") String proxyPrefix,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("268435456") long maxResponseBytes,
        @DefaultValue("1h") Duration capabilityCacheTtl,
        @DefaultValue("0.1.0") String softwareVersion) {
}
