package dev.baton.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/** Declares Baton's one connection pool; {@link BatonDataSource} picks the database. */
@Singleton
@DataSourceDefinition(
        name = DataSources.JNDI,
        className = "dev.baton.platform.BatonDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data"})
public class DataSources {

    public static final String JNDI = "java:app/jdbc/baton";
}
