package dev.baton.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.ByteBuffer;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What one measured phase gave: completed iterations per second, their latency (microseconds, in
 * an HdrHistogram) and the errors by kind. One JSON line each in the run's results file, the
 * histogram included (compressed), so the report can draw its distribution.
 */
record Result(Key key, double seconds, Histogram latencies, Map<String, Long> errors) {

    /**
     * Which phase: {@code section} is the topology ("keycloak", "one-node", "two-nodes", "growth"),
     * {@code scenario} what each user does, {@code proofs} whether devices sign every call,
     * {@code sessions} the sessions in the database for growth (0 elsewhere).
     */
    record Key(String section, String scenario, boolean proofs, int users, long sessions) {
    }

    double rate() {
        return latencies.getTotalCount() / seconds;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Latency at {@code percentile}, in milliseconds. */
    double millis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencies.getMaxValue() / 1000.0;
    }

    String summary() {
        return String.format("%s %s proofs=%s users=%d: %.1f/s p50 %.1f ms p99 %.1f ms max %.1f ms, errors %s",
                key.section, key.scenario, key.proofs, key.users, rate(), millis(50), millis(99), maxMillis(), errors);
    }

    String toJson() {
        ByteBuffer buffer = ByteBuffer.allocate(latencies.getNeededByteBufferCapacity());
        int length = latencies.encodeIntoCompressedByteBuffer(buffer);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "load");
        json.put("section", key.section);
        json.put("scenario", key.scenario);
        json.put("proofs", key.proofs);
        json.put("users", key.users);
        json.put("sessions", key.sessions);
        json.put("seconds", seconds);
        json.put("errors", new TreeMap<>(errors));
        json.put("histogram", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        return JSONObjectUtils.toJSONString(json);
    }

    static Result fromJson(Map<String, Object> json) throws ParseException {
        try {
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode((String) json.get("histogram"))), 0);
            Map<String, Long> errors = new TreeMap<>();
            JSONObjectUtils.getJSONObject(json, "errors").forEach((k, v) -> errors.put(k, ((Number) v).longValue()));
            Key key = new Key((String) json.get("section"), (String) json.get("scenario"), (Boolean) json.get("proofs"),
                    ((Number) json.get("users")).intValue(), ((Number) json.get("sessions")).longValue());
            return new Result(key, ((Number) json.get("seconds")).doubleValue(), histogram, errors);
        } catch (DataFormatException e) {
            throw new ParseException("histogram: " + e.getMessage(), 0);
        }
    }
}
