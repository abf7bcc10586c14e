package dev.baton.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.baton.InContainer;
import dev.baton.audit.control.AuditKeyring;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.audit.entity.AuditRecord;
import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKind;
import dev.baton.device.entity.Registrant;
import dev.baton.platform.security.Tokens;
import dev.baton.prohibition.entity.Prohibition;
import dev.baton.secevent.entity.OutboxEvent;
import dev.baton.session.entity.Session;
import dev.baton.transfer.entity.Transfer;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Parameter;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JPA mappings on the database the container runs (H2, or PostgreSQL: {@link InContainer}):
 * each entity written and read back with every value it was written with, and each named query
 * run with parameters of its types. A column too short, an {@code Instant} losing precision, an
 * enum stored by ordinal or a query the database refuses shows here rather than in a flow.
 */
@ExtendWith(ArquillianExtension.class)
class MappingsInContainerIT {

    /** Entities of one row that Baton's migrations create and only update: their named queries cover them. */
    private static final Set<String> SINGLE_ROWS = Set.of("AuditChain", "OutboxLease");

    @Deployment
    static WebArchive baton() {
        return InContainer.baton(MappingsInContainerIT.class);
    }

    @PersistenceContext
    EntityManager em;
    @Resource
    UserTransaction tx;
    @Inject
    AuditKeyring keys;
    @Inject
    Clock clock;

    @Test
    void everyEntityReadsBackWithTheValuesItWasWrittenWith() throws Exception {
        Instant now = clock.instant();
        String owner = "mappings-" + UUID.randomUUID();
        Device device = new Device(owner, "desk ünïcode ☃", DeviceKind.DESKTOP, "test", aHash(), now);
        Session session = new Session(owner, "loans", "{\"form\":\"loan-42\",\"step\":3}", device.id(), aHash(), now,
                Duration.ofHours(8));
        Device phone = new Device(owner, "phone", DeviceKind.PHONE, "test", aHash(), now);
        Transfer transfer = new Transfer(owner, session.id(), device.id(), phone.id(), "{\"page\":1}",
                aHash(), now, now.plusSeconds(90));
        Prohibition prohibition = new Prohibition(owner, session.id(), device.id(), transfer.id(), now, now.plusSeconds(600));
        AuditRecord audit = new AuditRecord(AuditEntry.of(AuditAction.SESSION_OPENED).by(owner).session(session.id()).succeeded(),
                now, keys);
        OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), "session-revoked", "{\"sub\":\"x\"}", now);
        List<Object> written = List.of(new Registrant(owner), device, phone, session, transfer, prohibition, audit, event);

        tx.begin();
        written.forEach(em::persist);
        tx.commit();

        Set<String> covered = new HashSet<>(SINGLE_ROWS);
        for (Object entity : written) {
            EntityType<?> type = em.getMetamodel().entity(entity.getClass());
            covered.add(type.getName());
            Object id = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
            Object read = em.find(entity.getClass(), id);
            assertNotNull(read, type.getName() + " " + id);
            Map<String, Object> values = values(type, entity);
            Map<String, Object> readValues = values(type, read);
            // Columns written empty may be filled by others meanwhile (the audit chainer links records).
            values.forEach((name, value) -> {
                if (value != null) {
                    assertEquals(value, readValues.get(name), type.getName() + "." + name);
                }
            });
        }
        Set<String> entities = new HashSet<>();
        em.getMetamodel().getEntities().forEach(type -> entities.add(type.getName()));
        assertEquals(entities, covered, "every entity is written and read back here");
    }

    @Test
    void everyNamedQueryRuns() throws Exception {
        List<String> ran = new ArrayList<>();
        tx.begin();
        try {
            for (EntityType<?> type : em.getMetamodel().getEntities()) {
                for (NamedQuery named : type.getJavaType().getAnnotationsByType(NamedQuery.class)) {
                    run(named);
                    ran.add(named.name());
                }
            }
        } finally {
            tx.rollback(); // the updates and deletes ran; none of them stays
        }
        assertEquals(countNamedQueries(), ran.size(), ran::toString);
    }

    private void run(NamedQuery named) {
        Query query = em.createNamedQuery(named.name());
        for (Parameter<?> parameter : query.getParameters()) {
            query.setParameter(parameter.getName(), sample(named, parameter));
        }
        try {
            if (named.query().trim().toLowerCase().startsWith("select")) {
                query.setMaxResults(5).getResultList();
            } else {
                query.executeUpdate();
            }
        } catch (RuntimeException e) {
            fail(named.name() + " (" + named.query() + ") does not run: " + e, e);
        }
    }

    /** A value of the parameter's type; what it matches does not matter, that the database takes it does. */
    private Object sample(NamedQuery named, Parameter<?> parameter) {
        Class<?> type = parameter.getParameterType();
        if (type == null) {
            return fail(named.name() + ": no type known for :" + parameter.getName());
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == String.class) {
            return UUID.randomUUID().toString();
        }
        if (type == Instant.class) {
            return clock.instant();
        }
        if (type == Long.class || type == long.class) {
            return 1L;
        }
        if (type == Integer.class || type == int.class) {
            return 1;
        }
        return fail(named.name() + ": no sample for :" + parameter.getName() + " of " + type);
    }

    private long countNamedQueries() {
        return em.getMetamodel().getEntities().stream()
                .mapToLong(type -> type.getJavaType().getAnnotationsByType(NamedQuery.class).length).sum();
    }

    /** A hash as Baton stores for tokens and codes; each one new, as the unique columns want. */
    private static String aHash() {
        return Tokens.hash(UUID.randomUUID().toString());
    }

    /** Every mapped attribute's value, read from its field. */
    private static Map<String, Object> values(EntityType<?> type, Object entity) throws IllegalAccessException {
        Map<String, Object> values = new TreeMap<>();
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            Field field = (Field) attribute.getJavaMember();
            field.setAccessible(true);
            values.put(attribute.getName(), field.get(entity));
        }
        return values;
    }
}
