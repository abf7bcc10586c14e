package dev.baton.it;

import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints what tests publish through JUnit's {@code TestReporter} (figures, seeds), one line each:
 * Surefire and Failsafe drop report entries, and these lines are what a run is read for. Registered
 * through {@code META-INF/services}, so every test run by the JUnit Platform has it.
 */
public final class ReportEntries implements TestExecutionListener {

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        // Standard output is where Surefire and Failsafe keep each test's lines, next to its result.
        entry.getKeyValuePairs().forEach((key, value) -> System.out.println("[" + key + "] " + test.getDisplayName() + ": " + value));
    }
}
