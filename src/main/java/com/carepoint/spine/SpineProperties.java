package com.carepoint.spine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the national services are ({@code carepoint.gpconnect.*}). A URL starting with {@code /} is relative to this
 * Carepoint's own address (the embedded demo services); production sets absolute ones.
 *
 * @param sdsUrl the endpoint directory (SDS FHIR API)
 * @param pdsUrl the demographics service (PDS FHIR API)
 */
@ConfigurationProperties("carepoint.gpconnect")
public record SpineProperties(
        @DefaultValue("/demo/sds/FHIR/R4") String sdsUrl,
        @DefaultValue("/demo/pds/FHIR/R4") String pdsUrl) {
}
