package dev.baton.ops.boundary;

import dev.baton.platform.persistence.DataSources;
import dev.baton.platform.persistence.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Ready when the database's schema is at the version of the newest migration this build carries:
 * not while another node of an older or newer build left it elsewhere, nor before the migrations ran.
 * The expected version is read from the migrations once; the applied one from Flyway's history table
 * at each check (one small query, no Flyway run, nothing logged).
 */
@Readiness
@ApplicationScoped
public class MigrationsReadiness implements HealthCheck {

    private static final String APPLIED = "select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null";

    @Resource(lookup = DataSources.JNDI)
    DataSource dataSource;

    private volatile MigrationVersion expected;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("migrations");
        try {
            MigrationVersion wanted = expected();
            Optional<MigrationVersion> applied = applied();
            answer.withData("expected", wanted.getVersion()).withData("applied", applied.map(MigrationVersion::getVersion).orElse("none"));
            return answer.status(applied.filter(wanted::equals).isPresent()).build();
        } catch (SQLException | RuntimeException e) {
            return answer.down().build();
        }
    }

    private MigrationVersion expected() {
        MigrationVersion known = expected;
        if (known == null) {
            known = Migrations.newest(dataSource);
            expected = known;
        }
        return known;
    }

    private Optional<MigrationVersion> applied() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(APPLIED)) {
            MigrationVersion newest = null;
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                if (newest == null || version.compareTo(newest) > 0) {
                    newest = version;
                }
            }
            return Optional.ofNullable(newest);
        }
    }
}
