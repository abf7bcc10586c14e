package dev.baton.demo;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo token issuer: an RSA key made at start-up, held in memory only. Whether demo mode is on
 * is read from the environment and system properties directly, because MicroProfile JWT asks
 * {@link DemoConfigSource} for its key during deployment, before the application's config is whole.
 */
public final class DemoIssuer {

    public static final String ISSUER = "urn:baton:demo";
    public static final String KEY_ID = "baton-demo";

    private static final KeyPair KEYS = enabled() ? generate() : null;

    private DemoIssuer() {
    }

    /** On when {@code baton.demo=true} and no identity provider key or issuer is configured. */
    public static boolean enabled() {
        return setting("baton.demo").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false)
                && !identityProviderConfigured();
    }

    public static boolean identityProviderConfigured() {
        return setting("mp.jwt.verify.publickey").isPresent()
                || setting("mp.jwt.verify.publickey.location").isPresent()
                || setting("mp.jwt.verify.issuer").isPresent();
    }

    public static Optional<KeyPair> keys() {
        return Optional.ofNullable(KEYS);
    }

    static String publicKeyPem() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static Optional<String> setting(String key) {
        String env = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        return Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(env)))
                .filter(v -> !v.isBlank());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
