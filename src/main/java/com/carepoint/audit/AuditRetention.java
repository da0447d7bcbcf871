package com.carepoint.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail's background work, as db-scheduler tasks (run by the platform's scheduler, which claims each due
 * execution in the database, so that with several Carepoint nodes exactly one runs it):
 * <ul>
 * <li>{@code audit-retention}: every night ({@code carepoint.audit.purge-cron}, UK time) the oldest rows beyond the
 * retention period are removed, through a recorded purge; the rest still verify;</li>
 * <li>{@code audit-checkpoint}: every {@code carepoint.audit.checkpoint-interval} a signed checkpoint is appended
 * outside the database when the trail has grown.</li>
 * </ul>
 * And at start-up, before anything is audited, the first checkpoint when there is none yet.
 */
@Configuration(proxyBeanMethods = false)
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    static final ZoneId UK = ZoneId.of("Europe/London");

    @Bean
    RecurringTask<Void> auditRetentionTask(AuditTrail audit, AuditProperties properties) {
        return Tasks.recurring("audit-retention", Schedules.cron(properties.purgeCron(), UK)).execute((instance, ctx) -> {
            try {
                int removed = audit.purgeOlderThan(
                        ZonedDateTime.now(Clock.systemUTC()).minus(properties.retention()).toInstant());
                log.info("Audit retention ({}): {} rows older than the retention period removed (purge recorded in a "
                        + "checkpoint)", properties.retention(), removed);
            } catch (AuditChainBrokenException e) {
                log.error("AUDIT TRAIL BROKEN: retention purge not run, so that nothing is removed: {}",
                        String.join("; ", e.problems()));
            }
        });
    }

    @Bean
    RecurringTask<Void> auditCheckpointTask(AuditTrail audit, AuditProperties properties) {
        return Tasks.recurring("audit-checkpoint", Schedules.fixedDelay(properties.checkpointInterval()))
                .execute((instance, ctx) -> {
                    try {
                        audit.checkpointIfChanged().ifPresent(cp -> log.debug("Audit {} written", cp.label()));
                    } catch (AuditChainBrokenException e) {
                        log.error("AUDIT TRAIL BROKEN: no checkpoint written, so that the break is not sealed: {}",
                                String.join("; ", e.problems()));
                    }
                });
    }

    @Bean
    SmartInitializingSingleton auditStartCheckpoint(AuditTrail audit) {
        return () -> {
            try {
                audit.startCheckpoint().ifPresent(cp -> log.info("Audit trail: first {} written", cp.label()));
            } catch (AuditChainBrokenException e) {
                log.error("AUDIT TRAIL BROKEN: {}", String.join("; ", e.problems()));
            }
        };
    }
}
