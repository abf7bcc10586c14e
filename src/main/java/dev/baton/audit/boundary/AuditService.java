package dev.baton.audit.boundary;

import dev.baton.audit.control.AuditChainer;
import dev.baton.audit.control.AuditCheckpoint;
import dev.baton.audit.control.AuditCheckpoints;
import dev.baton.audit.control.AuditKeyring;
import dev.baton.audit.entity.AuditChain;
import dev.baton.audit.entity.AuditRecord;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Searches the audit trail, newest first, and checks its chain. */
@Stateless
public class AuditService {

    private static final int VERIFY_PAGE = 1_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditChainer chainer;

    @Inject
    AuditKeyring keys;

    @Inject
    AuditCheckpoints checkpoints;

    public AuditPage search(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        query.user().ifPresent(u -> where(conditions, parameters, "a.actor = :user", "user", u));
        query.subject().ifPresent(u -> where(conditions, parameters, "a.subject = :subject", "subject", u));
        query.session().ifPresent(s -> where(conditions, parameters, "a.sessionId = :session", "session", s));
        query.device().ifPresent(d -> where(conditions, parameters, "(a.deviceId = :device or a.targetDeviceId = :device)", "device", d));
        query.action().ifPresent(a -> where(conditions, parameters, "a.action = :action", "action", a));
        query.from().ifPresent(f -> where(conditions, parameters, "a.at >= :from", "from", f));
        query.to().ifPresent(t -> where(conditions, parameters, "a.at <= :to", "to", t));
        String filter = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);

        TypedQuery<Long> count = em.createQuery("select count(a) from AuditRecord a" + filter, Long.class);
        TypedQuery<AuditRecord> items = em.createQuery("select a from AuditRecord a" + filter + " order by a.at desc, a.id desc",
                AuditRecord.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        List<AuditEntryView> page = items.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList()
                .stream()
                .map(AuditEntryView::of)
                .toList();
        return new AuditPage(page, query.page(), query.size(), count.getSingleResult());
    }

    private static void where(List<String> conditions, Map<String, Object> parameters, String condition, String name,
                              Object value) {
        conditions.add(condition);
        parameters.put(name, value);
    }

    /**
     * Links what has committed so far, then walks the audit chain from its first record to the
     * head as it stood when the walk began: each record must carry the next number, name its
     * predecessor's hash, and carry the seal and the hash its content and place give under the
     * audit key; the last must be the head. Where {@code certified} holds a checkpoint for a number,
     * that record's hash must be the checkpoint's: history before a checkpoint cannot be rewritten
     * even with the key, nor cut off. Answers the first record that is not so.
     */
    public AuditVerdict verify(List<AuditCheckpoint> certified) {
        Map<Long, String> hashes = new HashMap<>();
        for (AuditCheckpoint checkpoint : certified) {
            if (!checkpoints.signed(checkpoint)) {
                throw new BatonException(Problem.INVALID_REQUEST,
                        "The checkpoint of record " + checkpoint.seq() + " was not signed by this Baton's keys.");
            }
            hashes.put(checkpoint.seq(), checkpoint.hash());
        }
        chainer.catchUp();
        AuditChain head = em.find(AuditChain.class, AuditChain.ID);
        String previous = AuditChain.GENESIS;
        long checked = 0;
        while (checked < head.lastSeq()) {
            List<AuditRecord> page = em.createNamedQuery(AuditRecord.CHAIN_FROM, AuditRecord.class)
                    .setParameter("after", checked).setParameter("last", head.lastSeq())
                    .setMaxResults(VERIFY_PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord record : page) {
                if (record.seq() != checked + 1 || !record.intactAfter(previous, keys)
                        || !hashes.getOrDefault(record.seq(), record.hash()).equals(record.hash())) {
                    return new AuditVerdict(false, checked, record.id());
                }
                previous = record.hash();
                checked++;
            }
            em.clear();
        }
        boolean whole = checked == head.lastSeq() && previous.equals(head.lastHash());
        boolean reachesEveryCheckpoint = hashes.keySet().stream().allMatch(seq -> seq <= head.lastSeq());
        return new AuditVerdict(whole && reachesEveryCheckpoint, checked, null);
    }
}
