package com.carepoint.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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
                .setServerConfig("timezone", "UTC")
                // The library's default is 10 s, which a loaded two-core machine can exceed on a first start.
                .setPGStartupWait(env.getProperty("carepoint.db.embedded.startup-wait", Duration.class,
                        Duration.ofSeconds(90)));
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

    /** The application's own database role and this run's password for it. */
    record AppRole(String name, String password) {
    }

    /**
     * Creates (or re-keys) the application's least-privilege role before anything else uses the database, so the
     * migrations can grant it what it needs: it may add to the audit trail and read it, but not change, delete or
     * truncate it, nor switch its triggers off (V4__least_privilege_audit.sql). A fresh random password each start.
     */
    @Bean
    AppRole embeddedAppRole(EmbeddedPostgres pg, Environment env) throws SQLException {
        String role = env.getProperty("carepoint.db.app-role", "carepoint_app");
        if (!role.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("carepoint.db.app-role must be a plain lower-case identifier");
        }
        String password = UUID.randomUUID().toString();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                exists = rs.next();
            }
            st.execute((exists ? "alter role " : "create role ") + role + " login nosuperuser nocreatedb "
                    + "nocreaterole noinherit password '" + password + "'");
        }
        return new AppRole(role, password);
    }

    /** The owner's connection (the embedded server's superuser): migrations run with it, and only they. */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    DataSource auditOwnerDataSource(EmbeddedPostgres pg, AppRole appRole) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("carepoint-embedded-owner");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** The application's connection, as its own least-privilege role. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres pg, AppRole appRole) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl(appRole.name(), "postgres"));
        config.setUsername(appRole.name());
        config.setPassword(appRole.password());
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
