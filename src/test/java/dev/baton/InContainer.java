package dev.baton;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of every in-container test (*InContainerIT): the WAR that {@code mvn package}
 * built, so what is tested is what ships, plus the test's own classes and the in-container test
 * support ({@link EjbClerk}, {@link MidwayFault}). Each deployment is a Payara
 * Micro start (~40 s here), so a test class holds all of its feature's in-container tests.
 *
 * <p>The database is H2 under {@code target/in-container-data}; run with
 * {@code -Darquillian.launch=payara-micro-postgres -Dbaton.test.db.url=jdbc:postgresql://…} and the
 * same tests run on that PostgreSQL ({@code arquillian.xml}).
 */
public final class InContainer {

    private InContainer() {
    }

    public static WebArchive baton(Class<?>... tests) {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war")).addClasses(tests)
                .addClasses(InContainer.class, EjbClerk.class, MidwayFault.class);
    }
}
