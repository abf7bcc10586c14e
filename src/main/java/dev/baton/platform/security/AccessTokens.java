package dev.baton.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.baton.platform.config.Settings;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Verifies bearer tokens as the MicroProfile JWT settings describe the identity provider
 * ({@code mp.jwt.verify.publickey(.location)}, {@code .issuer}, {@code .audiences},
 * {@code .clock.skew}, {@code .publickey.algorithm}), and accepts only access tokens: not an ID,
 * refresh or logout token, and no JOSE {@code typ} but {@code JWT} or {@code at+jwt} (RFC 8725
 * §3.11). Baton verifies tokens itself rather than through Payara's MP-JWT, which keeps one JWKS
 * for a fixed time, never looks again for a key id it lacks, and logs a stack trace per refusal.
 * A refused token is one log line, without the token.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());
    /** What RFC 6750 asks of a 401 to a call without a token. */
    private static final String CHALLENGE = "Bearer realm=\"baton\"";
    private static final Set<JOSEObjectType> ACCESS_TOKEN_TYPES = new HashSet<>(Arrays.asList(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
    /** {@code typ} claims of the tokens an IdP issues besides access tokens (Keycloak's spelling). */
    private static final Set<String> OTHER_TOKEN_TYPES = Set.of("id", "refresh", "offline", "logout");
    private static final Duration KEYS_UNAVAILABLE_RETRY = Duration.ofSeconds(5);
    /** Distinct tokens remembered as verified: a few MB at most. */
    private static final int VERIFIED_CAPACITY = 10_000;

    @Inject
    Config config;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private DefaultJWTProcessor<SecurityContext> processor;
    private JWKSource<SecurityContext> keys;
    private VerifiedTokens verified;

    /** Reads the settings at start-up, so a wrong one shows in the log before the first call. */
    void configure(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Optional<String> issuer = setting("mp.jwt.verify.issuer");
        keys = keySource().orElse(null);
        if (keys == null || issuer.isEmpty()) {
            if (keys != null || issuer.isPresent()) {
                LOG.warning("mp.jwt.verify.publickey(.location) and mp.jwt.verify.issuer must both be set: every API call is refused.");
            }
            return;
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN_TYPES));
        processor.setJWSKeySelector(keySelector());
        Set<String> audiences = setting("mp.jwt.verify.audiences").map(AccessTokens::list).orElse(null);
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audiences,
                new JWTClaimsSet.Builder().issuer(issuer.get()).build(), Set.of("sub", "iat", "exp"), null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        verified = new VerifiedTokens(VERIFIED_CAPACITY, config.getValue("baton.jwt.jwks.cache-ttl", Duration.class));
        prefetch();
    }

    /**
     * The verified token, or a 401 {@code unauthenticated} refusal saying nothing of why. A token
     * verified moments ago is taken as it was then, until it expires (see {@link VerifiedTokens}).
     */
    public AccessToken verify(String token) {
        if (processor == null) {
            throw refused("no identity provider is configured");
        }
        Instant now = clock.instant();
        Optional<AccessToken> known = verified.get(token, now);
        if (known.isPresent()) {
            return known.get();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (RateLimitReachedException e) {
            throw refused("unknown key id (the identity provider's keys were fetched moments ago)");
        } catch (KeySourceException e) {
            LOG.warning("Identity provider keys unavailable: " + e.getMessage());
            throw new BatonException(Problem.UNAVAILABLE, "The identity provider's keys cannot be fetched; try again shortly.",
                    KEYS_UNAVAILABLE_RETRY, Map.of());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw refused(e.getMessage());
        }
        AccessToken accessToken = accessToken(claims);
        verified.put(token, accessToken, claims.getExpirationTime().toInstant(), now);
        return accessToken;
    }

    /**
     * The RFC 9470 challenge of a claim whose sign-in is too old: the client signs the user in again,
     * e.g. with OIDC {@code max_age} or {@code prompt=login}.
     */
    public static BatonException signInAgain(Duration maxAge) {
        String detail = "Sign in again: a claim needs a sign-in within the last " + maxAge.toSeconds() + " seconds.";
        return new BatonException(Problem.REAUTHENTICATION_REQUIRED, detail, null, Map.of("maxAge", maxAge.toSeconds()),
                Map.of("WWW-Authenticate", CHALLENGE + ", error=\"insufficient_user_authentication\", "
                        + "error_description=\"A more recent sign-in is required\", max_age=" + maxAge.toSeconds()));
    }

    /** A call without a bearer token. */
    public static BatonException missing() {
        return new BatonException(Problem.UNAUTHENTICATED, "A bearer token is required.", null, Map.of(),
                Map.of("WWW-Authenticate", CHALLENGE));
    }

    private AccessToken accessToken(JWTClaimsSet claims) {
        try {
            String type = claims.getStringClaim("typ");
            if (type != null && OTHER_TOKEN_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                throw refused("typ " + type + ": not an access token");
            }
            if (claims.getClaim("events") != null) {
                throw refused("a logout token is not an access token");
            }
            Instant latest = clock.instant().plus(settings.clockSkew());
            Instant issuedAt = claims.getIssueTime().toInstant();
            Date authTime = claims.getDateClaim("auth_time");
            Instant signedInAt = authTime == null ? issuedAt : authTime.toInstant();
            if (issuedAt.isAfter(latest) || signedInAt.isAfter(latest)) {
                throw refused("issued or signed in in the future");
            }
            if (claims.getSubject().isBlank()) {
                throw refused("blank subject");
            }
            List<String> groups = claims.getStringListClaim("groups");
            return new AccessToken(claims.getSubject(), groups == null ? Set.of() : Set.copyOf(groups), signedInAt);
        } catch (ParseException e) {
            throw refused("malformed claims");
        }
    }

    private Optional<JWKSource<SecurityContext>> keySource() {
        Optional<String> inline = setting("mp.jwt.verify.publickey");
        if (inline.isPresent()) {
            return inline.map(IdentityProviderKeys::fixed);
        }
        return setting("mp.jwt.verify.publickey.location").map(location -> {
            if (!IdentityProviderKeys.isHttp(location)) {
                return IdentityProviderKeys.fixed(IdentityProviderKeys.read(location));
            }
            try {
                return IdentityProviderKeys.remote(URI.create(location).toURL(),
                        config.getValue("baton.jwt.jwks.cache-ttl", Duration.class),
                        config.getValue("baton.jwt.jwks.min-refresh-interval", Duration.class));
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("mp.jwt.verify.publickey.location is not a URL: " + location, e);
            }
        });
    }

    /**
     * Keys by the token's {@code kid}; but a key configured without a key id (a PEM) is the IdP's
     * only key, whatever {@code kid} its tokens carry — as MicroProfile JWT has it.
     */
    private JWSVerificationKeySelector<SecurityContext> keySelector() {
        boolean unnamed = keys instanceof ImmutableJWKSet<SecurityContext> fixed
                && fixed.getJWKSet().getKeys().stream().allMatch(key -> key.getKeyID() == null);
        return new JWSVerificationKeySelector<>(algorithms(), keys) {
            @Override
            protected JWKMatcher createJWKMatcher(JWSHeader header) {
                return super.createJWKMatcher(unnamed ? new JWSHeader.Builder(header).keyID(null).build() : header);
            }
        };
    }

    private Set<JWSAlgorithm> algorithms() {
        Set<JWSAlgorithm> algorithms = list(setting("mp.jwt.verify.publickey.algorithm").orElse("RS256")).stream()
                .map(JWSAlgorithm::parse).collect(Collectors.toSet());
        if (algorithms.stream().anyMatch(a -> !JWSAlgorithm.Family.SIGNATURE.contains(a))) {
            throw new IllegalStateException("mp.jwt.verify.publickey.algorithm takes public-key algorithms only: " + algorithms);
        }
        return algorithms;
    }

    /** Fetches a JWKS now, so that a wrong URL shows in the log at start-up rather than at the first call. */
    private void prefetch() {
        try {
            keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        } catch (KeySourceException e) {
            LOG.warning("Identity provider keys not fetched at start-up (" + e.getMessage() + "); Baton tries again at the first call.");
        }
    }

    private Optional<String> setting(String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }

    private static Set<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static BatonException refused(String reason) {
        LOG.info(() -> "Bearer token refused: " + printable(reason));
        return new BatonException(Problem.UNAUTHENTICATED, "A valid access token is required.", null, Map.of(),
                Map.of("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\""));
    }

    /** Reasons may quote claims the caller chose: one line, no control characters, bounded. */
    private static String printable(String text) {
        String line = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
