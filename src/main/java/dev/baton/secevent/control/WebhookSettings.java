package dev.baton.secevent.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where security events go and how they are signed: {@code baton.events.webhook.url} (http or https;
 * unset, the default, means no events are written at all) and {@code baton.events.webhook.secret},
 * whose UTF-8 bytes are the HS256 key (at least 32 of them, as RFC 7518 asks of an HS256 key). A URL
 * that is not http(s), or a URL without a secret fit for it, stops Baton's start with a SEVERE line.
 */
@ApplicationScoped
public class WebhookSettings {

    private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());
    static final int MIN_SECRET_BYTES = 32;

    @Inject
    @ConfigProperty(name = "baton.events.webhook.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "baton.events.webhook.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "baton.events.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "baton.events.webhook.max-backoff")
    Duration maxBackoff;

    @Inject
    Config config;

    private Optional<Target> target = Optional.empty();

    /** A webhook: its URL, which is also every token's {@code aud}, and the signing key. */
    public record Target(URI url, byte[] key) {
    }

    /** Observing the start makes the container create this bean then: a bad setting fails the start. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the settings are read by @PostConstruct
    }

    @PostConstruct
    void read() {
        try {
            target = target(url, secret);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage() + ". Baton does not start.");
            throw e;
        }
        target.ifPresentOrElse(t -> {
            // without the query, which may hold a credential of the receiver's
            LOG.info(() -> "Security events go to " + t.url().getScheme() + "://" + t.url().getRawAuthority() + t.url().getRawPath()
                    + " as SETs signed with HS256");
            if (t.url().getScheme().equalsIgnoreCase("http") && !loopback(t.url().getHost())) {
                LOG.warning(() -> "baton.events.webhook.url is plain http: security events cross the network unencrypted");
            }
        }, () -> {
            if (secret.isPresent()) {
                LOG.warning("baton.events.webhook.secret is set but baton.events.webhook.url is not: no security events are sent");
            }
        });
    }

    /** The webhook named by the two settings, none when no URL is set; a bad pair is an {@link IllegalArgumentException}. */
    static Optional<Target> target(Optional<String> url, Optional<String> secret) {
        Optional<String> given = url.map(String::trim).filter(u -> !u.isEmpty());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(given.get());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baton.events.webhook.url is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("baton.events.webhook.url must be an http or https URL with a host, e.g. "
                    + "https://siem.example/baton/events");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baton.events.webhook.url may have neither user information nor a fragment");
        }
        byte[] key = secret.orElse("").getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("baton.events.webhook.secret must be set with baton.events.webhook.url, at least "
                    + MIN_SECRET_BYTES + " bytes (e.g. head -c 32 /dev/urandom | base64); it has " + key.length);
        }
        return Optional.of(new Target(uri, key));
    }

    /** By its name alone: no lookup at start. */
    private static boolean loopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    public boolean enabled() {
        return target.isPresent();
    }

    public Target target() {
        return target.orElseThrow(() -> new IllegalStateException("No webhook is set"));
    }

    /** The tokens' {@code iss}. */
    public String issuer() {
        return issuer;
    }

    /** The identity provider's issuer, which with the user's subject names the user ({@code iss_sub}). */
    public Optional<String> subjectIssuer() {
        return config.getOptionalValue("mp.jwt.verify.issuer", String.class);
    }

    /** The longest wait between two tries, of one event and of the webhook as a whole. */
    public Duration maxBackoff() {
        return maxBackoff;
    }
}
