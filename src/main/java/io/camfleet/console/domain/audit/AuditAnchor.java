package io.camfleet.console.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the data folder's anchor file says about the audit chain, kept outside the cache: where the keyed chain
 * starts, its head (sequence and hash) after every event, and each restart after the cache was moved aside.
 *
 * @param entries        the records, oldest first
 * @param unreadableLine the number of the first line that is not a record, or 0 when every line is one
 */
public record AuditAnchor(List<Entry> entries, int unreadableLine) {

    public AuditAnchor {
        entries = List.copyOf(entries);
    }

    /** One record of the anchor file. */
    public sealed interface Entry permits Start, Head, Restart {
    }

    /** The key began to seal this cache's chain at event {@code keyedFrom}; earlier events are unkeyed. */
    public record Start(Instant at, long keyedFrom) implements Entry {
        public Start {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The chain's head once event {@code seq} was committed. */
    public record Head(long seq, Instant at, String hash) implements Entry {
        public Head {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(hash, "hash");
        }
    }

    /** The cache could not be used and was moved aside as {@code movedAside}; a new chain starts at event 1. */
    public record Restart(Instant at, String movedAside) implements Entry {
        public Restart {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(movedAside, "movedAside");
        }
    }

    /**
     * The records of one cache: from a start or a restart to the next restart.
     *
     * @param restart   the restart that opened it; null for the folder's first cache
     * @param keyedFrom the first event sealed with the key
     */
    public record Segment(Restart restart, long keyedFrom, List<Head> heads) {

        public long lastSeq() {
            return heads.isEmpty() ? 0 : heads.getLast().seq();
        }

        /** Whether the key sealed an event of this cache, by this anchor's record. */
        public boolean keyed() {
            return heads.stream().anyMatch(h -> h.seq() >= keyedFrom);
        }
    }

    /** The caches this anchor has followed, oldest first; never empty. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        Restart restart = null;
        long keyedFrom = 1;
        List<Head> heads = new ArrayList<>();
        for (Entry e : entries) {
            switch (e) {
                case Start s -> keyedFrom = s.keyedFrom();
                case Head h -> heads.add(h);
                case Restart r -> {
                    out.add(new Segment(restart, keyedFrom, List.copyOf(heads)));
                    restart = r;
                    keyedFrom = 1;
                    heads = new ArrayList<>();
                }
            }
        }
        out.add(new Segment(restart, keyedFrom, List.copyOf(heads)));
        return out;
    }

    /** Whether any cache this anchor followed had events sealed with the key. */
    public boolean keyed() {
        return segments().stream().anyMatch(Segment::keyed);
    }
}
