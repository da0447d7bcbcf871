package com.carepoint.demopractice.mesh;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the MESH {@code Authorization} header as NHS Digital's MESH API specification defines it
 * (NHSDigital/mesh-api-specification, specification/mesh-api.yaml, "MESH Authorization header"):
 * <ul>
 * <li>"The authorisation token is made up of six elements. With the exception of the first and second elements,
 * each element is separated from the next by a colon (:)": {@code NHSMESH mailbox_id:nonce:nonce_count:timestamp:hash};
 * "The space at the end of the schema is important".</li>
 * <li>{@code timestamp}: "The current date and time in `yyyyMMddHHmm` format"; "the API rejects the request if the
 * `timestamp` supplied is not within 2 hours of the server time". The zone is not stated: the server's clock is
 * read in UTC, and a client on UK local time is inside the window either way.</li>
 * <li>{@code hash}: HMAC-SHA256 whose "`key` is the MESH environment shared secret" and whose "`message` is the
 * concatenation of the 5 following elements, joined by a colon (:): mailbox_id, nonce, nonce_count,
 * mailbox_password, timestamp", as a hex digest (the official sandbox, NHSDigital/mesh-sandbox
 * src/mesh_sandbox/common/__init__.py, uses {@code hexdigest()}). Compared ignoring case.</li>
 * <li>"each token which matches the schema is valid for one request only ... Any repeated use of a token results
 * in a `403: Not Authorized` response"; "Changing the `nonce` and/or `nonce_count` elements between requests
 * ensures the Authorization header is unique": a (mailbox, nonce, nonce_count) seen before is refused.</li>
 * <li>The token's mailbox must be the mailbox of the path (sandbox: 403 "Mailbox id does not match token").</li>
 * </ul>
 * Every failure is 403 ("403: Authentication failed" in each endpoint's responses).
 */
final class MeshAuthenticator {

    static final String SCHEME = "NHSMESH ";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmm", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Why a request was refused (the text goes into the 403 body; it names no secret). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final MeshMailboxes mailboxes;
    private final byte[] sharedKey;
    private final Duration window;
    private final Clock clock;
    /** Tokens already used. Kept past the timestamp window (a token older than that is refused anyway). */
    private final Cache<String, Boolean> used;

    MeshAuthenticator(MeshMailboxes mailboxes, String sharedKey, Duration window, Clock clock) {
        this.mailboxes = mailboxes;
        this.sharedKey = sharedKey.getBytes(StandardCharsets.UTF_8);
        this.window = window;
        this.clock = clock;
        this.used = Caffeine.newBuilder()
                .expireAfterWrite(window.multipliedBy(2).plusMinutes(2))
                .maximumSize(200_000)
                .build();
    }

    /** The mailbox the token authenticates, which must be {@code pathMailbox}. */
    MeshMailbox authenticate(String header, String pathMailbox) throws Refused {
        if (header == null || !header.startsWith(SCHEME)) {
            throw new Refused("Error reading from Authorization header");
        }
        String[] parts = header.substring(SCHEME.length()).split(":", -1);
        if (parts.length != 5) {
            throw new Refused("Error reading from Authorization header");
        }
        String mailboxId = parts[0];
        String nonce = parts[1];
        String nonceCount = parts[2];
        String timestamp = parts[3];
        String hash = parts[4];
        if (mailboxId.isEmpty() || mailboxId.contains(" ") || nonce.isEmpty() || !nonceCount.matches("[0-9]{1,10}")) {
            throw new Refused("Error reading from Authorization header");
        }
        if (!mailboxId.equals(pathMailbox)) {
            throw new Refused("Mailbox id does not match token");
        }
        MeshMailbox mailbox = mailboxes.get(mailboxId).filter(m -> m.mailboxId().equals(mailboxId))
                .orElseThrow(() -> new Refused("Invalid Authentication Token"));
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(timestamp, TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new Refused("Invalid Authentication Token");
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (Duration.between(at, now).abs().compareTo(window) > 0) {
            throw new Refused("Invalid Authentication Token");
        }
        String expected = hmac(mailboxId + ":" + nonce + ":" + nonceCount + ":" + mailbox.password() + ":" + timestamp);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("Invalid Authentication Token");
        }
        if (used.asMap().putIfAbsent(mailboxId + ":" + nonce + ":" + nonceCount, Boolean.TRUE) != null) {
            throw new Refused("Error Duplicated Authentication Token");
        }
        return mailbox;
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
