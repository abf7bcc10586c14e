package dev.baton.platform.security;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.events.Event;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The identity provider's public keys, from the MicroProfile JWT settings: a JWKS URL
 * ({@code mp.jwt.verify.publickey.location}, http or https) is fetched when first needed, kept for
 * {@code baton.jwt.jwks.cache-ttl}, fetched again for a key id it lacks — so a key rotated in at the
 * IdP works at once — but at most twice per {@code baton.jwt.jwks.min-refresh-interval}, whatever
 * key ids callers invent; while the IdP is unreachable the last keys stay in use. A PEM or JWKS
 * given inline ({@code mp.jwt.verify.publickey}) or as a file is read once.
 */
final class IdentityProviderKeys {

    private static final Logger LOG = Logger.getLogger(IdentityProviderKeys.class.getName());
    private static final int FETCH_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_MAX_BYTES = 256 * 1024;

    private IdentityProviderKeys() {
    }

    /** From a JWKS URL: cached, refreshed on unknown key ids within the rate limit, outage tolerant. */
    static JWKSource<SecurityContext> remote(URL jwks, Duration cacheTtl, Duration minRefreshInterval) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(FETCH_TIMEOUT_MILLIS, FETCH_TIMEOUT_MILLIS, JWKS_MAX_BYTES);
        return JWKSourceBuilder.<SecurityContext>create(jwks, retriever)
                .cache(cacheTtl.toMillis(), 2L * FETCH_TIMEOUT_MILLIS, event -> logFetch(jwks, event))
                .refreshAheadCache(false)
                .rateLimited(minRefreshInterval.toMillis())
                .retrying(true)
                .outageTolerant(true)
                .build();
    }

    /** From key text: a PEM public key (with or without its BEGIN/END lines), a JWK or a JWKS. */
    static JWKSource<SecurityContext> fixed(String text) {
        String trimmed = text.trim();
        try {
            JWKSet keys = trimmed.startsWith("{")
                    ? (trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed)))
                    : new JWKSet(fromPem(trimmed));
            if (keys.isEmpty()) {
                throw new ParseException("no key of a known type", 0);
            }
            return new ImmutableJWKSet<>(keys.toPublicJWKSet());
        } catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("mp.jwt.verify.publickey is neither a PEM public key nor a JWK(S): " + e.getMessage(), e);
        }
    }

    /** The key text at a non-HTTP location: a {@code file:} URL or a resource of the application. */
    static String read(String location) {
        try (InputStream in = location.contains(":") ? URI.create(location).toURL().openStream()
                : IdentityProviderKeys.class.getClassLoader().getResourceAsStream(location.replaceFirst("^/", ""))) {
            if (in == null) {
                throw new IllegalStateException("mp.jwt.verify.publickey.location names nothing: " + location);
            }
            return new String(in.readNBytes(JWKS_MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("mp.jwt.verify.publickey.location cannot be read: " + location, e);
        }
    }

    static boolean isHttp(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static JWK fromPem(String pem) throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            key = KeyFactory.getInstance("EC").generatePublic(spec);
        }
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        ECPublicKey ec = (ECPublicKey) key;
        Curve curve = Curve.forECParameterSpec(ec.getParams());
        if (curve == null) {
            throw new GeneralSecurityException("unsupported EC curve");
        }
        return new ECKey.Builder(curve, ec).build();
    }

    private static void logFetch(URL jwks, Event<CachingJWKSetSource<SecurityContext>, SecurityContext> event) {
        if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> done) {
            LOG.info(() -> "Identity provider keys fetched from " + jwks + ": key ids "
                    + done.getJWKSet().getKeys().stream().map(JWK::getKeyID).collect(Collectors.joining(", ", "[", "]")));
        } else if (event instanceof CachingJWKSetSource.UnableToRefreshEvent<SecurityContext>) {
            LOG.log(Level.WARNING, () -> "Identity provider keys could not be fetched from " + jwks + "; the last keys stay in use.");
        }
    }
}
