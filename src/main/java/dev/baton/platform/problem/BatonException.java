package dev.baton.platform.problem;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A refusal: becomes an {@code application/problem+json} answer. Thrown from an EJB it rolls the
 * transaction back, so a refused step changes nothing; see {@link CommittedRefusal} for the few
 * refusals whose bookkeeping must stay.
 */
@ApplicationException(rollback = true)
public class BatonException extends RuntimeException {

    private final Problem problem;
    private final Duration retryAfter;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;
    private boolean audited;

    public BatonException(Problem problem, String detail) {
        this(problem, detail, null, Map.of());
    }

    public BatonException(Problem problem, String detail, Duration retryAfter, Map<String, Object> extensions) {
        this(problem, detail, retryAfter, extensions, Map.of());
    }

    public BatonException(Problem problem, String detail, Duration retryAfter, Map<String, Object> extensions,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.problem = Objects.requireNonNull(problem);
        this.retryAfter = retryAfter;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Extra members of the problem body, e.g. {@code prohibitedUntil}. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Headers of the answer besides {@code Retry-After}, e.g. a {@code WWW-Authenticate} challenge. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Marks this refusal as written to the audit on its own, so that it is not also counted ({@link Refused}). */
    public BatonException audited() {
        audited = true;
        return this;
    }

    public boolean isAudited() {
        return audited;
    }

    public static BatonException notFound() {
        return new BatonException(Problem.NOT_FOUND, "No such resource.");
    }
}
