package dev.baton.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/** Brings the schema up to date with the versioned migrations before anything else runs. */
@Singleton
@Startup
public class Migrations {

    @Resource(lookup = DataSources.JNDI)
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        flyway(dataSource).migrate();
    }

    /** The version of the newest migration this build carries: the schema's version once they have run. */
    public static MigrationVersion newest(DataSource dataSource) {
        MigrationVersion newest = MigrationVersion.EMPTY;
        for (MigrationInfo migration : flyway(dataSource).info().all()) {
            if (migration.getVersion() != null && migration.getState().isResolved() && migration.getVersion().compareTo(newest) > 0) {
                newest = migration.getVersion();
            }
        }
        return newest;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
