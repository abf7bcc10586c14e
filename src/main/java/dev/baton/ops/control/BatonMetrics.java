package dev.baton.ops.control;

import dev.baton.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
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

    static final List<String> OUTCOMES = List.of("requested", "refused", "claimed", "restored", "cancelled", "declined", "expired");
    private static final List<Problem> CLAIM_PROBLEMS = List.of(Problem.CLAIM_CODE_INVALID, Problem.TRANSFER_GONE,
            Problem.REAUTHENTICATION_REQUIRED, Problem.TRANSFER_NOT_AUTHORIZED, Problem.NOT_FOUND);

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<String, Counter> problems = new ConcurrentHashMap<>();
    private final Map<String, org.eclipse.microprofile.metrics.Timer> operations = new ConcurrentHashMap<>();

    /**
     * Every series a dashboard draws exists from the start, at zero, so that a rate over it is 0
     * rather than no data: each problem code, the usual outcomes and claim failures.
     */
    void zeros(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (Problem problem : Problem.values()) {
            problems(problem.code());
        }
        for (String outcome : OUTCOMES) {
            transfers(outcome);
        }
        for (Problem problem : CLAIM_PROBLEMS) {
            claimFailures(problem.code());
        }
        proofRefusals();
        rateLimited();
    }

    /** One problem+json answer. */
    public void problem(Problem problem) {
        problems(problem.code()).inc();
        if (problem == Problem.RATE_LIMITED) {
            rateLimited().inc();
        }
    }

    private Counter problems(String code) {
        return problems.computeIfAbsent(code, c -> counter(PROBLEMS, "problem+json answers (refusals and errors), by their code",
                new Tag("code", c)));
    }

    private Counter rateLimited() {
        return counter(RATE_LIMITED, "calls refused by a rate limit (429 rate-limited)");
    }

    /** A transfer reached {@code outcome}: requested, refused, claimed, restored, cancelled, declined, expired, … */
    public void transfer(String outcome) {
        transfers(outcome).inc();
    }

    private Counter transfers(String outcome) {
        return counter(TRANSFERS, "transfers by outcome", new Tag("outcome", outcome));
    }

    /** A claim refused, by its problem code (a wrong code, a gone transfer, a stale sign-in, …). */
    public void claimFailed(String code) {
        claimFailures(code).inc();
    }

    private Counter claimFailures(String code) {
        return counter(CLAIM_FAILURES, "claims refused, by problem code", new Tag("code", code));
    }

    public void proofRefused() {
        proofRefusals().inc();
    }

    private Counter proofRefusals() {
        return counter(PROOF_REFUSALS, "calls of device-bound devices refused for their proof (401 proof-invalid)");
    }

    /** How long one call of {@code operation} took, as JAX-RS saw it. */
    public void timed(String operation, Duration duration) {
        operations.computeIfAbsent(operation, name -> registry.timer(Metadata.builder().withName(REQUESTS)
                .withDescription("API calls and how long they took, by operation (resource.method)")
                // Timers measure nanoseconds; with the unit said, /metrics names them _seconds and scales them so.
                .withUnit(MetricUnits.NANOSECONDS).build(), new Tag("operation", name))).update(duration);
    }

    /** A value read when {@code /metrics} is read. */
    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value);
    }

    private Counter counter(String name, String description, Tag... tags) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(), tags);
    }
}
