package dev.baton.device.control;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKey;
import dev.baton.platform.cluster.Counters;
import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.net.ClientAddresses;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the proof of possession a device-bound call carries (DESIGN.md §6, after RFC 9449): a
 * compact JWS in the {@code DPoP} header, typed {@code dpop+jwt}, carrying the device's registered
 * key as {@code jwk}, signed by it, for this method and URL, issued within
 * {@code baton.proof.max-age} of now, with a {@code jti} never seen before anywhere in the cluster.
 */
@Dependent
public class DeviceProofs {

    public static final String HEADER = "DPoP";
    private static final int MAX_PROOF_CHARS = 8192;
    private static final int MAX_JTI_CHARS = 256;
    private static final Map<String, String> SIGNATURES = Map.of("ES256", "SHA256withECDSAinP1363Format", "RS256", "SHA256withRSA");

    @Inject
    HttpServletRequest request;

    @Inject
    Counters seen;

    @Inject
    DeviceSettings settings;

    @Inject
    ClientAddresses addresses;

    @Inject
    Clock clock;

    /** Answers normally if the call carries a valid proof of {@code device}'s key; else 401 {@code proof-invalid}. */
    public void verify(Device device, DeviceKey key) {
        String proof = request.getHeader(HEADER);
        if (proof == null || proof.isBlank()) {
            throw invalid("This device is bound to a key: every call needs a DPoP proof.");
        }
        String[] parts = proof.length() > MAX_PROOF_CHARS ? new String[0] : proof.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("The DPoP proof is not a compact JWS.");
        }
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        if (!"dpop+jwt".equals(text(header, "typ")) || !key.algorithm().equals(text(header, "alg"))) {
            throw invalid("The DPoP proof must be typed dpop+jwt and signed with " + key.algorithm() + ".");
        }
        if (!(header.get("jwk") instanceof JsonObject jwk) || !sameKey(jwk, key)) {
            throw invalid("The DPoP proof does not carry this device's key.");
        }
        if (!signed(parts, key)) {
            throw invalid("The DPoP proof's signature does not verify.");
        }
        if (!request.getMethod().equals(text(claims, "htm")) || !sameUrl(text(claims, "htu"), calledUrl())) {
            throw invalid("The DPoP proof is for another method or URL.");
        }
        Instant now = clock.instant();
        Duration maxAge = settings.proofMaxAge();
        Instant issued = claims.get("iat") instanceof JsonNumber iat && iat.isIntegral()
                ? Instant.ofEpochSecond(iat.longValue()) : null;
        if (issued == null || issued.isBefore(now.minus(maxAge)) || issued.isAfter(now.plus(maxAge))) {
            throw invalid("The DPoP proof is stale.");
        }
        String jti = text(claims, "jti");
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_CHARS) {
            throw invalid("The DPoP proof needs a jti.");
        }
        if (seen.increment("proof:" + device.id() + ":" + jti, maxAge.multipliedBy(2)) != 1) {
            throw invalid("The DPoP proof has been used before.");
        }
    }

    private static boolean sameKey(JsonObject jwk, DeviceKey key) {
        try {
            return DeviceKey.of(jwk).canonical().equals(key.canonical());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean signed(String[] parts, DeviceKey key) {
        try {
            Signature signature = Signature.getInstance(SIGNATURES.get(key.algorithm()));
            signature.initVerify(key.key());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The URL the client called: its scheme, host and port as the {@code Host} header (or, behind
     * a proxy of {@code baton.trusted-proxies}, with {@code baton.proof.trust-forwarded}, the
     * {@code X-Forwarded-*} headers) say, and the path without the query.
     */
    private String calledUrl() {
        String scheme = request.getScheme();
        String host = request.getHeader("Host");
        if (settings.proofTrustForwarded() && addresses.fromTrustedProxy(request)) {
            scheme = Optional.ofNullable(request.getHeader("X-Forwarded-Proto")).orElse(scheme);
            host = Optional.ofNullable(request.getHeader("X-Forwarded-Host")).orElse(host);
            String port = request.getHeader("X-Forwarded-Port");
            if (port != null && host != null && !host.contains(":")) {
                host = host + ":" + port;
            }
        }
        return scheme + "://" + host + request.getRequestURI();
    }

    /** Equal after RFC 3986 normalization of case and default port, ignoring query and fragment. */
    static boolean sameUrl(String claimed, String called) {
        if (claimed == null) {
            return false;
        }
        try {
            URI a = new URI(claimed);
            URI b = new URI(called);
            return a.getScheme() != null && a.getHost() != null
                    && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b)
                    && a.getRawPath().equals(b.getRawPath());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static JsonObject json(String part) {
        try {
            return JsonBodies.object(Base64.getUrlDecoder().decode(part), Problem.PROOF_INVALID);
        } catch (IllegalArgumentException e) {
            throw invalid("The DPoP proof is not base64url.");
        }
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static BatonException invalid(String detail) {
        return new BatonException(Problem.PROOF_INVALID, detail);
    }
}
