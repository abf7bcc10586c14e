package dev.baton.it;

import java.net.CookieHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser signing users in to the public client {@code baton-web} the way a single-page app
 * does: the authorization code flow with PKCE (S256), through Keycloak's own login page. Its
 * cookies are its SSO session: signing in again in the same browser reuses it (no password asked,
 * {@code auth_time} unchanged) unless {@code prompt=login} or an expired {@code max_age} makes
 * Keycloak ask again. A new browser is a new session.
 */
public final class KeycloakBrowser {

    /** Never opened: the code is taken from the redirect, which is not followed. */
    static final String REDIRECT_URI = "http://127.0.0.1:9/signed-in";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern CONSENT_FORM = Pattern.compile("<form[^>]*\\baction=\"([^\"]*login-actions/consent[^\"]*)\"");
    private static final Pattern CONSENT_CODE = Pattern.compile("name=\"code\" value=\"([^\"]*)\"");
    private static final Pattern ERROR = Pattern.compile("id=\"input-error[^\"]*\"[^>]*>\\s*([^<]*)<");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keycloak keycloak;
    private final HttpClient client;

    KeycloakBrowser(Keycloak keycloak) {
        this.keycloak = keycloak;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new Cookies()).build();
    }

    public KeycloakTokens signIn(String user) {
        return signIn(user, Map.of());
    }

    /**
     * Signs {@code user} in with the password set for the run; {@code parameters} go to the
     * authorization request as they are, e.g. {@code prompt=login} or {@code max_age=0}.
     */
    public KeycloakTokens signIn(String user, Map<String, String> parameters) {
        String verifier = random(48);
        String state = random(16);
        String nonce = random(16);
        Map<String, String> query = new LinkedHashMap<>(Map.of("client_id", Keycloak.WEB_CLIENT, "response_type", "code",
                "scope", "openid", "redirect_uri", REDIRECT_URI, "state", state, "nonce", nonce,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        query.putAll(parameters);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?"
                + KeycloakHttp.form(query))).GET());
        HttpResponse<String> redirect = page.statusCode() == 302 ? page : submitPassword(page, user);
        String code = code(redirect, state);
        KeycloakTokens tokens = keycloak.tokenRequest(Map.of("grant_type", "authorization_code", "client_id", Keycloak.WEB_CLIENT,
                "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        if (!nonce.equals(tokens.idClaims().getString("nonce", null))) {
            throw new IllegalStateException("ID token without the nonce sent");
        }
        return tokens;
    }

    /**
     * Approves a device authorization request (RFC 8628) as its user does: opens the verification
     * link the terminal showed, signs in, and grants access on Keycloak's consent page.
     */
    public void approveDevice(String user, URI verification) {
        HttpResponse<String> page = follow(send(HttpRequest.newBuilder(verification).GET()));
        if (LOGIN_FORM.matcher(page.body()).find()) {
            page = follow(submitPassword(page, user));
        }
        Matcher consent = CONSENT_FORM.matcher(page.body());
        Matcher code = CONSENT_CODE.matcher(page.body());
        if (!consent.find() || !code.find()) {
            throw new IllegalStateException("no consent page: " + page.statusCode() + " " + page.uri());
        }
        HttpResponse<String> done = follow(send(HttpRequest.newBuilder(page.uri().resolve(unescape(consent.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakHttp.form(Map.of("code", code.group(1), "accept", "Yes"))))));
        if (done.statusCode() != 200 || !done.uri().getPath().endsWith("/device/status")) {
            throw new IllegalStateException("device not approved: " + done.statusCode() + " " + done.uri());
        }
    }

    /** Loads the pages Keycloak redirects to, as a browser does (at most ten). */
    private HttpResponse<String> follow(HttpResponse<String> answer) {
        for (int i = 0; i < 10 && (answer.statusCode() == 302 || answer.statusCode() == 303); i++) {
            URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
            answer = send(HttpRequest.newBuilder(next).GET());
        }
        return answer;
    }

    private HttpResponse<String> submitPassword(HttpResponse<String> page, String user) {
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (page.statusCode() != 200 || !form.find()) {
            throw new IllegalStateException("no login form: " + page.statusCode() + " " + page.body());
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("login form without action: " + form.group());
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakHttp.form(Map.of("username", user,
                        "password", keycloak.password(user), "credentialId", "")))));
        if (answer.statusCode() != 302) {
            Matcher error = ERROR.matcher(answer.body());
            throw new IllegalStateException("sign-in of " + user + " refused (" + answer.statusCode() + "): "
                    + (error.find() ? error.group(1).trim() : answer.body()));
        }
        return answer;
    }

    /** The code from the redirect to the app, after checking it came back for this request (state, iss). */
    private String code(HttpResponse<String> redirect, String state) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        if (!location.startsWith(REDIRECT_URI + "?")) {
            throw new IllegalStateException("unexpected redirect: " + location);
        }
        Map<String, String> answer = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            answer.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        if (!state.equals(answer.get("state")) || !keycloak.issuer().toString().equals(answer.get("iss"))) {
            throw new IllegalStateException("redirect for another request: " + location);
        }
        return Optional.ofNullable(answer.get("code")).orElseThrow(() -> new IllegalStateException("no code: " + location));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return KeycloakHttp.exchange(client, request.timeout(Duration.ofSeconds(30)).build());
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bytes} random bytes, base64url: verifiers, states, nonces, passwords. */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The few entities Keycloak's templates write into an attribute. */
    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&").replace("&#61;", "=").replace("&#x3d;", "=").replace("&quot;", "\"");
    }

    /**
     * A cookie jar that behaves as browsers do on loopback. Keycloak marks its cookies
     * {@code Secure} even over plain HTTP; browsers keep and send them to http://127.0.0.1 (a
     * "potentially trustworthy" origin), but {@link java.net.CookieManager} sends Secure cookies
     * over https only, and re-encodes version-1 cookies in RFC 2965 form. So this jar keeps each
     * cookie's raw {@code name=value} and sends all of them back to the one host it talks to.
     */
    private static final class Cookies extends CookieHandler {

        private final Map<String, String> jar = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(String.join("; ", jar.values())));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String header) {
            String[] attributes = header.split(";");
            String pair = attributes[0].trim();
            String name = pair.substring(0, pair.indexOf('='));
            if (expired(attributes)) {
                jar.remove(name);
            } else {
                jar.put(name, pair);
            }
        }

        /** Max-Age wins over Expires (RFC 6265 §5.3); Keycloak ends a cookie with either. */
        private static boolean expired(String[] attributes) {
            Map<String, String> named = new HashMap<>();
            for (int i = 1; i < attributes.length; i++) {
                String[] parts = attributes[i].trim().split("=", 2);
                named.put(parts[0].toLowerCase(Locale.ROOT), parts.length == 2 ? parts[1].trim() : "");
            }
            if (named.containsKey("max-age")) {
                return Long.parseLong(named.get("max-age")) <= 0;
            }
            if (named.containsKey("expires")) {
                try {
                    return ZonedDateTime.parse(named.get("expires").replace('-', ' '), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant().isBefore(Instant.now());
                } catch (DateTimeParseException e) {
                    return named.get("expires").contains("1970");
                }
            }
            return false;
        }
    }
}
