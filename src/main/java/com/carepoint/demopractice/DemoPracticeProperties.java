package com.carepoint.demopractice;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo GP practices and national service stand-ins ({@code carepoint.demo.*}). On by default; production sets
 * {@code carepoint.demo.enabled=false} and points Carepoint at real endpoints.
 *
 * @param dataLocation where {@code practices.yaml}, {@code patients.yaml} and {@code directory.yaml} are read from
 *                     (a Spring resource location such as {@code classpath:demo-data/} or {@code file:/etc/...})
 * @param faults       per-practice fault and latency injection, keyed by ODS code
 * @param allowRemote  whether clients other than this machine (loopback) may call {@code /demo/**}; off by default,
 *                     so the demo's synthetic records and its unsigned tokens are not an open door on a network
 */
@ConfigurationProperties("carepoint.demo")
public record DemoPracticeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("classpath:demo-data/") String dataLocation,
        @DefaultValue Map<String, Faults> faults,
        @DefaultValue("false") boolean allowRemote) {

    /**
     * Faults a practice injects, for testing how Carepoint copes.
     *
     * @param latency          added to every response
     * @param jitter           up to this much more, at random
     * @param errorRate        the fraction of requests (0..1) answered 500 INTERNAL_SERVER_ERROR
     * @param hang             every request hangs for {@code hangFor} (past any sensible client timeout)
     * @param malformedJson    answers with a body that is not valid JSON
     * @param wrongContentType answers with {@code text/html}
     * @param oversizedBytes   answers with a body of at least this many bytes (0: off)
     * @param onlySections     when set, the faults apply only to structured record requests for these sections
     *                         (part names such as {@code includeMedication}); other requests are answered normally
     * @param onlyInteractions when set, the faults apply only to requests with one of these {@code Ssp-InteractionID}s
     *                         (e.g. {@code urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1}: a service whose
     *                         slot search is slow or failing while its Patient search still answers)
     */
    public record Faults(
            @DefaultValue("0ms") Duration latency,
            @DefaultValue("0ms") Duration jitter,
            @DefaultValue("0") double errorRate,
            @DefaultValue("false") boolean hang,
            @DefaultValue("120s") Duration hangFor,
            @DefaultValue("false") boolean malformedJson,
            @DefaultValue("false") boolean wrongContentType,
            @DefaultValue("0") long oversizedBytes,
            @DefaultValue List<String> onlySections,
            @DefaultValue List<String> onlyInteractions) {

        public boolean any() {
            return !latency.isZero() || !jitter.isZero() || errorRate > 0 || hang || malformedJson || wrongContentType
                    || oversizedBytes > 0;
        }
    }
}
