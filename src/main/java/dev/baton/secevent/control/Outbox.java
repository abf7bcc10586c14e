package dev.baton.secevent.control;

import dev.baton.secevent.entity.OutboxEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;

/**
 * Writes security events to the outbox, each with a {@code jti} of its own, in the transaction of
 * the change that causes them: a change that rolls back leaves no event, and one that commits
 * cannot lose its event, whichever node dies when. After the commit the sender is nudged. With no
 * webhook set nothing is written.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    WebhookSettings settings;

    @Inject
    OutboxRows rows;

    @Inject
    WebhookSender sender;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /** A {@link SecurityEvent} fired by any feature, inside its transaction. */
    void fired(@Observes SecurityEvent event) {
        add(event);
    }

    /** Writes {@code event} in the caller's transaction, which must exist (else {@code EJBTransactionRequiredException}). */
    public void add(SecurityEvent event) {
        if (!settings.enabled()) {
            return;
        }
        rows.add(row(event, UUID.randomUUID().toString()));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sender.nudge();
                }
            }
        });
    }

    /**
     * Writes an event that reports no change of Baton's data (an audit checkpoint) in a transaction
     * of its own, unless an event with the same {@code jti} is waiting already: nodes that report
     * the same thing give it the same {@code jti}.
     */
    public void addAlone(SecurityEvent event, String jti) {
        if (settings.enabled() && rows.addOnce(row(event, jti))) {
            sender.nudge();
        }
    }

    private OutboxEvent row(SecurityEvent event, String jti) {
        String claims = SecurityEventTokens.claims(event, jti, settings.issuer(), settings.subjectIssuer()).toString();
        return new OutboxEvent(jti, event.type().id(), claims, event.at());
    }
}
