package com.carepoint.spine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the national organisation register is ({@code carepoint.ods.*}): its FHIR R4 API, the Organisation Data
 * Terminology API (docs/interoperability.md, "Organisation register (ODS)"). A URL starting with {@code /} is relative
 * to this Carepoint's own address (the embedded demo stand-in); production sets an absolute one,
 * {@code https://api.service.nhs.uk/organisation-data-terminology-api/fhir}.
 *
 * @param url    the organisation register's FHIR API ({@code GET /Organization/{odsCode}})
 * @param apiKey the application's API key, sent as the {@code apikey} header (the API is "application-restricted"
 *               with "API key authentication"); empty: no header (the sandbox has "no auth")
 */
@ConfigurationProperties("carepoint.ods")
public record OdsProperties(@DefaultValue("/demo/ods/FHIR/R4") String url, @DefaultValue("") String apiKey) {

    @Override
    public String toString() {
        // Never the key itself (properties are sometimes logged).
        return "OdsProperties[url=" + url + ", apiKey=" + (apiKey.isBlank() ? "none" : "set") + "]";
    }
}
