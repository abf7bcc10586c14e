package dev.baton.audit.entity;

import java.util.Optional;

/** The keyed hashes audit records are sealed with: the current audit key, or an earlier one by its id. */
public interface AuditKeys {

    String currentId();

    /** HMAC of {@code text} under the audit key with id {@code keyId}; empty when there is no such key. */
    Optional<String> mac(String keyId, String text);
}
