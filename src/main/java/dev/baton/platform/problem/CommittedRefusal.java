package dev.baton.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * A refusal whose transaction still commits: a wrong claim code must count even though the caller
 * is refused, and a transfer found past its time must stay expired.
 */
@ApplicationException(rollback = false)
public class CommittedRefusal extends BatonException {

    public CommittedRefusal(Problem problem, String detail) {
        super(problem, detail);
    }
}
