package dev.baton.bench;

import java.net.CookieHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keycloak's side: clients of the realm's public PKCE client {@code baton-web}, each signed in
 * once through the login page (the realm allows no password grant), then refreshing their tokens
 * in a loop as a single-page app does, each with the refresh token the last grant returned.
 */
final class KeycloakUsers {

    static final String CLIENT = "baton-web";
    static final String REDIRECT = "http://127.0.0.1:9/signed-in";
    private static final Pattern LOGIN_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeycloakUsers() {
    }

    /** Gives {@code user} of the realm a new random password (admin REST), kept in this process only. */
    static String setPassword(URI base, String realm, String user, String adminPassword) throws Exception {
        HttpClient client = Call.client();
        String admin = (String) Call.post(base.resolve("/realms/master/protocol/openid-connect/token"))
                .form(form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", adminPassword)))
                .sendForJson(client, "admin").get("access_token");
        String found = Call.get(base.resolve("/admin/realms/" + realm + "/users?exact=true&username=" + user)).bearer(admin)
                .send(client, "find user");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(found);
        if (!id.find()) {
            throw new IllegalStateException("no user " + user + " in realm " + realm);
        }
        String password = random(18);
        Call.put(base.resolve("/admin/realms/" + realm + "/users/" + id.group(1) + "/reset-password"))
                .bearer(admin).json("{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}")
                .send(client, "set password");
        return password;
    }

    /** One browser-based app: signs in at set-up, refreshes at each iteration. */
    static final class Refresher implements ClosedLoop.User {
        private final URI realm;
        private final String user;
        private final String password;
        private final HttpClient client = Call.client();
        private String refreshToken;

        Refresher(URI realm, String user, String password) {
            this.realm = realm;
            this.user = user;
            this.password = password;
        }

        @Override
        public void setUp() throws Exception {
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new Cookies())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String verifier = random(48);
            String query = form(Map.of("client_id", CLIENT, "response_type", "code", "scope", "openid",
                    "redirect_uri", REDIRECT, "state", random(16), "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256"));
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(realm.resolve(realm.getPath() + "/protocol/openid-connect/auth?" + query))
                    .timeout(Call.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            Matcher action = LOGIN_ACTION.matcher(page.body());
            if (!action.find()) {
                throw new IllegalStateException("no login form: " + page.statusCode());
            }
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .timeout(Call.TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password, "credentialId", ""))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElseThrow(
                    () -> new IllegalStateException("sign-in refused: " + signedIn.statusCode()));
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
            if (!code.find()) {
                throw new IllegalStateException("no code in " + location);
            }
            refreshToken = (String) Call.post(tokenUrl()).form(form(Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                            "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", REDIRECT,
                            "code_verifier", verifier)))
                    .sendForJson(client, "code").get("refresh_token");
        }

        @Override
        public long iterate() throws Exception {
            long t0 = System.nanoTime();
            refreshToken = (String) Call.post(tokenUrl()).form(form(Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                    "refresh_token", refreshToken))).sendForJson(client, "refresh").get("refresh_token");
            return System.nanoTime() - t0;
        }

        private URI tokenUrl() {
            return realm.resolve(realm.getPath() + "/protocol/openid-connect/token");
        }
    }

    /**
     * A browser's cookie jar for one host. Keycloak marks its cookies Secure even over plain HTTP;
     * browsers send them to http://127.0.0.1 anyway, {@link java.net.CookieManager} does not.
     */
    private static final class Cookies extends CookieHandler {
        private final Map<String, String> jar = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            return jar.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", jar.values())));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        String pair = value.split(";")[0].trim();
                        String cookie = pair.substring(0, pair.indexOf('='));
                        if (value.toLowerCase().contains("max-age=0")) {
                            jar.remove(cookie);
                        } else {
                            jar.put(cookie, pair);
                        }
                    }
                }
            });
        }
    }

    static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
