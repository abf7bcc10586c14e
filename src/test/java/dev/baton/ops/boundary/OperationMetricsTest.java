package dev.baton.ops.boundary;

import dev.baton.platform.problem.Problem;
import dev.baton.platform.problem.Problems;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OperationMetricsTest {

    @Path("api/v1/transfers/{id}")
    static class TransfersResource {
        public void claim() {
        }
    }

    /** A session's restore, served by the transfer feature: named by the API, not by its code's place. */
    @Path("api/v1/sessions/{id}/restore")
    static class RestoreResource {
        public void restore() {
        }
    }

    static class UiResource {
        public void page() {
        }
    }

    @Test
    void anOperationIsTheApisResourceFamilyAndTheMethod() throws Exception {
        assertEquals("transfers.claim", OperationMetrics.operation(TransfersResource.class.getMethod("claim")));
        assertEquals("sessions.restore", OperationMetrics.operation(RestoreResource.class.getMethod("restore")));
        assertEquals("ui.page", OperationMetrics.operation(UiResource.class.getMethod("page")));
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
