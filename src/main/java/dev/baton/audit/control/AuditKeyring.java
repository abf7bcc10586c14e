package dev.baton.audit.control;

import dev.baton.audit.entity.AuditKeys;
import dev.baton.platform.security.ServerKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The audit's keys: derived from Baton's key ({@link ServerKey}) for this purpose alone. */
@ApplicationScoped
public class AuditKeyring implements AuditKeys {

    private static final String PURPOSE = "audit";

    @Inject
    ServerKey key;

    @Override
    public String currentId() {
        return key.currentId();
    }

    @Override
    public Optional<String> mac(String keyId, String text) {
        return key.hash(PURPOSE, keyId, text);
    }
}
