package dev.baton.audit.control;

import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.audit.entity.AuditRecord;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Writes audit records, sealed under the audit key: a step's record in the step's transaction, a refusal's in its own. */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AuditRecord> written;

    @Inject
    AuditKeyring keys;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEntry entry) {
        store(new AuditRecord(entry, clock.instant(), keys));
    }

    /** Audits {@code refusal} (in its own transaction) and hands it back to be thrown. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BatonException refuse(AuditEntry.Builder entry, BatonException refusal) {
        store(new AuditRecord(entry.refused(refusal.problem().code()), clock.instant(), keys));
        return refusal.audited();
    }

    /** Stores a record; {@link AuditChainer} links it into the chain once the transaction has committed. */
    private void store(AuditRecord record) {
        em.persist(record);
        written.fire(record);
    }

    /** One {@code REQUESTS_REFUSED} record per caller and reason of a window, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refusals(Map<RefusalCounts.Key, AtomicLong> counts) {
        Instant now = clock.instant();
        counts.forEach((key, count) -> store(new AuditRecord(new AuditEntry(AuditAction.REQUESTS_REFUSED,
                key.user() == null ? AuditEntry.ANONYMOUS : key.user(), key.address(), null, null, null, null,
                AuditEntry.Outcome.REFUSED, key.code() + " ×" + count.get()), now, keys)));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BatonException refuse(AuditEntry.Builder entry, Problem problem, String detail) {
        return refuse(entry, new BatonException(problem, detail));
    }
}
