package dev.baton.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database named by {@code baton.db.url}: H2 (the embedded default) or PostgreSQL. Payara's
 * connection pool creates this class ({@link DataSources}); reading the settings here, not in an
 * annotation, lets the environment and the WAR's defaults decide, which the container's variable
 * substitution cannot.
 */
public class BatonDataSource implements DataSource {

    private volatile DataSource target;

    private DataSource target() {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                if (target == null) {
                    target = open(ConfigProvider.getConfig(BatonDataSource.class.getClassLoader()));
                }
                current = target;
            }
        }
        return current;
    }

    private static DataSource open(Config config) {
        String url = config.getValue("baton.db.url", String.class);
        String user = config.getOptionalValue("baton.db.user", String.class).orElse("");
        String password = config.getOptionalValue("baton.db.password", String.class).orElse("");
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            postgres.setUser(user);
            postgres.setPassword(password);
            return postgres;
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        throw new IllegalStateException("baton.db.url must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return target().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the pool's logging is Payara's
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // bounded by the drivers' own timeouts
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
