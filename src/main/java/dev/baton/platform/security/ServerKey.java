package dev.baton.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Baton's own secret, kept outside the database: 256 bits, base64, in {@code baton.key-file}, or,
 * when that is unset, in {@code baton.key} under {@code baton.data-dir}, made there (readable by
 * its owner only) on the first start. Keyed hashes are derived from it, one key per purpose, so a
 * database reader cannot test guesses against what is stored. Every node of a cluster must read
 * the same file. A key file that is unreadable or shorter than 256 bits stops the start.
 */
@ApplicationScoped
public class ServerKey {

    private static final Logger LOG = Logger.getLogger(ServerKey.class.getName());
    private static final int MIN_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    @Inject
    @ConfigProperty(name = "baton.key-file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "baton.data-dir")
    String dataDir;

    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();
    private SecretKeySpec master;

    /** Observing the start makes the container create this bean then: a bad key file fails the start, not a call. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the key is read by @PostConstruct
    }

    @PostConstruct
    void read() {
        Path file = keyFile.map(Path::of).orElseGet(() -> Path.of(dataDir, "baton.key"));
        if (keyFile.isEmpty()) {
            make(file);
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s", ""));
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("baton.key-file " + file + " must hold a base64 key of at least 256 bits", unreadable);
        }
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("baton.key-file " + file + " holds " + secret.length * 8 + " bits; at least 256 are needed");
        }
        master = new SecretKeySpec(secret, HMAC);
        LOG.info(() -> "Keyed hashes use the key in " + file.toAbsolutePath());
    }

    /** HMAC-SHA256 of {@code text} under this purpose's key, base64url. */
    public String hash(String purpose, String text) {
        SecretKeySpec key = keys.computeIfAbsent(purpose, p -> new SecretKeySpec(mac(master, p), HMAC));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, text));
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void make(Path file) {
        byte[] secret = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            LOG.warning(() -> "Made a new key in " + file.toAbsolutePath() + ". A cluster's nodes must share one key: set baton.key-file.");
        } catch (FileAlreadyExistsException kept) {
            // made at an earlier start
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the key file " + file, e);
        }
    }
}
