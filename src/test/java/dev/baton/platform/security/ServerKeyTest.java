package dev.baton.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerKeyTest {

    @TempDir
    Path dir;

    private ServerKey key(Optional<String> file, String... previous) {
        ServerKey key = new ServerKey();
        key.keyFile = file;
        key.previousKeyFiles = Optional.of(String.join(",", previous));
        key.dataDir = dir.toString();
        key.read();
        return key;
    }

    @Test
    void withoutAKeyFileAKeyIsMadeOnceInTheDataDirectoryForItsOwnerOnly() throws Exception {
        String first = key(Optional.empty()).hash("claim-code", "K7QX2MPD");
        Path made = dir.resolve("baton.key");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(made));
        assertEquals(first, key(Optional.empty()).hash("claim-code", "K7QX2MPD"), "the next start reads the same key");
        Files.delete(made);
        assertNotEquals(first, key(Optional.empty()).hash("claim-code", "K7QX2MPD"), "a new key, new hashes");
    }

    @Test
    void eachPurposeHasAKeyOfItsOwn() throws Exception {
        Path file = Files.writeString(dir.resolve("shared.key"), "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=\n");
        ServerKey key = key(Optional.of(file.toString()));
        assertNotEquals(key.hash("claim-code", "same text"), key.hash("audit", "same text"));
        assertEquals(key.hash("audit", "same text"), key(Optional.of(file.toString())).hash("audit", "same text"),
                "every node reading the file hashes alike");
    }

    @Test
    void aRotatedKeyStillVerifiesWhatItSealedByItsId() throws Exception {
        Path old = Files.writeString(dir.resolve("old.key"), "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=\n");
        ServerKey before = key(Optional.of(old.toString()));
        String sealed = before.hash("audit", "record 1");
        Path fresh = Files.writeString(dir.resolve("new.key"), "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n");
        ServerKey after = key(Optional.of(fresh.toString()), old.toString());
        assertNotEquals(before.currentId(), after.currentId());
        assertNotEquals(sealed, after.hash("audit", "record 1"), "new seals use the new key");
        assertEquals(Optional.of(sealed), after.hash("audit", before.currentId(), "record 1"));
        assertEquals(Optional.empty(), after.hash("audit", "no-such-key", "record 1"));
    }

    @Test
    void aShortOrUnreadableKeyStopsTheStart() throws Exception {
        Path shortKey = Files.writeString(dir.resolve("short.key"), "c2hvcnQ=");
        IllegalStateException tooShort = assertThrows(IllegalStateException.class, () -> key(Optional.of(shortKey.toString())));
        assertTrue(tooShort.getMessage().contains("at least 256"), tooShort.getMessage());
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "not base64 at all!");
        assertThrows(IllegalStateException.class, () -> key(Optional.of(garbage.toString())));
        assertThrows(IllegalStateException.class, () -> key(Optional.of(dir.resolve("missing.key").toString())));
    }
}
