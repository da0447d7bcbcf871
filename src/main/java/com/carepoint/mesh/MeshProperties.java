package com.carepoint.mesh;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Carepoint reaches MESH ({@code carepoint.mesh.*}). Everything is optional: with no {@code base-url} there is no
 * MESH client. Secrets are never printed ({@link #toString()}).
 *
 * @param baseUrl             the MESH environment's root, e.g. {@code https://msg.intspineservices.nhs.uk} (integration,
 *                            internet) or {@code https://mesh-sync.spineservices.nhs.uk} (production, internet) — the
 *                            MESH API specification's "Environments and testing"; a path starting with {@code /} is
 *                            resolved against this Carepoint's own address (a demo MESH server in the same process)
 * @param mailboxId           Carepoint's MESH mailbox id (sent upper case)
 * @param mailboxPassword     the mailbox password (only ever inside the Authorization hash)
 * @param sharedKey           the environment shared secret, the HMAC key
 * @param connectTimeout      how long to wait to connect
 * @param readTimeout         how long to wait for MESH to start answering one request
 * @param callDeadline        the most one request may take in all, however slowly the answer arrives
 * @param maxResponseBytes    a JSON answer larger than this is refused (inbox lists, tracking, errors)
 * @param maxMessageBytes     a downloaded message larger than this, all chunks decompressed, is refused
 * @param chunkBytes          a message larger than this is sent in chunks of this size (uncompressed), each gzipped on
 *                            its own; "100MB over HSCN connections or 20MB over the internet" per request
 * @param compress            send with {@code Content-Encoding: gzip} (the MESH API's "Algorithm used to compress the
 *                            file e.g. 'gzip'")
 * @param maxInboxPages       how many pages of a v2 inbox list ({@code links.next}) one call follows
 * @param clientName          the name in {@code Mex-ClientVersion} ({@code name==version}, as the specification's
 *                            {@code ApiDocs==0.0.1})
 * @param clientVersion       the version in {@code Mex-ClientVersion}
 * @param inboxPollInterval   how often Carepoint's inbox is read and accepted messages tracked; a real MESH server
 *                            ({@code base-url} an absolute address) is polled at most every five minutes whatever
 *                            this says ({@link #inboxPollEvery()}), the embedded demo server as often as this says
 * @param tls                 the TLS client certificate and the trust store, for real MESH (mutual TLS)
 */
@ConfigurationProperties("carepoint.mesh")
public record MeshProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String mailboxId,
        @DefaultValue("") String mailboxPassword,
        @DefaultValue("") String sharedKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("2m") Duration callDeadline,
        @DefaultValue("1048576") long maxResponseBytes,
        @DefaultValue("104857600") long maxMessageBytes,
        @DefaultValue("18874368") int chunkBytes,
        @DefaultValue("true") boolean compress,
        @DefaultValue("20") int maxInboxPages,
        @DefaultValue("Carepoint") String clientName,
        @DefaultValue("0.1.0") String clientVersion,
        @DefaultValue("5m") Duration inboxPollInterval,
        @DefaultValue Tls tls) {

    /**
     * The MESH API specification (OAS, "Check an inbox"): "Client systems MUST poll their assigned inbox a minimum of
     * once a day and a maximum of once every five minutes (unless there are more messages waiting)"; and of tracking,
     * "You must not poll this endpoint frequently".
     */
    public static final Duration MESH_MINIMUM_POLL_INTERVAL = Duration.ofMinutes(5);

    /**
     * Mutual TLS: "You'll need a TLS certificate to establish a secure connection to MESH" (MESH API specification,
     * "Get a TLS certificate"); the NHS root and sub CA certificates go in the trust store. Empty paths use the JDK's
     * defaults (no client certificate), which is what a local sandbox or the demo server needs.
     */
    public record Tls(
            @DefaultValue("") String keyStore,
            @DefaultValue("") String keyStorePassword,
            @DefaultValue("PKCS12") String keyStoreType,
            @DefaultValue("") String trustStore,
            @DefaultValue("") String trustStorePassword,
            @DefaultValue("PKCS12") String trustStoreType) {

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
        }
    }

    public boolean configured() {
        return !baseUrl.isBlank();
    }

    /** Whether {@code base-url} is a path on this Carepoint's own address: the embedded demo MESH server. */
    public boolean embeddedServer() {
        return baseUrl.startsWith("/");
    }

    /**
     * How often the inbox is read and accepted messages are tracked: {@code inbox-poll-interval}, but never more
     * often than every five minutes for a real MESH server ({@link #MESH_MINIMUM_POLL_INTERVAL}; more messages than
     * one call lists are all read in the same pass, {@code links.next}). Only the embedded demo server, which is not
     * MESH, is polled more often, so a demo shows a note filed within seconds.
     */
    public Duration inboxPollEvery() {
        if (embeddedServer() || inboxPollInterval.compareTo(MESH_MINIMUM_POLL_INTERVAL) >= 0) {
            return inboxPollInterval;
        }
        return MESH_MINIMUM_POLL_INTERVAL;
    }

    @Override
    public String toString() {
        return "MeshProperties[baseUrl=" + baseUrl + ", mailboxId=" + mailboxId + ", tls=" + tls + "]";
    }
}
