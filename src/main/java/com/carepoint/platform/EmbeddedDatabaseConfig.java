package com.carepoint.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Real PostgreSQL with no install: when no {@code spring.datasource.url} is configured, Carepoint starts PostgreSQL
 * binaries shipped as a Maven artifact on a free loopback port. Set {@code carepoint.db.embedded.data-dir} to keep
 * the data (the audit trail) across restarts; without it the database lives in a temporary directory.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfig.NoExternalDatabase.class)
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("timezone", "UTC");
        String dataDir = env.getProperty("carepoint.db.embedded.data-dir", "");
        if (!dataDir.isBlank()) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} ({})", pg.getPort(),
                dataDir.isBlank() ? "temporary data directory" : "data kept in " + dataDir);
        return pg;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("carepoint-embedded");
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    static final class NoExternalDatabase extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            return url.isBlank()
                    ? ConditionOutcome.match("no spring.datasource.url: embedded PostgreSQL")
                    : ConditionOutcome.noMatch("external database configured");
        }
    }
}
