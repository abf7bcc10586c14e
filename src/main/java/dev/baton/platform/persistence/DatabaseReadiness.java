package dev.baton.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready} is down while the database does not answer, and up again once it does. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = DataSources.JNDI)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean valid;
        try (Connection connection = dataSource.getConnection()) {
            valid = connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            valid = false;
        }
        return HealthCheckResponse.named("database").status(valid).build();
    }
}
