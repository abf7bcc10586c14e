import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load generator for a first look at Baton's speed (issue 9), no libraries: to be
 * replaced by the benchmark that issue asks for (HdrHistogram, Keycloak side by side, plots).
 *
 * java bench/SessionReads.java <baseUrl> <session|health> <users> <phase:secs>...
 *   phases are "warm:20" (discarded) or "run:30" (reported), run in order, e.g. warm:20 run:30
 * Each user (one platform thread) loops send -> wait for the answer -> send until the phase ends.
 * For "session", each user first gets its own demo token, device and session.
 */
public class SessionReads {

    static final int MAX_SAMPLES_PER_USER = 300_000;

    record User(String token, String deviceToken, String sessionId, String sessionToken) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String mode = args[1];
        int users = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        List<HttpRequest> requests = new ArrayList<>();
        long setupStart = System.nanoTime();
        for (int i = 0; i < users; i++) {
            if (mode.equals("health")) {
                requests.add(HttpRequest.newBuilder(URI.create(base + "/health/live"))
                        .timeout(Duration.ofSeconds(30)).GET().build());
            } else {
                User u = setup(client, base, "perf-" + ProcessHandle.current().pid() + "-" + i);
                requests.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions/" + u.sessionId()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + u.token())
                        .header("Baton-Device-Token", u.deviceToken())
                        .header("Baton-Session-Token", u.sessionToken())
                        .GET().build());
            }
        }
        System.out.printf("setup: %d users in %d ms%n", users, (System.nanoTime() - setupStart) / 1_000_000);
        // one check request per user shape
        HttpResponse<String> check = client.send(requests.get(0), HttpResponse.BodyHandlers.ofString());
        System.out.println("check: " + check.statusCode() + " " + abbreviate(check.body()));
        if (check.statusCode() != 200) System.exit(2);

        for (int p = 3; p < args.length; p++) {
            String[] phase = args[p].split(":");
            boolean report = phase[0].equals("run");
            int secs = Integer.parseInt(phase[1]);
            phase(client, requests, mode, phase[0], secs, report);
        }
    }

    static void phase(HttpClient client, List<HttpRequest> requests, String mode, String name, int secs, boolean report)
            throws InterruptedException {
        int users = requests.size();
        long[][] samples = new long[users][];
        int[] counts = new int[users];
        AtomicLong errors = new AtomicLong();
        AtomicLong firstError = new AtomicLong(-1);
        String[] errorText = new String[1];
        Thread[] threads = new Thread[users];
        long start = System.nanoTime();
        long end = start + secs * 1_000_000_000L;
        for (int i = 0; i < users; i++) {
            final int u = i;
            samples[u] = new long[MAX_SAMPLES_PER_USER];
            threads[i] = new Thread(() -> {
                HttpRequest req = requests.get(u);
                long[] mine = samples[u];
                int n = 0;
                while (n < mine.length) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) break;
                    try {
                        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (r.statusCode() == 200) {
                            mine[n++] = t1 - t0;
                        } else {
                            errors.incrementAndGet();
                            if (firstError.compareAndSet(-1, r.statusCode())) {
                                errorText[0] = r.statusCode() + " " + abbreviate(new String(r.body()));
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (firstError.compareAndSet(-1, 0)) errorText[0] = e.toString();
                    }
                }
                counts[u] = n;
            }, "vu-" + i);
            threads[i].start();
        }
        for (Thread t : threads) t.join(secs * 1000L + 60_000L);
        long elapsed = System.nanoTime() - start;
        int total = 0;
        for (int c : counts) total += c;
        long[] all = new long[total];
        int k = 0;
        for (int i = 0; i < users; i++) {
            System.arraycopy(samples[i], 0, all, k, counts[i]);
            k += counts[i];
        }
        Arrays.sort(all);
        double seconds = elapsed / 1e9;
        System.out.printf("%s %s users=%d secs=%.1f ok=%d errors=%d rate=%.1f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%s%n",
                report ? "RESULT" : "warmup", mode, users, seconds, total, errors.get(), total / seconds,
                pct(all, 50), pct(all, 90), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                errorText[0] == null ? "" : " firstError=" + errorText[0]);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
    }

    static User setup(HttpClient client, String base, String user) throws Exception {
        String token = field(post(client, base + "/dev/token", null, null,
                "{\"user\":\"" + user + "\",\"groups\":[\"baton-user\"]}"), "token");
        String device = post(client, base + "/api/v1/devices", token, null,
                "{\"name\":\"perf desktop\",\"kind\":\"desktop\",\"platform\":\"Linux\"}");
        String deviceToken = field(device, "deviceToken");
        String session = post(client, base + "/api/v1/sessions", token, deviceToken,
                "{\"application\":\"portal\",\"state\":{\"form\":\"loan-42\",\"step\":3}}");
        return new User(token, deviceToken, field(session, "id"), field(session, "sessionToken"));
    }

    static String post(HttpClient client, String url, String token, String deviceToken, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (deviceToken != null) b.header("Baton-Device-Token", deviceToken);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
