package dev.baton.ops.control;

import dev.baton.audit.entity.AuditEntry;
import dev.baton.audit.entity.AuditRecord;
import dev.baton.platform.problem.ProblemAnswered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Counts the flow's steps from what the audit writes, once it has committed (a step rolled back
 * counted nothing): transfers by outcome, failed claims, refused proofs.
 */
@ApplicationScoped
public class StepCounts {

    static final String DECLINED_BY_TARGET = "declined-by-target";

    @Inject
    BatonMetrics metrics;

    void audited(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecord record) {
        AuditEntry entry = record.entry();
        boolean success = entry.outcome() == AuditEntry.Outcome.SUCCESS;
        switch (entry.action()) {
            case CLAIM_FAILED -> metrics.claimFailed(entry.reason() == null ? "unknown" : entry.reason());
            case PROOF_REFUSED -> metrics.proofRefused();
            case SESSION_RESTORED -> {
                if (success) {
                    metrics.transfer("restored");
                }
            }
            case TRANSFER_CANCELLED -> metrics.transfer(DECLINED_BY_TARGET.equals(entry.reason()) ? "declined" : "cancelled");
            default -> {
                String action = entry.action().name();
                if (action.startsWith("TRANSFER_") && (success || action.equals("TRANSFER_REFUSED"))) {
                    metrics.transfer(action.substring("TRANSFER_".length()).toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    void answered(@Observes ProblemAnswered answered) {
        metrics.problem(answered.problem());
    }
}
