package dev.baton.ops.control;

import dev.baton.platform.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Baton's application metrics, by the names {@code /metrics} shows them. Every label takes a bounded
 * set of values — problem codes, transfer outcomes, operation names — never a user, an id or a path.
 */
@ApplicationScoped
public class BatonMetrics {

    public static final String TRANSFERS = "baton_transfers";
    public static final String PROBLEMS = "baton_problems";
    public static final String CLAIM_FAILURES = "baton_claim_failures";
    public static final String PROOF_REFUSALS = "baton_proof_refusals";
    public static final String RATE_LIMITED = "baton_rate_limited";
    public static final String REQUESTS = "baton_requests";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<String, Counter> problems = new ConcurrentHashMap<>();
    private final Map<String, org.eclipse.microprofile.metrics.Timer> operations = new ConcurrentHashMap<>();

    /** One problem+json answer. */
    public void problem(Problem problem) {
        problems.computeIfAbsent(problem.code(), code -> registry.counter(Metadata.builder().withName(PROBLEMS)
                .withDescription("problem+json answers (refusals and errors), by their code").build(), new Tag("code", code)))
                .inc();
        if (problem == Problem.RATE_LIMITED) {
            counter(RATE_LIMITED, "calls refused by a rate limit (429 rate-limited)").inc();
        }
    }

    /** A transfer reached {@code outcome}: requested, refused, claimed, restored, cancelled, declined, expired, … */
    public void transfer(String outcome) {
        counter(TRANSFERS, "transfers by outcome", new Tag("outcome", outcome)).inc();
    }

    /** A claim refused, by its problem code (a wrong code, a gone transfer, a stale sign-in, …). */
    public void claimFailed(String code) {
        counter(CLAIM_FAILURES, "claims refused, by problem code", new Tag("code", code)).inc();
    }

    public void proofRefused() {
        counter(PROOF_REFUSALS, "calls of device-bound devices refused for their proof (401 proof-invalid)").inc();
    }

    /** How long one call of {@code operation} took, as JAX-RS saw it. */
    public void timed(String operation, Duration duration) {
        operations.computeIfAbsent(operation, name -> registry.timer(Metadata.builder().withName(REQUESTS)
                .withDescription("API calls and how long they took, by operation (resource.method)")
                .build(), new Tag("operation", name))).update(duration);
    }

    /** A value read when {@code /metrics} is read. */
    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value);
    }

    private Counter counter(String name, String description, Tag... tags) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(), tags);
    }
}
