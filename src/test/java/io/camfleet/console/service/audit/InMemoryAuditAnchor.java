package io.camfleet.console.service.audit;

import io.camfleet.console.domain.audit.AuditAnchor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit key and anchor in memory, for service tests. */
public final class InMemoryAuditAnchor implements AuditAnchorStore {

    public byte[] key;
    public List<AuditAnchor.Entry> entries;

    @Override
    public Optional<byte[]> key() {
        return Optional.ofNullable(key).map(byte[]::clone);
    }

    @Override
    public byte[] createKey() {
        if (key != null) {
            throw new IllegalStateException("a key is there already");
        }
        key = new byte[32];
        new java.util.Random(7).nextBytes(key);
        return key.clone();
    }

    @Override
    public Optional<AuditAnchor> anchor() {
        return Optional.ofNullable(entries).map(e -> new AuditAnchor(e, 0));
    }

    @Override
    public void append(AuditAnchor.Entry entry) {
        if (entries == null) {
            entries = new ArrayList<>();
        }
        entries.add(entry);
    }

    @Override
    public String location() {
        return "memory";
    }
}
