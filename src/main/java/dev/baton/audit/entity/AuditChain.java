package dev.baton.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The head of the audit chain: the number and hash of the last record appended. One row. */
@Entity
public class AuditChain {

    public static final int ID = 1;
    /** What the first record names as its predecessor's hash. */
    public static final String GENESIS = "-";

    @Id
    private int id;
    private long lastSeq;
    private String lastHash;

    protected AuditChain() {
    }

    /** Makes {@code record} the next link of the chain. */
    public void append(AuditRecord record) {
        record.link(lastSeq + 1, lastHash);
        lastSeq = record.seq();
        lastHash = record.hash();
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }
}
