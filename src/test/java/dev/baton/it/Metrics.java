package dev.baton.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a node's {@code /metrics} said at one moment (Prometheus text): its samples, by name and labels. */
public final class Metrics {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final String text;

    private Metrics(String text) {
        this.text = text;
        this.samples = parse(text);
    }

    public static Metrics of(Api api) {
        Reply reply = api.get("/metrics").header("Accept", "text/plain").send();
        assertEquals(200, reply.status(), reply::toString);
        return new Metrics(reply.text());
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels} ("key", "value", …). */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    public boolean has(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().anyMatch(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()));
    }

    /** Every sample's name, e.g. {@code baton_transfers_total}. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    public List<Sample> samples() {
        return samples;
    }

    public String text() {
        return text;
    }

    private static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int close = line.lastIndexOf('}');
            String name;
            Map<String, String> labels = new HashMap<>();
            String rest;
            if (brace >= 0 && close > brace) {
                name = line.substring(0, brace);
                Matcher label = LABEL.matcher(line.substring(brace + 1, close));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                rest = line.substring(close + 1).trim();
            } else {
                int space = line.indexOf(' ');
                name = line.substring(0, space);
                rest = line.substring(space + 1).trim();
            }
            String value = rest.split(" ")[0];
            samples.add(new Sample(name, labels, value.equals("NaN") ? Double.NaN : Double.parseDouble(value)));
        }
        return samples;
    }
}
