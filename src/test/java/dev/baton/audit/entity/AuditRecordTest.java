package dev.baton.audit.entity;

import dev.baton.platform.security.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditRecordTest {

    private static final Instant AT = Instant.parse("2026-12-01T06:00:00.123456Z");
    private static final Actor ADMIN = new Actor("adam", Set.of(Actor.ADMIN), AT, "127.0.0.1");

    /** Remembers what it was asked to seal. */
    private static final class Sealed implements AuditKeys {
        final List<String> texts = new ArrayList<>();

        @Override
        public String currentId() {
            return "k1";
        }

        @Override
        public Optional<String> mac(String keyId, String text) {
            texts.add(text);
            return Optional.of("mac-" + texts.size());
        }
    }

    @Test
    void aRecordWithoutASubjectIsSealedAsBeforeSubjectsExisted() {
        Sealed keys = new Sealed();
        AuditEntry entry = AuditEntry.of(AuditAction.SESSION_ENDED).by(ADMIN).session("s").device("d").succeeded("ended-by-holder");
        new AuditRecord(entry, AT, keys);
        assertEquals(AuditRecord.fields(AT, AuditAction.SESSION_ENDED, "adam", "127.0.0.1", "s", null, "d", null,
                AuditEntry.Outcome.SUCCESS, "ended-by-holder"), keys.texts.get(0));
    }

    @Test
    void aSubjectIsSealedWithTheRecord() {
        Sealed keys = new Sealed();
        AuditEntry entry = AuditEntry.of(AuditAction.SESSION_ENDED).by(ADMIN).subject("alice").session("s").succeeded("ended-by-admin");
        AuditRecord record = new AuditRecord(entry, AT, keys);
        assertTrue(keys.texts.get(0).endsWith("|5:alice|"), keys.texts.get(0));
        assertEquals("alice", record.entry().subject());
    }

    @Test
    void theSubjectIsRecordedOnlyWhenItIsSomeoneOtherThanTheActor() {
        assertNull(AuditEntry.of(AuditAction.SESSION_ENDED).by(ADMIN).subject("adam").succeeded().subject());
        assertNull(AuditEntry.of(AuditAction.SESSION_ENDED).by("alice").succeeded().subject());
        assertEquals("alice", AuditEntry.of(AuditAction.DEVICE_REVOKED).by(ADMIN).subject("alice").succeeded().subject());
    }
}
