package dev.baton.platform.logging;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatonLogFormatterTest {

    private static final Instant AT = Instant.parse("2026-12-01T06:40:00.123Z");

    @AfterEach
    void unbind() {
        BatonLogFormatter.bindRequestId(null);
    }

    @Test
    void jsonIsOneObjectPerLineWithTheRequestIdAndTheStackTraceAsOneField() {
        BatonLogFormatter.bindRequestId("req-1");
        LogRecord record = record(Level.SEVERE, "Incident {0}:\n\"quoted\" \\ \u0001", new IllegalStateException("boom"));
        String line = new BatonLogFormatter(BatonLogFormatter.JSON).format(record);
        assertTrue(line.endsWith(System.lineSeparator()));
        assertEquals(1, line.strip().lines().count(), line);
        JsonObject json = Json.createReader(new StringReader(line)).readObject();
        assertEquals("2026-12-01T06:40:00.123Z", json.getString("time"));
        assertEquals("SEVERE", json.getString("level"));
        assertEquals("dev.baton.Test", json.getString("logger"));
        assertEquals("Incident 42:\n\"quoted\" \\ \u0001", json.getString("message"));
        assertEquals("req-1", json.getString("requestId"));
        assertTrue(json.getString("thrown").startsWith("java.lang.IllegalStateException: boom"));
        assertTrue(json.getString("thrown").contains("\tat dev.baton.platform.logging.BatonLogFormatterTest"));
    }

    @Test
    void jsonOutsideARequestHasANullRequestIdAndNoThrown() {
        JsonObject json = Json.createReader(new StringReader(
                new BatonLogFormatter(BatonLogFormatter.JSON).format(record(Level.INFO, "Started", null)))).readObject();
        assertTrue(json.isNull("requestId"));
        assertFalse(json.containsKey("thrown"));
    }

    @Test
    void textIsOneLinePerEventWithTheRequestIdInBrackets() {
        BatonLogFormatter.bindRequestId("req-2");
        String line = new BatonLogFormatter(BatonLogFormatter.TEXT).format(record(Level.INFO, "Bearer token refused: {0}\nsecond", null));
        assertEquals("2026-12-01T06:40:00.123Z INFO [dev.baton.Test] [req-2] Bearer token refused: 42 | second" + System.lineSeparator(),
                line);
    }

    @Test
    void theRequestIdIsBoundUntilUnboundAndTheFormerOneComesBack() {
        assertNull(BatonLogFormatter.bindRequestId("outer"));
        assertEquals("outer", BatonLogFormatter.bindRequestId("inner"));
        assertEquals("inner", BatonLogFormatter.bindRequestId("outer"));
        assertEquals("outer", BatonLogFormatter.requestId());
    }

    private static LogRecord record(Level level, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(AT);
        record.setLoggerName("dev.baton.Test");
        record.setParameters(new Object[] {42});
        record.setThrown(thrown);
        return record;
    }
}
