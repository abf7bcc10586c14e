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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
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
 * database reader cannot test guesses against what is stored nor forge what is sealed. Every node
 * of a cluster must read the same file. A key file that is unreadable or shorter than 256 bits
 * stops the start.
 * <p>
 * Rotation: a new file becomes {@code baton.key-file} and the old one is listed in
 * {@code baton.previous-key-files}; what was sealed under an old key (the audit chain) stays
 * verifiable by that key's id, while everything new uses the new key.
 */
@ApplicationScoped
public class ServerKey {

    private static final Logger LOG = Logger.getLogger(ServerKey.class.getName());
    private static final int MIN_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    @Inject
    @ConfigProperty(name = "baton.key-file")
    Optional<String> keyFile;

    /** Comma-separated (Payara's MicroProfile Config cannot inject an {@code Optional<List<String>>}). */
    @Inject
    @ConfigProperty(name = "baton.previous-key-files")
    Optional<String> previousKeyFiles;

    @Inject
    @ConfigProperty(name = "baton.data-dir")
    String dataDir;

    /** Every key by its id, the current one first. */
    private final Map<String, SecretKeySpec> masters = new LinkedHashMap<>();
    private final Map<String, SecretKeySpec> derived = new ConcurrentHashMap<>();
    private String currentId;

    /** Observing the start makes the container create this bean then: a bad key file fails the start, not a call. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the keys are read by @PostConstruct
    }

    @PostConstruct
    void read() {
        Path file = keyFile.map(Path::of).orElseGet(() -> Path.of(dataDir, "baton.key"));
        if (keyFile.isEmpty()) {
            make(file);
        }
        currentId = add(file);
        previousKeyFiles.stream().flatMap(files -> Arrays.stream(files.split(","))).map(String::trim).filter(f -> !f.isEmpty())
                .forEach(previous -> add(Path.of(previous)));
        LOG.info(() -> "Keyed hashes use the key in " + file.toAbsolutePath() + " (id " + currentId + "), "
                + (masters.size() - 1) + " previous key(s) for what they sealed");
    }

    /** The id of the current key, which what is sealed now records. */
    public String currentId() {
        return currentId;
    }

    /** HMAC-SHA256 of {@code text} under this purpose's current key, base64url. */
    public String hash(String purpose, String text) {
        return hash(purpose, currentId, text).orElseThrow();
    }

    /** The same under the key with id {@code keyId}; empty when no key of the node has that id. */
    public Optional<String> hash(String purpose, String keyId, String text) {
        SecretKeySpec master = keyId == null ? null : masters.get(keyId);
        if (master == null) {
            return Optional.empty();
        }
        SecretKeySpec key = derived.computeIfAbsent(keyId + " " + purpose, p -> new SecretKeySpec(mac(master, purpose), HMAC));
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, text)));
    }

    /** Reads a key file; answers the key's id, a digest of the key that gives nothing of it away. */
    private String add(Path file) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s", ""));
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("The key file " + file + " must hold a base64 key of at least 256 bits", unreadable);
        }
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("The key file " + file + " holds " + secret.length * 8 + " bits; at least 256 are needed");
        }
        SecretKeySpec master = new SecretKeySpec(secret, HMAC);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(master, "baton key id")).substring(0, 12);
        masters.putIfAbsent(id, master);
        return id;
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
