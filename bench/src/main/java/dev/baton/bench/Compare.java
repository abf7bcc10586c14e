package dev.baton.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts several builds' load phases side by side: one row per phase, one column per build, each
 * cell the median over that build's runs of the rate and of the p99 ({@code bench/compare.sh}).
 */
final class Compare {

    private Compare() {
    }

    /** {@code --in label=FILE} once per run (a label may come once per round), {@code --out FILE.md}. */
    static void write(Map<String, List<String>> o) throws Exception {
        Map<String, Map<Result.Key, List<Result>>> byLabel = new LinkedHashMap<>();
        Set<Result.Key> keys = new LinkedHashSet<>();
        for (String in : o.get("in")) {
            int eq = in.indexOf('=');
            Map<Result.Key, List<Result>> runs = byLabel.computeIfAbsent(in.substring(0, eq), l -> new LinkedHashMap<>());
            for (String line : Files.readAllLines(Path.of(in.substring(eq + 1)))) {
                Map<String, Object> json = line.isBlank() ? Map.of() : JSONObjectUtils.parse(line);
                if ("load".equals(json.get("kind"))) {
                    Result result = Result.fromJson(json);
                    keys.add(result.key());
                    runs.computeIfAbsent(result.key(), k -> new ArrayList<>()).add(result);
                }
            }
        }
        StringBuilder t = new StringBuilder("| phase | users |");
        byLabel.keySet().forEach(label -> t.append(' ').append(label).append(" |"));
        t.append("\n|---|---|").append("---|".repeat(byLabel.size())).append('\n');
        for (Result.Key key : keys) {
            t.append("| ").append(key.section()).append(' ').append(key.scenario()).append(key.proofs() ? " + proofs" : "")
                    .append(" | ").append(key.users()).append(" |");
            for (Map<Result.Key, List<Result>> runs : byLabel.values()) {
                List<Result> results = runs.getOrDefault(key, List.of());
                t.append(results.isEmpty() ? " — |" : String.format(Locale.ROOT, " %.1f/s, p99 %.0f ms |",
                        median(results.stream().map(Result::rate).toList()),
                        median(results.stream().map(r -> r.millis(99)).toList())));
            }
            t.append('\n');
        }
        Files.writeString(Path.of(Main.one(o, "out")), t.toString());
        System.out.print(t);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
