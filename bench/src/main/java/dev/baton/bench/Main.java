package dev.baton.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The benchmark's commands, each against servers {@code bench/run.sh} has started; every measured
 * phase appends one JSON line to {@code --out}, and {@code report} turns those lines into the
 * results page and its plots.
 *
 * <pre>
 * keycloak --realm URL --users 16,64 [--prewarm S] --warm S --measure S --out FILE     (env BENCH_KC_ADMIN_PASSWORD)
 * baton    --nodes URL[,URL] --section NAME [--scenarios floor,reads,transfers] [--prewarm S] --warm S --measure S --out FILE
 * growth   --nodes URL --jdbc URL --sessions N --warm S --measure S --out FILE
 * report   --in FILE --out FILE.md --plots DIR [--fact "name=value"]...
 * compare  --in LABEL=FILE [--in LABEL=FILE]... --out FILE.md
 * </pre>
 */
public final class Main {

    private static final long MAX_ITERATIONS = 1_000_000;
    private static final int READERS = 32;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "keycloak" -> keycloak(options);
            case "baton" -> baton(options);
            case "growth" -> growth(options);
            case "report" -> Report.write(options);
            case "compare" -> Compare.write(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void keycloak(Map<String, List<String>> o) throws Exception {
        URI realm = URI.create(one(o, "realm"));
        String password = KeycloakUsers.setPassword(realm.resolve("/"), "baton", "alice", System.getenv("BENCH_KC_ADMIN_PASSWORD"));
        warmOnly(o, "keycloak", 16, i -> new KeycloakUsers.Refresher(realm, "alice", password));
        for (String users : one(o, "users").split(",")) {
            int n = Integer.parseInt(users);
            measure(o, new Result.Key("keycloak", "refresh", false, n, 0), n, i -> new KeycloakUsers.Refresher(realm, "alice", password));
        }
    }

    private static void baton(Map<String, List<String>> o) throws Exception {
        List<URI> nodes = Arrays.stream(one(o, "nodes").split(",")).map(URI::create).toList();
        String section = one(o, "section");
        List<String> scenarios = List.of(o.getOrDefault("scenarios", List.of("floor,reads,transfers")).get(0).split(","));
        String run = KeycloakUsers.random(6);
        prewarm(o, nodes, run);
        if (scenarios.contains("floor")) {
            measure(o, new Result.Key(section, "floor", false, READERS, 0), READERS, i -> new BatonUsers.Floor(nodes, "floor-" + i));
        }
        for (boolean proofs : new boolean[] {false, true}) {
            String tag = run + (proofs ? "-p" : "-n");
            if (scenarios.contains("reads")) {
                measure(o, new Result.Key(section, "reads", proofs, READERS, 0), READERS,
                        i -> new BatonUsers.Reader(nodes, "reader-" + tag + "-" + i, proofs));
            }
            if (scenarios.contains("transfers")) {
                for (int users : new int[] {16, 64}) {
                    measure(o, new Result.Key(section, "transfers", proofs, users, 0), users,
                            i -> new BatonUsers.Mover(nodes, "mover-" + tag + "-" + users + "-" + i, proofs));
                }
            }
        }
    }

    /**
     * Warms a freshly started node (or nodes) with reads and transfers, with and without proofs,
     * for {@code --prewarm} seconds, measured nowhere, so that the first phase does not pay for the
     * JIT compiler (Keycloak gets the same).
     */
    private static void prewarm(Map<String, List<String>> o, List<URI> nodes, String run) throws Exception {
        warmOnly(o, "baton", 16, i -> i % 2 == 0 ? new BatonUsers.Mover(nodes, "warm-" + run + "-m" + i, i % 4 == 0)
                : new BatonUsers.Reader(nodes, "warm-" + run + "-r" + i, i % 4 == 1));
    }

    /** Runs {@code users} for {@code --prewarm} seconds and forgets the figures. */
    private static void warmOnly(Map<String, List<String>> o, String what, int users, IntFunction<ClosedLoop.User> user)
            throws Exception {
        long seconds = Long.parseLong(o.getOrDefault("prewarm", List.of("0")).get(0));
        if (seconds > 0) {
            List<ClosedLoop.User> loops = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                loops.add(user.apply(i));
            }
            ClosedLoop.run(new Result.Key("prewarm", what, false, users, 0), loops, Duration.ofSeconds(seconds), Duration.ZERO,
                    MAX_ITERATIONS);
            System.out.println("warmed " + what + " for " + seconds + " s");
        }
    }

    /** Fills the database to {@code --sessions}, then measures session reads and the audit chain's verification. */
    private static void growth(Map<String, List<String>> o) throws Exception {
        List<URI> nodes = List.of(URI.create(one(o, "nodes")));
        BulkRows rows = new BulkRows(one(o, "jdbc"), Path.of(one(o, "key-file")));
        long target = Long.parseLong(one(o, "sessions"));
        long before = rows.sessions();
        long t0 = System.nanoTime();
        rows.fillTo(target - READERS);
        long fillMillis = (System.nanoTime() - t0) / 1_000_000;
        append(o, line("bulk", "sessions", target, "added", Math.max(0, target - READERS - before), "ms", fillMillis));
        String tag = KeycloakUsers.random(6);
        measure(o, new Result.Key("growth", "reads", false, READERS, target), READERS,
                i -> new BatonUsers.Reader(nodes, "grower-" + tag + "-" + i, false));
        verify(o, nodes, target);
    }

    /** Times {@code GET /audit/verify}, the whole chain in one call. */
    private static void verify(Map<String, List<String>> o, List<URI> nodes, long sessions) throws Exception {
        BatonUsers.Floor auditor = new BatonUsers.Floor(nodes, "auditor-" + KeycloakUsers.random(6));
        String jwt = auditor.token("baton-auditor");
        var client = Call.client();
        long t0 = System.nanoTime();
        Map<String, Object> verdict = Call.get(nodes.get(0).resolve("/api/v1/audit/verify")).bearer(jwt).sendForJson(client, "verify");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        append(o, line("verify", "sessions", sessions, "checked", verdict.get("checked"), "valid", verdict.get("valid"), "ms", millis));
        System.out.printf("audit verify at %d sessions: %s in %d ms%n", sessions, verdict, millis);
    }

    private static void measure(Map<String, List<String>> o, Result.Key key, int users, IntFunction<ClosedLoop.User> user)
            throws Exception {
        List<ClosedLoop.User> loops = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            loops.add(user.apply(i));
        }
        Duration warm = Duration.ofSeconds(Long.parseLong(one(o, "warm")));
        Duration window = Duration.ofSeconds(Long.parseLong(one(o, "measure")));
        Result result = ClosedLoop.run(key, loops, warm, window, MAX_ITERATIONS);
        System.out.println(result.summary());
        append(o, result.toJson());
    }

    static String line(String kind, Object... pairs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        for (int i = 0; i < pairs.length; i += 2) {
            json.put((String) pairs[i], pairs[i + 1]);
        }
        return JSONObjectUtils.toJSONString(json);
    }

    private static void append(Map<String, List<String>> o, String line) throws IOException {
        Files.writeString(Path.of(one(o, "out")), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String one(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return values.get(0);
    }

    /** {@code --name value} pairs; a name may come more than once. */
    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        return options;
    }
}
