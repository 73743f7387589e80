package io.camfleet.console.adapter.store;

import io.camfleet.console.service.estate.SnapshotStore;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The AWS estate's snapshots in {@code estate_snapshot} (V16), one row per environment and kind. */
public final class JdbcSnapshotStore implements SnapshotStore {

    private final DataSource ds;

    public JdbcSnapshotStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public Optional<Stored> read(String environment, String kind) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT taken_at, body FROM estate_snapshot WHERE environment = ? AND kind = ?")) {
                ps.setString(1, environment);
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(Jdbc.getInstant(rs, 1), rs.getBytes(2)))
                            : Optional.<Stored>empty();
                }
            }
        });
    }

    /** Delete and insert in one transaction: portable where an upsert is not (H2's MERGE, PostgreSQL's ON CONFLICT). */
    @Override
    public void write(String environment, String kind, Instant takenAt, byte[] body) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM estate_snapshot WHERE environment = ? AND kind = ?")) {
                del.setString(1, environment);
                del.setString(2, kind);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO estate_snapshot (environment, kind, taken_at, body) VALUES (?, ?, ?, ?)")) {
                ins.setString(1, environment);
                ins.setString(2, kind);
                Jdbc.setInstant(ins, 3, takenAt);
                ins.setBytes(4, body);
                ins.executeUpdate();
            }
            return null;
        });
    }
}
