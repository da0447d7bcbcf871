package com.carepoint.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the audit chain's key and its checkpoints come from. Both live outside the database:
 * <ul>
 * <li>the key: {@code carepoint.audit.hmac-key} (base64, e.g. {@code CAREPOINT_AUDIT_HMAC_KEY}) or
 * {@code carepoint.audit.hmac-key-file}; with the embedded database and a data directory, a random key generated once
 * into {@code <data-dir>-audit-hmac.key} beside it (owner-only) and reused; with the embedded database in a temporary
 * directory (tests, a throw-away run), a random key for that run only;</li>
 * <li>the checkpoints: {@code carepoint.audit.checkpoint-dir}; with the embedded database, {@code
 * <data-dir>-audit-checkpoints} beside its data directory, or a temporary directory with a temporary database.</li>
 * </ul>
 * With an external database both must be configured: Carepoint refuses to start otherwise.
 */
@Configuration(proxyBeanMethods = false)
class AuditAnchorConfig {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchorConfig.class);

    @Bean
    AuditKey auditKey(AuditProperties properties, Environment env) {
        boolean inline = !properties.hmacKey().isBlank();
        boolean file = !properties.hmacKeyFile().isBlank();
        if (inline && file) {
            throw new IllegalStateException("Set carepoint.audit.hmac-key or carepoint.audit.hmac-key-file, not both");
        }
        if (inline) {
            log.info("Audit trail: HMAC key from carepoint.audit.hmac-key");
            return AuditKey.fromBase64(properties.hmacKey(), "carepoint.audit.hmac-key");
        }
        if (file) {
            Path path = Path.of(properties.hmacKeyFile()).toAbsolutePath();
            log.info("Audit trail: HMAC key from {}", path);
            return AuditKey.readFile(path);
        }
        if (!embedded(env)) {
            throw new IllegalStateException("With an external database, set the audit trail's HMAC key: "
                    + "carepoint.audit.hmac-key (CAREPOINT_AUDIT_HMAC_KEY, base64 of at least 32 random bytes) or "
                    + "carepoint.audit.hmac-key-file (CAREPOINT_AUDIT_HMAC_KEY_FILE). The database must not hold it.");
        }
        Path dataDir = embeddedDataDir(env);
        if (dataDir == null) {
            log.info("Audit trail: a random HMAC key for this run (the embedded database is temporary too)");
            return AuditKey.random();
        }
        Path keyFile = dataDir.resolveSibling(dataDir.getFileName() + "-audit-hmac.key");
        AuditKey key = AuditKey.readOrCreate(keyFile);
        log.info("Audit trail: HMAC key {} from {}", key.id(), keyFile);
        return key;
    }

    @Bean(destroyMethod = "close")
    AuditCheckpointFile auditCheckpointFile(AuditProperties properties, Environment env, AuditKey key) {
        Path dir;
        boolean temporary = false;
        if (!properties.checkpointDir().isBlank()) {
            dir = Path.of(properties.checkpointDir());
        } else if (!embedded(env)) {
            throw new IllegalStateException("With an external database, set carepoint.audit.checkpoint-dir "
                    + "(CAREPOINT_AUDIT_CHECKPOINT_DIR): a directory outside the database, shared by every Carepoint node, "
                    + "where the audit trail's signed checkpoints are appended");
        } else if (embeddedDataDir(env) != null) {
            Path dataDir = embeddedDataDir(env);
            dir = dataDir.resolveSibling(dataDir.getFileName() + "-audit-checkpoints");
        } else {
            try {
                dir = Files.createTempDirectory("carepoint-audit-checkpoints");
                temporary = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        AuditCheckpointFile checkpoints = new AuditCheckpointFile(dir, key, temporary);
        log.info("Audit trail: checkpoints in {}", checkpoints.file());
        return checkpoints;
    }

    private static boolean embedded(Environment env) {
        return env.getProperty("spring.datasource.url", "").isBlank();
    }

    private static Path embeddedDataDir(Environment env) {
        String dir = env.getProperty("carepoint.db.embedded.data-dir", "");
        return dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
    }
}
