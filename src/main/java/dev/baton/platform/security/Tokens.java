package dev.baton.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Secrets: bearer tokens of 256 random bits, short claim codes, and the hashes that are all Baton
 * ever stores of tokens. A token has full entropy, so an unsalted SHA-256 is enough to make a leaked
 * table useless; lookups go by hash and comparisons are constant-time. Claim codes are too short for
 * that: they are stored keyed ({@code ClaimCodes}).
 */
public final class Tokens {

    /** No 0/O, 1/I/L, U: codes are read off one screen and typed on another. */
    static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int CODE_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String newClaimCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person may type for a code: case, spaces and dashes do not matter. */
    public static String normalizeCode(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code secret} hashes to {@code storedHash}, in time independent of where they differ. */
    public static boolean matches(String secret, String storedHash) {
        return secret != null && sameHash(hash(secret), storedHash);
    }

    /** Whether two hashes are equal, in time independent of where they differ. */
    public static boolean sameHash(String hash, String storedHash) {
        return hash != null && storedHash != null
                && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
