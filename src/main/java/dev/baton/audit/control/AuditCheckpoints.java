package dev.baton.audit.control;

import dev.baton.audit.entity.AuditChain;
import dev.baton.platform.security.ServerKey;
import dev.baton.secevent.control.Outbox;
import dev.baton.secevent.control.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the audit chain's head every {@code baton.audit.checkpoint-interval} (when it has moved)
 * and writes the checkpoint to the log as one line, {@code Audit checkpoint {json}}, for the log's
 * keepers to hold outside Baton's reach, and to the security events' webhook when one is set.
 * Every node writes its own; any of them serves.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());
    private static final String PURPOSE = "audit-checkpoint";

    @Inject
    ServerKey key;

    @Inject
    AuditLinks links;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "baton.audit.checkpoint-interval")
    Duration interval;

    private Instant due = Instant.MIN;
    private long lastSeq;

    /** Writes a checkpoint if the interval has passed and the chain has grown since the last one. */
    synchronized void writeIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return;
        }
        AuditChain head = links.head();
        if (head.lastSeq() == lastSeq) {
            return;
        }
        AuditCheckpoint checkpoint = sign(head.lastSeq(), head.lastHash(), now);
        outbox.addAlone(SecurityEvent.auditCheckpoint(checkpoint.json(), now), eventId(checkpoint));
        LOG.info(() -> "Audit checkpoint " + checkpoint.json());
        lastSeq = head.lastSeq();
        due = now.plus(interval);
    }

    /** The same for every node that signs this head: the webhook hears of a head once (unless it was sent already). */
    private static String eventId(AuditCheckpoint checkpoint) {
        return UUID.nameUUIDFromBytes(("audit-checkpoint " + checkpoint.keyId() + " " + checkpoint.seq() + " " + checkpoint.hash())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether this Baton signed {@code checkpoint}, under its current or an earlier key. */
    public boolean signed(AuditCheckpoint checkpoint) {
        Optional<String> mac = key.hash(PURPOSE, checkpoint.keyId(), checkpoint.signed());
        return mac.filter(checkpoint.mac()::equals).isPresent();
    }

    private AuditCheckpoint sign(long seq, String hash, Instant at) {
        AuditCheckpoint unsigned = new AuditCheckpoint(seq, hash, at, key.currentId(), null);
        return new AuditCheckpoint(seq, hash, at, key.currentId(), key.hash(PURPOSE, unsigned.signed()));
    }
}
