package com.carepoint.spine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the national organisation register is ({@code carepoint.ods.*}): its FHIR R4 API. A URL starting with
 * {@code /} is relative to this Carepoint's own address (the embedded demo stand-in); production sets an absolute one.
 *
 * @param url the organisation register's FHIR API ({@code GET /Organization/{odsCode}})
 */
@ConfigurationProperties("carepoint.ods")
public record OdsProperties(@DefaultValue("/demo/ods/FHIR/R4") String url) {
}
