package dev.baton.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns a run's JSON lines into the results page: goals, load, growth, start-up, and the plots. */
final class Report {

    private static final String NOTES = """
            ## How it was measured

            - Keycloak and Baton run one after the other, never at once, each alone with the generator on the same cores.
            - Keycloak: the realm of `server-config/keycloak/` unchanged (no password grant enabled); each client signs `alice`
              in once through the login page (authorization code with PKCE, client `baton-web`, password set for the run
              through the admin API), then loops on `grant_type=refresh_token` with the refresh token the last grant returned.
            - Baton: demo mode, each user with its own `/dev/token` JWT (RS256), its own devices, its own connection. A read is
              `GET /api/v1/sessions/{id}` with device and session token; a transfer iteration opens a session on the desktop,
              then (timed) requests the transfer with `Baton-Session-Info`, claims it on the phone and restores it there.
              With proofs, both devices are registered with an EC P-256 key and every device call carries a fresh ES256 `DPoP`
              proof (Nimbus JOSE+JWT). Two nodes: each user sends its calls to the nodes in turn, so the steps of one transfer
              land on different nodes.
            - Baton's rate limits are raised for the bench (`BATON_RATE_LIMIT_CLAIM`, `BATON_RATE_LIMIT_WRITE`): the limiter
              still runs on every call, it just never refuses a bench user (a person claims far less than 20 times a minute).
            - Growth: beyond the 32 readers' own sessions, the rows are inserted with SQL (`COPY`, `BulkRows.java`), not through
              the API (a million sessions through the API would take hours here): per session a user, its registrant row, an
              active device, an active session and its two audit records, linked into the audit chain with Baton's own hash,
              so `GET /audit/verify` walks them all (its `valid` is in the table). Heap: `jcmd GC.run`, then `GC.heap_info`.
            - HTTP/1.1 is forced in the generator; Baton also serves h2c, which this run does not measure.
            - Phases run in the order of the load table, each on the same warm server. On a shared machine (see the load
              average above) differences of up to 2× between neighbouring phases are noise: compare ratios from one run, and
              repeat a run before trusting a small difference.
            - Errors are non-2xx answers ("step status code") or exceptions, counted in the measured window; failed iterations
              are not in the rates or latencies.
            """;

    private final List<Result> loads = new ArrayList<>();
    private final List<Map<String, Object>> others = new ArrayList<>();

    private Report(Path lines) throws Exception {
        for (String line : Files.readAllLines(lines)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> json = JSONObjectUtils.parse(line);
            if ("load".equals(json.get("kind"))) {
                loads.add(Result.fromJson(json));
            } else {
                others.add(json);
            }
        }
    }

    static void write(Map<String, List<String>> o) throws Exception {
        Report report = new Report(Path.of(Main.one(o, "in")));
        Path plots = Path.of(Main.one(o, "plots"));
        Files.createDirectories(plots);
        Path out = Path.of(Main.one(o, "out"));
        String prefix = out.getFileName().toString().replaceFirst("\\.md$", "");
        List<String> pictures = Plots.draw(report.loads, plots, prefix);
        StringBuilder page = new StringBuilder();
        page.append("# Baton benchmark, ").append(prefix).append("\n\n");
        for (String fact : o.getOrDefault("fact", List.of())) {
            int eq = fact.indexOf('=');
            page.append("- ").append(fact, 0, eq).append(": ").append(fact.substring(eq + 1)).append('\n');
        }
        page.append("\n").append(report.goals()).append("\n").append(report.loadTable()).append("\n")
                .append(report.growthTable()).append("\n").append(report.startupTable()).append("\n").append(NOTES).append("\n");
        for (String picture : pictures) {
            page.append("![").append(picture).append("](").append(out.getParent().relativize(plots.resolve(picture))).append(")\n");
        }
        Files.writeString(out, page.toString());
        System.out.println("wrote " + out + " and " + pictures);
    }

    private Optional<Result> load(String section, String scenario, boolean proofs, int users) {
        return loads.stream().filter(r -> r.key().section().equals(section) && r.key().scenario().equals(scenario)
                && r.key().proofs() == proofs && r.key().users() == users).findFirst();
    }

    private List<Map<String, Object>> of(String kind) {
        return others.stream().filter(j -> kind.equals(j.get("kind"))).collect(Collectors.toList());
    }

    private String goals() {
        StringBuilder t = new StringBuilder("## Goals (issue 9 §2), measured in this run\n\n| metric | goal | measured |\n|---|---|---|\n");
        for (int users : new int[] {16, 64}) {
            int n = users;
            t.append("| complete transfers/s ÷ Keycloak refresh grants/s, ").append(n).append(" concurrent | ≥ 2 | ")
                    .append(ratios(v -> load(v.section, "transfers", v.proofs, n), v -> load("keycloak", "refresh", false, n)))
                    .append(" |\n");
        }
        t.append("| session access checks/s ÷ the floor, 32 connections | ≥ 0.5 | ")
                .append(ratios(v -> load(v.section, "reads", v.proofs, 32), v -> load(v.section, "floor", false, 32)))
                .append(" |\n");
        t.append("| session access p99 at 32 connections | ≤ 10 ms | ").append(cells(v -> load(v.section, "reads", v.proofs, 32)
                .map(r -> ms(r.millis(99)) + " ms"))).append(" |\n");
        t.append("| transfer (request + claim + restore) p99 at 64 concurrent users | ≤ 30 ms | ")
                .append(cells(v -> load(v.section, "transfers", v.proofs, 64).map(r -> ms(r.millis(99)) + " ms"))).append(" |\n");
        t.append("| access p99 at 10⁶ sessions ÷ at 10³ | ≤ 1.3 | ").append(growthRatio()).append(" |\n");
        t.append("| heap per 10⁵ active sessions | ≤ 50 MB | ").append(heapPer100k()).append(" |\n");
        t.append("| start to first answer | ≤ 12 s | ").append(of("startup").stream()
                .map(j -> j.get("what") + " " + String.format(Locale.ROOT, "%.1f s", ((Number) j.get("ms")).doubleValue() / 1000))
                .collect(Collectors.joining("; "))).append(" |\n");
        return t.toString();
    }

    /** The four Baton variants a goal is shown for. */
    private record Variant(String section, boolean proofs) {
        String label() {
            return section + (proofs ? " + proofs" : "");
        }
    }

    private static final List<Variant> VARIANTS = List.of(new Variant("one-node", false), new Variant("one-node", true),
            new Variant("two-nodes", false), new Variant("two-nodes", true));

    /** Per variant: numerator's rate ÷ denominator's rate, where both were measured. */
    private String ratios(Function<Variant, Optional<Result>> numerator, Function<Variant, Optional<Result>> denominator) {
        return VARIANTS.stream().map(v -> {
            Optional<Result> a = numerator.apply(v);
            Optional<Result> b = denominator.apply(v);
            if (a.isEmpty() || b.isEmpty()) {
                return null;
            }
            return String.format(Locale.ROOT, "%s: %.1f/s ÷ %.1f/s = **%.2f**", v.label(), a.get().rate(), b.get().rate(),
                    a.get().rate() / b.get().rate());
        }).filter(Objects::nonNull).collect(Collectors.collectingAndThen(Collectors.joining("; "), Report::orNotMeasured));
    }

    private String cells(Function<Variant, Optional<String>> value) {
        return VARIANTS.stream().map(v -> value.apply(v).map(x -> v.label() + ": **" + x + "**").orElse(null))
                .filter(Objects::nonNull).collect(Collectors.collectingAndThen(Collectors.joining("; "), Report::orNotMeasured));
    }

    private static String orNotMeasured(String cell) {
        return cell.isEmpty() ? "not measured" : cell;
    }

    private Optional<Result> growth(long sessions) {
        return loads.stream().filter(r -> r.key().section().equals("growth") && r.key().sessions() == sessions).findFirst();
    }

    private String growthRatio() {
        Optional<Result> small = growth(1_000);
        Optional<Result> large = loads.stream().filter(r -> r.key().section().equals("growth"))
                .max((a, b) -> Long.compare(a.key().sessions(), b.key().sessions()));
        if (small.isEmpty() || large.isEmpty() || large.get() == small.get()) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "%s ms at %s ÷ %s ms at 10³ = **%.2f**", ms(large.get().millis(99)),
                count(large.get().key().sessions()), ms(small.get().millis(99)), large.get().millis(99) / small.get().millis(99));
    }

    private String heapPer100k() {
        List<Map<String, Object>> heaps = of("heap");
        if (heaps.size() < 2) {
            return "not measured";
        }
        Map<String, Object> first = heaps.get(0);
        Map<String, Object> last = heaps.get(heaps.size() - 1);
        double sessions = num(last, "sessions") - num(first, "sessions");
        double mb = num(last, "usedMb") - num(first, "usedMb");
        return String.format(Locale.ROOT, "(%.0f MB at %s − %.0f MB at %s) per 10⁵ = **%.1f MB** (heap used after a full GC, "
                        + "with the sessions in PostgreSQL)", num(last, "usedMb"), count((long) num(last, "sessions")),
                num(first, "usedMb"), count((long) num(first, "sessions")), mb / (sessions / 100_000));
    }

    private String loadTable() {
        StringBuilder t = new StringBuilder("## Load (closed loop; rates count completed iterations in the measured window)\n\n"
                + "| where | scenario | device proofs | concurrent users | completed/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : loads) {
            if (r.key().section().equals("growth")) {
                continue;
            }
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f | %s | %s | %s | %s | %s |\n", r.key().section(),
                    describe(r.key().scenario()), r.key().proofs() ? "ES256" : "—", r.key().users(), r.rate(), ms(r.millis(50)),
                    ms(r.millis(90)), ms(r.millis(99)), ms(r.maxMillis()), errors(r)));
        }
        return t.toString();
    }

    private String growthTable() {
        StringBuilder t = new StringBuilder("## Growth (one node; rows beyond the 32 readers' own bulk-inserted by SQL, see below)\n\n"
                + "| sessions in PostgreSQL | added by SQL (each with its user, device and 2 audit records) | reads/s at 32 | p50 ms | p99 ms | errors | heap used after full GC | "
                + "audit verify (whole chain) | per 10⁵ records |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : loads) {
            if (!r.key().section().equals("growth")) {
                continue;
            }
            long n = r.key().sessions();
            Optional<Map<String, Object>> bulk = at("bulk", n);
            Optional<Map<String, Object>> heap = at("heap", n);
            Optional<Map<String, Object>> verify = at("verify", n);
            t.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s | %s | %s | %s | %s |\n", count(n),
                    bulk.map(b -> String.format(Locale.ROOT, "%,.0f sessions in %.1f s", num(b, "added"), num(b, "ms") / 1000)).orElse("—"),
                    r.rate(), ms(r.millis(50)), ms(r.millis(99)), errors(r),
                    heap.map(h -> String.format(Locale.ROOT, "%.0f MB", num(h, "usedMb"))).orElse("—"),
                    verify.map(v -> String.format(Locale.ROOT, "%,.0f records in %.1f s, valid=%s", num(v, "checked"), num(v, "ms") / 1000,
                            v.get("valid"))).orElse("—"),
                    verify.filter(v -> num(v, "checked") >= 100_000).map(v -> String.format(Locale.ROOT, "%.2f s",
                            num(v, "ms") / 1000 / (num(v, "checked") / 100_000))).orElse("—")));
        }
        return t.toString();
    }

    private String startupTable() {
        StringBuilder t = new StringBuilder("## Start to first answer (`java -jar target/baton.jar` to the first answer on `/`, fresh database)\n\n"
                + "| database | seconds |\n|---|---|\n");
        for (Map<String, Object> s : of("startup")) {
            t.append(String.format(Locale.ROOT, "| %s | %.1f |\n", s.get("what"), num(s, "ms") / 1000));
        }
        return t.toString();
    }

    private Optional<Map<String, Object>> at(String kind, long sessions) {
        Predicate<Map<String, Object>> here = j -> (long) num(j, "sessions") == sessions;
        return of(kind).stream().filter(here).findFirst();
    }

    private static String describe(String scenario) {
        return switch (scenario) {
            case "refresh" -> "refresh-token grant (baton-web, PKCE client)";
            case "floor" -> "floor: GET /health/live";
            case "reads" -> "session access check: GET session as holder";
            case "transfers" -> "complete transfer: open + request + claim + restore (latency: request + claim + restore)";
            default -> scenario;
        };
    }

    private static String errors(Result r) {
        if (r.errors().isEmpty()) {
            return "0";
        }
        return r.errors().entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
    }

    static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f", millis) : String.format(Locale.ROOT, "%.0f", millis);
    }

    static String count(long n) {
        return n >= 1000 && Long.toString(n).matches("10*") ? "10^" + (Long.toString(n).length() - 1) : Long.toString(n);
    }

    private static double num(Map<String, Object> json, String name) {
        return ((Number) json.get(name)).doubleValue();
    }
}
