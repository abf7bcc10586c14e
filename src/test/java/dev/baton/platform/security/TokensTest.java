package dev.baton.platform.security;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern READABLE_CODE = Pattern.compile("[2-9A-HJKMNP-TV-Z]{8}");

    @Test
    void tokenCarries256BitsInBase64url() {
        String token = Tokens.newToken();
        assertTrue(BASE64URL.matcher(token).matches(), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @Test
    void tokensAreDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(Tokens.newToken());
        }
        assertEquals(1000, tokens.size());
    }

    @Test
    void claimCodeHasEightCharactersThatCannotBeMisread() {
        for (int i = 0; i < 1000; i++) {
            String code = Tokens.newClaimCode();
            assertEquals(Tokens.CODE_LENGTH, code.length());
            assertTrue(READABLE_CODE.matcher(code).matches(), code);
        }
    }

    @Test
    void normalizedCodeIgnoresCaseSpacesAndDashes() {
        assertEquals("ABCD2345", Tokens.normalizeCode(" abcd-2345 "));
        assertEquals("ABCD2345", Tokens.normalizeCode("Ab Cd\t23-45"));
    }

    @Test
    void secretMatchesOnlyItsOwnHash() {
        String hash = Tokens.hash("secret");
        assertTrue(Tokens.matches("secret", hash));
        assertFalse(Tokens.matches("Secret", hash));
        assertFalse(Tokens.matches(null, hash));
        assertFalse(Tokens.matches("secret", null));
    }
}
