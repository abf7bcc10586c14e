package dev.baton.platform.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Baton's log lines, one per event: {@code text} (time, level, logger, request id, message) or
 * {@code json} (one object per line: {@code time}, {@code level}, {@code logger}, {@code message},
 * {@code requestId}, and {@code thrown} as one string when there is an exception). The request id
 * is that of the request the logging thread is handling ({@link #bindRequestId}).
 * <p>
 * The launcher puts it on Payara Micro's console handler before the boot, so it is in the jar's root
 * next to the launcher and needs nothing but the JDK; the application then sees that copy (its class
 * loader asks the parent first), so whatever it uses here is public.
 */
public class BatonLogFormatter extends Formatter {

    /** The values of {@code baton.log.format}. */
    public static final String TEXT = "text";
    public static final String JSON = "json";

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private final boolean json;

    /** As {@code baton.log.format} says (system property or environment): the JDK makes handlers' formatters this way. */
    public BatonLogFormatter() {
        this(configured());
    }

    public BatonLogFormatter(String format) {
        this.json = JSON.equals(format);
    }

    /** The format {@code baton.log.format} names, from a system property or the environment; {@code text} by default. */
    public static String configured() {
        String value = System.getProperty("baton.log.format");
        if (value == null || value.isBlank()) {
            value = System.getenv("BATON_LOG_FORMAT");
        }
        return value != null && value.trim().equalsIgnoreCase(JSON) ? JSON : TEXT;
    }

    /** Names the request this thread handles from now on, or none ({@code null}); answers the one it handled before. */
    public static String bindRequestId(String requestId) {
        String before = REQUEST_ID.get();
        if (requestId == null) {
            REQUEST_ID.remove();
        } else {
            REQUEST_ID.set(requestId);
        }
        return before;
    }

    /** The request this thread handles, or {@code null}. */
    public static String requestId() {
        return REQUEST_ID.get();
    }

    public boolean isJson() {
        return json;
    }

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        String thrown = record.getThrown() == null ? null : stackTrace(record.getThrown());
        String requestId = REQUEST_ID.get();
        Instant time = record.getInstant();
        String level = record.getLevel().getName();
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        return json ? json(time, level, logger, message, requestId, thrown) : text(time, level, logger, message, requestId, thrown);
    }

    private static String text(Instant time, String level, String logger, String message, String requestId, String thrown) {
        StringBuilder line = new StringBuilder(128).append(time).append(' ').append(level).append(" [").append(logger).append(']');
        if (requestId != null) {
            line.append(" [").append(requestId).append(']');
        }
        // Payara and its libraries write messages over several lines (banners, tables): kept apart by " | ".
        line.append(' ').append(message == null ? "" : message.strip().replace("\r\n", "\n").replace("\n", " | "))
                .append(System.lineSeparator());
        if (thrown != null) {
            line.append(thrown);
        }
        return line.toString();
    }

    private static String json(Instant time, String level, String logger, String message, String requestId, String thrown) {
        StringBuilder line = new StringBuilder(160).append("{\"time\":\"").append(time).append("\",\"level\":\"").append(level)
                .append("\",\"logger\":");
        quote(line, logger).append(",\"message\":");
        quote(line, message == null ? "" : message).append(",\"requestId\":");
        if (requestId == null) {
            line.append("null");
        } else {
            quote(line, requestId);
        }
        if (thrown != null) {
            quote(line.append(",\"thrown\":"), thrown);
        }
        return line.append('}').append(System.lineSeparator()).toString();
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** Appends {@code text} as a JSON string: quotes, backslashes and every control character escaped. */
    static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
