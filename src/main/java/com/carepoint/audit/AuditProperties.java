package com.carepoint.audit;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit trail settings ({@code carepoint.audit.*}).
 *
 * @param retention how long audit rows are kept (ISO-8601 period, default 8 years)
 * @param purgeCron when the retention purge runs (default 02:30 every night, UK time)
 * @param hmacKey the chain's HMAC key, base64 (at least 32 bytes); empty: {@code hmacKeyFile}, or the embedded default
 * @param hmacKeyFile a file holding the key (base64); empty: {@code hmacKey}, or the embedded default
 * @param checkpointDir where signed checkpoints are appended, outside the database; empty: the embedded default
 * @param checkpointInterval how often a checkpoint is written when the trail has grown (default one minute)
 */
@ConfigurationProperties("carepoint.audit")
public record AuditProperties(
        @DefaultValue("P8Y") Period retention,
        @DefaultValue("0 30 2 * * *") String purgeCron,
        @DefaultValue("") String hmacKey,
        @DefaultValue("") String hmacKeyFile,
        @DefaultValue("") String checkpointDir,
        @DefaultValue("PT1M") Duration checkpointInterval) {
}
