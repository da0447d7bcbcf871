package com.carepoint.mesh;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The value of MESH's {@code Authorization} header, built exactly as the MESH API specification describes it
 * (NHSDigital/mesh-api-specification, specification/mesh-api.yaml, "MESH Authorization header"):
 *
 * <blockquote>"The authorisation token is made up of six elements. Except for the first and second elements, each
 * element is separated from the next by a colon (:)." — {@code NHSMESH} "The name of the Custom Authentication
 * Schema. The space at the end of the schema is important."; {@code mailbox_id} "Must be uppercase."; {@code nonce}
 * "A GUID used as an encryption nonce."; {@code nonce_count} "The number of times that the same nonce has been
 * used."; {@code timestamp} "The current date and time in {@code yyyyMMddHHmm} format."; {@code hash}
 * "HMAC-SHA256 hash". "The {@code shared_key} is the MESH environment shared secret" and "The {@code message} is the
 * concatenation of the 5 following elements, joined by a colon (:): mailbox_id, nonce, nonce_count,
 * mailbox_password, timestamp".</blockquote>
 *
 * <p>The hash is the lower-case hex digest (the specification's example uses Python's {@code hexdigest()}; the
 * official sandbox compares {@code hmac.HMAC(...).hexdigest()}). "each token ... is valid for one request only, so
 * you must generate a new token for every request": {@link #forRequest} makes a fresh GUID nonce every time.
 * The timestamp is UTC: the specification does not name a zone, and NHS England's current Python client
 * (NHSDigital/mesh-client, {@code AuthTokenGenerator.generate_token}) uses {@code datetime.utcnow()}; "the API rejects
 * the request if the timestamp supplied is not within 2 hours of the server time".
 */
public final class MeshAuthToken {

    static final String SCHEME = "NHSMESH ";
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MeshAuthToken() {
    }

    /** A fresh token for one request: a new GUID nonce, nonce count 0, the current UTC minute. */
    public static String forRequest(String mailboxId, String mailboxPassword, String sharedKey, Instant now) {
        return of(mailboxId, mailboxPassword, sharedKey, UUID.randomUUID().toString(), 0, now);
    }

    /** The token for the given parts ({@code NHSMESH mailbox:nonce:nonce_count:timestamp:hash}). */
    public static String of(String mailboxId, String mailboxPassword, String sharedKey, String nonce,
            int nonceCount, Instant at) {
        Objects.requireNonNull(mailboxPassword, "mailbox password");
        Objects.requireNonNull(sharedKey, "shared key");
        if (nonceCount < 0) {
            throw new IllegalArgumentException("nonce_count is a count");
        }
        String mailbox = mailboxId.toUpperCase(Locale.ROOT);
        if (mailbox.isEmpty() || mailbox.contains(":") || mailbox.contains(" ") || nonce.contains(":")) {
            // A colon would shift the parts; the sandbox refuses a mailbox with a space.
            throw new IllegalArgumentException("A MESH mailbox id or nonce cannot contain ':' or spaces");
        }
        String timestamp = TIMESTAMP.format(at);
        String message = mailbox + ":" + nonce + ":" + nonceCount + ":" + mailboxPassword + ":" + timestamp;
        return SCHEME + mailbox + ":" + nonce + ":" + nonceCount + ":" + timestamp + ":" + hmacSha256Hex(sharedKey,
                message);
    }

    static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
