package com.carepoint.audit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit trail settings ({@code carepoint.audit.*}).
 *
 * @param retention how long audit rows are kept (ISO-8601 period, default 8 years)
 * @param purgeCron when the retention purge runs (default 02:30 every night)
 */
@ConfigurationProperties("carepoint.audit")
public record AuditProperties(
        @DefaultValue("P8Y") Period retention,
        @DefaultValue("0 30 2 * * *") String purgeCron) {
}
