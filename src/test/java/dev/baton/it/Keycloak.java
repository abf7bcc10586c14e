package dev.baton.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak for the tests, so that Baton is shown tokens from the identity provider it meets
 * in production rather than from a key of our own ({@link TestIssuer}). One per test JVM: the
 * distribution unpacked to {@code target/keycloak} by {@code mvn verify}, in dev mode on a free
 * loopback port with an in-memory database, importing {@code server-config/keycloak/baton-realm.json}.
 * The realm file holds no secret: the bootstrap administrator and the test users get random
 * passwords at each start, known only to this JVM.
 */
public final class Keycloak {

    public static final String REALM = "baton";
    /** What Baton requires in {@code aud} (MP_JWT_VERIFY_AUDIENCES); the realm's clients add it. */
    public static final String AUDIENCE = "baton";
    public static final String WEB_CLIENT = "baton-web";
    public static final String PORTAL_CLIENT = "baton-portal";
    /** For curl at a terminal: the device authorization grant only. */
    public static final String CLI_CLIENT = "baton-cli";
    /** The realm's users: alice (baton-user), audrey (+auditor), adam (+admin), nobody (no baton role). */
    public static final List<String> USERS = List.of("alice", "audrey", "adam", "nobody");

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Path HOME = Path.of("target", "keycloak");
    private static final Path REALM_FILE = Path.of("server-config", "keycloak", "baton-realm.json");
    private static final Path LOG = Path.of("target", "it-logs", "keycloak.log");
    private static Keycloak running;

    private final int port = BatonServer.freePort();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final KeycloakAdmin admin;
    private final String adminUser = "admin-" + randomSecret().substring(0, 8);
    private final String adminPassword = randomSecret();
    private Process process;
    private Duration startup;

    private Keycloak() {
        admin = new KeycloakAdmin(base(), REALM, adminUser, adminPassword);
    }

    /**
     * Starts the shared Keycloak unless it runs, and gives each test user a fresh password. It
     * stops when the test JVM exits.
     */
    public static synchronized Keycloak start() {
        if (running == null) {
            Keycloak keycloak = new Keycloak();
            keycloak.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop));
            USERS.forEach(user -> keycloak.passwords.put(user, randomSecret()));
            keycloak.passwords.forEach(keycloak.admin::setPassword);
            running = keycloak;
        }
        return running;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The {@code iss} of every token: fixed by {@code --hostname}, whatever Host a caller sends. */
    public URI issuer() {
        return base().resolve("realms/" + REALM);
    }

    public URI jwksUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    public JsonObject jwks() {
        return (JsonObject) KeycloakHttp.readJson(KeycloakHttp.exchange(HttpRequest.newBuilder(jwksUri()).timeout(Duration.ofSeconds(30)).build()).body());
    }

    /** From the process's start until the realm's discovery document answered. */
    public Duration startup() {
        return startup;
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no test user " + user + "; the realm has " + USERS);
        }
        return password;
    }

    /** A new browser: a new cookie jar, so a new SSO session. */
    public KeycloakBrowser browser() {
        return new KeycloakBrowser(this);
    }

    /** Signs {@code user} in through the login page, in a browser of its own. */
    public KeycloakTokens signIn(String user) {
        return browser().signIn(user);
    }

    /**
     * Signs {@code user} in at a terminal as the README shows: the device authorization grant of
     * {@code baton-cli} (RFC 8628), approved in a browser of its own, then the token request.
     */
    public KeycloakTokens signInAtTerminal(String user) {
        JsonObject device = KeycloakHttp.post(URI.create(issuer() + "/protocol/openid-connect/auth/device"),
                Map.of("client_id", CLI_CLIENT, "scope", "openid"));
        browser().approveDevice(user, URI.create(device.getString("verification_uri_complete")));
        return tokenRequest(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "client_id", CLI_CLIENT,
                "device_code", device.getString("device_code")));
    }

    /** A refresh grant: new tokens for the same sign-in ({@code auth_time} and {@code sid} unchanged). */
    public KeycloakTokens refresh(KeycloakTokens tokens) {
        return tokenRequest(Map.of("grant_type", "refresh_token", "client_id", WEB_CLIENT, "refresh_token", tokens.refreshToken()));
    }

    /** See {@link KeycloakAdmin#rotateKey()}: answers the kid that new tokens carry from now on. */
    public String rotateKey() {
        return admin.rotateKey();
    }

    KeycloakTokens tokenRequest(Map<String, String> form) {
        return KeycloakTokens.of(KeycloakHttp.post(URI.create(issuer() + "/protocol/openid-connect/token"), form));
    }

    private void launch() {
        Path kc = HOME.resolve("bin").resolve("kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException(kc + " is missing: mvn verify unpacks it (phase pre-integration-test)");
        }
        Instant begin = Instant.now();
        try {
            Files.createDirectories(LOG.getParent());
            Files.createDirectories(HOME.resolve("data").resolve("import"));
            Files.copy(REALM_FILE, HOME.resolve("data").resolve("import").resolve(REALM_FILE.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(kc.toString(), "start-dev", "--db=dev-mem", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + base().toString().replaceAll("/$", ""))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
            environment(builder.environment());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(begin);
        startup = Duration.between(begin, Instant.now());
    }

    /** Nothing from the caller's shell changes Keycloak (KC_*, JAVA_OPTS); it runs on this JVM's JDK. */
    private void environment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_") || name.startsWith("JAVA_OPTS"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    }

    private void awaitReady(Instant begin) {
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Duration.between(begin, Instant.now()).compareTo(STARTUP) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited at start-up; see " + LOG);
            }
            try {
                if (KeycloakHttp.CLIENT.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            BatonServer.sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak did not answer within " + STARTUP + "; see " + LOG);
    }

    /**
     * Stops kc.sh and the JVM it started. kc.sh forwards SIGTERM to its child; if either outlives
     * the grace period, each is killed by its own process id.
     */
    private void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String randomSecret() {
        return KeycloakBrowser.random(18);
    }
}
