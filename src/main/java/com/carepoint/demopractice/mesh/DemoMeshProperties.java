package com.carepoint.demopractice.mesh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo MESH server and the demo practices' GP system inboxes ({@code carepoint.demo.mesh.*}). Synthetic
 * credentials only: production points Carepoint at real MESH and switches the demo off.
 *
 * @param enabled          serve the demo MESH server under {@code /demo/mesh/} and run the GP system inboxes
 * @param sharedKey        the environment shared secret (the HMAC key of every mailbox's token)
 * @param carepoint        Carepoint's own mailbox (the sender of consultation reports, receiver of acks)
 * @param timestampWindow  how far a token's timestamp may be from the server's clock
 * @param maxMessages      messages kept in memory at most (acknowledged ones are dropped first)
 * @param maxStoredBytes   bytes of message content kept in memory at most
 * @param maxRequestBytes  largest body one request may carry (MESH: 20MB over the internet)
 * @param gpPollInterval   how often each GP system polls its mailbox; zero or negative: never by itself (tests
 *                         trigger a poll directly)
 * @param gpBaseUrl        where the GP systems reach the MESH server; empty: this process over loopback
 * @param faults           fault injection keyed by mailbox id, or {@code all} for the whole server
 */
@ConfigurationProperties("carepoint.demo.mesh")
public record DemoMeshProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("CarepointDemoSharedKey") String sharedKey,
        @DefaultValue Mailbox carepoint,
        @DefaultValue("2h") Duration timestampWindow,
        @DefaultValue("5000") int maxMessages,
        @DefaultValue("268435456") long maxStoredBytes,
        @DefaultValue("20971520") long maxRequestBytes,
        @DefaultValue("5s") Duration gpPollInterval,
        @DefaultValue("") String gpBaseUrl,
        @DefaultValue Map<String, Faults> faults) {

    /** Carepoint's mailbox on the demo server. */
    public record Mailbox(
            @DefaultValue("CAREPOINT01") String mailboxId,
            @DefaultValue("carepoint-mesh-demo") String password,
            @DefaultValue("Carepoint") String name,
            @DefaultValue("CPT01") String odsCode) {
    }

    /**
     * Faults the demo MESH server injects (for one mailbox, or for {@code all}).
     *
     * @param down            every request answers 503 Service Unavailable (with Retry-After)
     * @param latency         added before every answer (slow)
     * @param errorRate       the fraction of requests (0..1) answered 500
     * @param refuseRecipient messages addressed to this mailbox are refused (417, 12 "Unregistered to address")
     * @param refuseNhsNumbers GPPROVIDER addresses for these NHS numbers fail routing (EPL-151 report)
     * @param notRegisteredNhsNumbers the demo GP system behind this mailbox (every one, for {@code all}) no longer
     *                        has these patients registered — they left, and the national demographics service still
     *                        names the practice — so it answers a report about them with the negative business
     *                        acknowledgement 30003 "Patient no longer at this clinical setting" and does not file it
     */
    public record Faults(
            @DefaultValue("false") boolean down,
            @DefaultValue("0ms") Duration latency,
            @DefaultValue("0") double errorRate,
            @DefaultValue("false") boolean refuseRecipient,
            @DefaultValue List<String> refuseNhsNumbers,
            @DefaultValue List<String> notRegisteredNhsNumbers) {

        public static final Faults NONE = new Faults(false, Duration.ZERO, 0, false, List.of(), List.of());

        public boolean any() {
            return down || !latency.isZero() || errorRate > 0 || refuseRecipient || !refuseNhsNumbers.isEmpty()
                    || !notRegisteredNhsNumbers.isEmpty();
        }
    }
}
