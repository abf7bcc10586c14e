package dev.baton.device.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.baton.device.entity.DeviceKey;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/**
 * A DPoP proof (RFC 9449) whose JOSE part has been checked against a device's registered key:
 * a compact JWS typed {@code dpop+jwt}, in the key's own algorithm, carrying that key as
 * {@code jwk}, with no {@code crit} header (Baton understands no critical header), signed by the
 * key. Nimbus JOSE+JWT parses and verifies; what the claims must say of the call is
 * {@link #checkFor}'s. Any refusal is 401 {@code proof-invalid}.
 */
public record DpopProof(String method, String url, Instant issuedAt, String jti) {

    private static final int MAX_PROOF_CHARS = 8192;
    private static final int MAX_JTI_CHARS = 256;
    private static final String TYPE = "dpop+jwt";

    /** The claims of {@code compact} if its header and signature hold for {@code key}. */
    public static DpopProof verify(String compact, DeviceKey key) {
        if (compact == null || compact.isBlank()) {
            throw invalid("This device is bound to a key: every call needs a DPoP proof.");
        }
        SignedJWT jws = parse(compact);
        JWSHeader header = jws.getHeader();
        if (header.getType() == null || !TYPE.equals(header.getType().getType()) || !key.algorithm().equals(header.getAlgorithm())) {
            throw invalid("The DPoP proof must be typed dpop+jwt and signed with " + key.algorithm() + ".");
        }
        // Nimbus' verifiers let crit ["b64"] and an empty crit through; Baton acts on none of them.
        if (header.getCriticalParams() != null) {
            throw invalid("The DPoP proof names critical header parameters; Baton understands none.");
        }
        if (header.getJWK() == null || !sameKey(header, key)) {
            throw invalid("The DPoP proof does not carry this device's key.");
        }
        if (!signed(jws, key)) {
            throw invalid("The DPoP proof's signature does not verify.");
        }
        return of(claims(jws));
    }

    /**
     * Answers normally if the proof is for this call: {@code method} and {@code calledUrl}, issued
     * within {@code maxAge} of {@code now} either way, with a {@code jti}. Whether that jti was seen
     * before is the caller's to ask.
     */
    public void checkFor(String calledMethod, String calledUrl, Instant now, Duration maxAge) {
        if (!calledMethod.equals(method) || !sameUrl(url, calledUrl)) {
            throw invalid("The DPoP proof is for another method or URL.");
        }
        if (issuedAt == null || issuedAt.isBefore(now.minus(maxAge)) || issuedAt.isAfter(now.plus(maxAge))) {
            throw invalid("The DPoP proof is stale.");
        }
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_CHARS) {
            throw invalid("The DPoP proof needs a jti.");
        }
    }

    private static SignedJWT parse(String compact) {
        if (compact.length() > MAX_PROOF_CHARS) {
            throw invalid("The DPoP proof is too long.");
        }
        try {
            return SignedJWT.parse(compact);
        } catch (ParseException e) {
            throw invalid("The DPoP proof is not a well-formed JWS.");
        }
    }

    private static boolean sameKey(JWSHeader header, DeviceKey key) {
        try {
            return DeviceKey.of(header.getJWK()).thumbprint().equals(key.thumbprint());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Verified with the registered key, never the header's: the verifier also pins the algorithm to the key. */
    private static boolean signed(SignedJWT jws, DeviceKey key) {
        try {
            JWSVerifier verifier = key.key() instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key.key());
            return jws.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JWTClaimsSet claims(SignedJWT jws) {
        try {
            return jws.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("The DPoP proof's claims are not a JWT claims set.");
        }
    }

    private static DpopProof of(JWTClaimsSet claims) {
        Instant issued = Optional.ofNullable(claims.getIssueTime()).map(Date::toInstant).orElse(null);
        return new DpopProof(text(claims, "htm"), text(claims, "htu"), issued, claims.getJWTID());
    }

    private static String text(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
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

    private static BatonException invalid(String detail) {
        return new BatonException(Problem.PROOF_INVALID, detail);
    }
}
