package com.carepoint.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit chain's HMAC-SHA256 key: a secret the database does not hold, so that someone with the database owner's
 * account cannot recompute the chain after changing or removing rows. It is never logged or shown; {@link #id()} (a
 * fingerprint) names it in checkpoints and messages.
 */
final class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);
    static final String ALGORITHM = "HmacSHA256";
    static final int MIN_BYTES = 32;

    private final SecretKeySpec key;
    private final String id;

    AuditKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("The audit trail's HMAC key is " + secret.length + " bytes; it must be at least "
                    + MIN_BYTES + " random bytes (base64)");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.id = hmacHex("carepoint-audit-key-id").substring(0, 16);
    }

    /** HMAC-SHA256 of the text (UTF-8), as 64 lower-case hex digits. */
    String hmacHex(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of the key (not the key): the first 16 hex digits of its HMAC over a fixed text. */
    String id() {
        return id;
    }

    @Override
    public String toString() {
        return "AuditKey[id=" + id + "]";
    }

    static AuditKey fromBase64(String base64, String where) {
        try {
            return new AuditKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit trail's HMAC key in " + where + " is not base64");
        }
    }

    /** Reads a key file (base64 text); warns when others than its owner may read it. */
    static AuditKey readFile(Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> perms = posix.readAttributes().permissions();
                if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                    log.warn("The audit trail's key file {} may be read by others than its owner ({}): chmod 600 it",
                            file, PosixFilePermissions.toString(perms));
                }
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("The audit trail's key file " + file + " cannot be read", e);
        }
    }

    /** The key in the file, or a new random key written to it once (owner-only permissions) when it does not exist. */
    static AuditKey readOrCreate(Path file) {
        if (Files.exists(file)) {
            return readFile(file);
        }
        byte[] secret = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            log.info("Audit trail: a new HMAC key was generated into {} (owner-only); keep it, and back it up apart "
                    + "from the database", file);
            return new AuditKey(secret);
        } catch (FileAlreadyExistsException raced) {
            return readFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The audit trail's key file " + file + " cannot be created", e);
        }
    }

    static AuditKey random() {
        byte[] secret = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        return new AuditKey(secret);
    }
}
