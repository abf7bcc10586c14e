package dev.baton.transfer.control;

import dev.baton.platform.security.ServerKey;
import dev.baton.platform.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What is stored of a claim code: its HMAC under Baton's key, never the code. A code has only about
 * 39 bits, so a plain hash read from the database would give it up to a search of minutes; without
 * the key, which lives outside the database, there is nothing to search against.
 */
@ApplicationScoped
public class ClaimCodes {

    private static final String PURPOSE = "claim-code";

    @Inject
    ServerKey key;

    /** The stored form of a code as made or as typed (case, spaces and dashes do not matter). */
    public String hash(String code) {
        return key.hash(PURPOSE, Tokens.normalizeCode(code));
    }
}
