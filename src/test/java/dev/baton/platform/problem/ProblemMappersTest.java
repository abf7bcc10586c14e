package dev.baton.platform.problem;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMappersTest {

    @Test
    void aBodyReadThatTimedOutIsTheClientsFault() {
        assertTrue(ProblemMappers.bodyReadTimedOut(new IOException(new TimeoutException())));
        assertTrue(ProblemMappers.bodyReadTimedOut(new IOException("Blocking read timeout")));
    }

    @Test
    void otherReadFailuresAreNotTakenForATimeout() {
        assertFalse(ProblemMappers.bodyReadTimedOut(new IOException("Broken pipe")));
        assertFalse(ProblemMappers.bodyReadTimedOut(new EOFException()));
        assertFalse(ProblemMappers.bodyReadTimedOut(new IllegalStateException(new TimeoutException())));
    }
}
