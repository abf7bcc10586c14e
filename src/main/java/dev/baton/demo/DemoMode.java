package dev.baton.demo;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether Baton runs in demo mode, and where its HTTP listener then listens. Read from system
 * properties and the environment directly, not through MicroProfile Config: the launcher asks
 * before Payara boots, and {@link DemoConfigSource} is itself a source of the configuration. Needs
 * nothing but the JDK, because the build copies it next to the launcher into the jar's root. The
 * application then sees that copy (its class loader asks the parent first), in a package of
 * another loader: so whatever it uses here is public.
 */
public final class DemoMode {

    /**
     * The system property the pre-boot commands bind the HTTP listener to
     * ({@code server-config/pre-boot-commands.asadmin}); the launcher sets it.
     */
    public static final String LISTEN_ADDRESS = "baton.http.address";

    public static final String LOOPBACK = "127.0.0.1";
    public static final String EVERY_INTERFACE = "0.0.0.0";

    private DemoMode() {
    }

    /** On when {@code baton.demo=true} and no identity provider key or issuer is configured. */
    public static boolean enabled() {
        return flag("baton.demo") && !identityProviderConfigured();
    }

    public static boolean identityProviderConfigured() {
        return setting("mp.jwt.verify.publickey").isPresent()
                || setting("mp.jwt.verify.publickey.location").isPresent()
                || setting("mp.jwt.verify.issuer").isPresent();
    }

    /**
     * Where the HTTP listener should listen: in demo mode on loopback only, unless
     * {@code baton.demo.listen-on-network=true} opens it; otherwise on every interface.
     */
    public static String listenAddress() {
        return enabled() && !flag("baton.demo.listen-on-network") ? LOOPBACK : EVERY_INTERFACE;
    }

    /** Where the HTTP listener was bound at boot, as the launcher set it; empty without the launcher. */
    public static Optional<String> boundAddress() {
        return Optional.ofNullable(System.getProperty(LISTEN_ADDRESS));
    }

    public static Optional<String> setting(String key) {
        String env = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        return Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(env)))
                .filter(v -> !v.isBlank());
    }

    private static boolean flag(String key) {
        return setting(key).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    }
}
