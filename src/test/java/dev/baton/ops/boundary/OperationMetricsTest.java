package dev.baton.ops.boundary;

import dev.baton.platform.problem.Problem;
import dev.baton.platform.problem.Problems;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OperationMetricsTest {

    static class TransfersResource {
        public void claim() {
        }
    }

    @Test
    void anOperationIsTheResourceAndItsMethod() throws Exception {
        assertEquals("transfers.claim", OperationMetrics.operation(TransfersResource.class.getMethod("claim")));
        assertEquals("unmatched", OperationMetrics.operation(null));
    }

    @Test
    void aProblemIsKnownByItsCodeOrElseByItsStatus() {
        for (Problem problem : Problem.values()) {
            assertEquals(problem, OperationMetrics.problemOf(Problems.json(problem, "a \"code\":\"internal\" in the detail", Map.of()),
                    problem.status()));
        }
        assertEquals(Problem.NOT_FOUND, OperationMetrics.problemOf("{\"code\":\"no-such-code\"}", 404));
        assertEquals(Problem.INTERNAL, OperationMetrics.problemOf("not json", 500));
    }
}
