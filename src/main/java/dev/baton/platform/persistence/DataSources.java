package dev.baton.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares Baton's one connection pool; {@link BatonDataSource} picks the database. A connection
 * is checked with a real round trip ({@code Connection.isValid}) before use when its last check is
 * more than a second old, and one failure discards the whole pool, so after a database restart the
 * pool refills with live connections instead of handing out dead ones (checking at every use cost
 * a round trip per transaction and, in JFR, a quarter of a loaded node's blocked time). Any free
 * connection serves any caller: Baton has one database user, so the pool does not match
 * connections to callers (Payara's default for annotated pools, which blocked threads on the pool's
 * lock). A caller waits at most 5 s for a connection.
 */
@Singleton
@DataSourceDefinition(
        name = DataSources.JNDI,
        className = "dev.baton.platform.persistence.BatonDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=1",
                "fish.payara.fail-all-connections=true",
                "fish.payara.match-connections=false",
                "fish.payara.max-wait-time-in-millis=5000"})
public class DataSources {

    public static final String JNDI = "java:app/jdbc/baton";
}
