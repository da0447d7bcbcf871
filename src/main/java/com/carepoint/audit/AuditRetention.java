package com.carepoint.audit;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Applies the audit retention period every night: the oldest rows beyond it are removed, the rest still verify. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditTrail audit;
    private final AuditProperties properties;

    AuditRetention(AuditTrail audit, AuditProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    @Scheduled(cron = "${carepoint.audit.purge-cron:0 30 2 * * *}")
    void purge() {
        int removed = audit.purgeOlderThan(ZonedDateTime.now(Clock.systemUTC()).minus(properties.retention()).toInstant());
        log.info("Audit retention ({}): {} rows older than the retention period removed", properties.retention(), removed);
    }
}
