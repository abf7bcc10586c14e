package dev.baton.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import java.util.function.LongFunction;

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
    public void append(AuditRecord record, AuditKeys keys) {
        record.link(lastSeq + 1, lastHash, keys);
        lastSeq = record.seq();
        lastHash = record.hash();
    }

    /**
     * Seals the chain as the first version of Baton left it, unkeyed, if it is intact: walks it
     * from its first record ({@code pageAfter} answers the records after a number, in order),
     * checks each by its old SHA-256, seals it under the current key and links it again. Answers
     * false at the first record that is not what was chained (the caller rolls back: a broken chain
     * is not sealed, verification goes on naming it).
     */
    public boolean reseal(LongFunction<List<AuditRecord>> pageAfter, AuditKeys keys) {
        String unkeyed = GENESIS;
        String keyed = GENESIS;
        long seq = 0;
        while (seq < lastSeq) {
            List<AuditRecord> page = pageAfter.apply(seq);
            if (page.isEmpty()) {
                return false;
            }
            for (AuditRecord record : page) {
                if (record.seq() != seq + 1 || !record.unsealed() || !record.intactBeforeKeys(unkeyed)) {
                    return false;
                }
                unkeyed = record.hash();
                record.reseal(keyed, keys);
                keyed = record.hash();
                seq++;
            }
        }
        lastHash = keyed;
        return true;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }
}
