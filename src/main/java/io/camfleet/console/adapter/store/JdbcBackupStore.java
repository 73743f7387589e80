package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.ConfigFile;
import io.camfleet.console.domain.backup.OffsiteCopy;
import io.camfleet.console.service.backup.BackupStore;
import io.camfleet.console.domain.backup.TakenFile;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Config backup versions in {@code config_version}, their files in {@code config_file}, the files' bytes once per
 * content in {@code config_content} (V14). A version and its files are one durable transaction.
 */
public final class JdbcBackupStore implements BackupStore {

    private static final String COLUMNS = "camera_id, version_no, taken_at, taken_by, checksum, file_count, "
            + "total_bytes, restored_from, copy_state, copy_key, copy_problem";

    private final DataSource ds;

    public JdbcBackupStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public BackupVersion add(BackupVersion v, List<TakenFile> files) {
        return Jdbc.inDurableTransaction(ds, c -> {
            int number = 1;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(version_no) FROM config_version WHERE camera_id = ?")) {
                ps.setString(1, v.cameraId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        number = rs.getInt(1) + 1;
                    }
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO config_version (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
                ps.setString(1, v.cameraId());
                ps.setInt(2, number);
                Jdbc.setInstant(ps, 3, v.takenAt());
                ps.setString(4, Jdbc.clip(v.takenBy(), 200));
                ps.setString(5, v.checksum());
                ps.setInt(6, v.files());
                ps.setLong(7, v.bytes());
                ps.setInt(8, v.restoredFrom());
                ps.setString(9, v.copy().state().name());
                ps.setString(10, v.copy().key());
                ps.setString(11, Jdbc.clip(v.copy().problem(), 1000));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            storeContents(c, files);
            List<TakenFile> sorted = files.stream().sorted(Comparator.comparing(f -> f.file().path())).toList();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                positions.add(i);
            }
            Jdbc.batch(c, "INSERT INTO config_file (version_id, position, path, size_bytes, sha256, is_binary) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", positions, (ps, i) -> {
                ConfigFile f = sorted.get(i).file();
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, f.path());
                ps.setLong(4, f.size());
                ps.setString(5, f.sha256());
                ps.setBoolean(6, f.binary());
            });
            return versions(c, "WHERE id = ?", List.of(id)).getFirst();
        });
    }

    /** Each content not already kept, once: a content shared by versions (or by files of one) is stored once. */
    private static void storeContents(Connection c, List<TakenFile> files) throws SQLException {
        Map<String, byte[]> fresh = new LinkedHashMap<>();
        for (TakenFile f : files) {
            fresh.putIfAbsent(f.file().sha256(), f.bytes());
        }
        Set<String> known = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM config_content WHERE sha256 = ?")) {
            for (String sha : fresh.keySet()) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        known.add(sha);
                    }
                }
            }
        }
        fresh.keySet().removeAll(known);
        Jdbc.batch(c, "INSERT INTO config_content (sha256, content) VALUES (?, ?)", List.copyOf(fresh.entrySet()),
                (ps, e) -> {
                    ps.setString(1, e.getKey());
                    ps.setBytes(2, e.getValue());
                });
    }

    @Override
    public List<BackupVersion> versions(String cameraId) {
        return Jdbc.read(ds, c -> versions(c, "WHERE camera_id = ? ORDER BY version_no DESC", List.of(cameraId)));
    }

    @Override
    public Optional<BackupVersion> version(String cameraId, int number) {
        return Jdbc.read(ds, c -> versions(c, "WHERE camera_id = ? AND version_no = ?", List.of(cameraId, number)))
                .stream().findFirst();
    }

    @Override
    public Optional<BackupVersion> latest(String cameraId) {
        return Jdbc.read(ds, c -> versions(c, "WHERE camera_id = ? AND version_no = (SELECT MAX(version_no) "
                + "FROM config_version WHERE camera_id = ?)", List.of(cameraId, cameraId))).stream().findFirst();
    }

    @Override
    public List<TakenFile> files(String cameraId, int number) {
        return Jdbc.read(ds, c -> {
            List<TakenFile> files = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.path, f.size_bytes, f.sha256, f.is_binary, "
                    + "b.content FROM config_file f JOIN config_version v ON v.id = f.version_id "
                    + "JOIN config_content b ON b.sha256 = f.sha256 "
                    + "WHERE v.camera_id = ? AND v.version_no = ? ORDER BY f.position")) {
                ps.setString(1, cameraId);
                ps.setInt(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.add(new TakenFile(new ConfigFile(rs.getString(1), rs.getLong(2), rs.getString(3),
                                rs.getBoolean(4)), rs.getBytes(5)));
                    }
                }
            }
            return files;
        });
    }

    @Override
    public void recordCopy(String cameraId, int number, OffsiteCopy copy) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE config_version SET copy_state = ?, copy_key = ?, "
                    + "copy_problem = ? WHERE camera_id = ? AND version_no = ?")) {
                ps.setString(1, copy.state().name());
                ps.setString(2, copy.key());
                ps.setString(3, Jdbc.clip(copy.problem(), 1000));
                ps.setString(4, cameraId);
                ps.setInt(5, number);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, Instant> lastBackups() {
        return Jdbc.read(ds, c -> {
            Map<String, Instant> last = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT camera_id, MAX(taken_at) FROM config_version GROUP BY camera_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getString(1), Jdbc.getInstant(rs, 2));
                }
            }
            return last;
        });
    }

    @Override
    public List<BackupVersion> between(Set<String> cameraIds, Instant from, Instant to, int limit) {
        if (cameraIds.isEmpty() || limit <= 0) {
            return List.of();
        }
        return Jdbc.read(ds, c -> {
            List<BackupVersion> found = new ArrayList<>();
            // One query per page of cameras: a site has few, and an IN list of bind parameters stays portable.
            List<String> ids = List.copyOf(cameraIds);
            for (int from0 = 0; from0 < ids.size(); from0 += 100) {
                List<String> page = ids.subList(from0, Math.min(ids.size(), from0 + 100));
                List<Object> args = new ArrayList<>(page);
                args.add(from);
                args.add(to);
                found.addAll(versions(c, "WHERE camera_id IN (" + String.join(", ", page.stream().map(p -> "?")
                        .toList()) + ") AND taken_at >= ? AND taken_at < ? ORDER BY taken_at DESC, id DESC "
                        + "FETCH FIRST " + limit + " ROWS ONLY", args));
            }
            found.sort(Comparator.comparing(BackupVersion::takenAt).reversed());
            return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
        });
    }

    private static List<BackupVersion> versions(Connection c, String where, List<Object> args) throws SQLException {
        List<BackupVersion> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM config_version " + where)) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Instant at) {
                    Jdbc.setInstant(ps, i + 1, at);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new BackupVersion(rs.getString(1), rs.getInt(2), Jdbc.getInstant(rs, 3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getInt(8),
                            new OffsiteCopy(OffsiteCopy.State.valueOf(rs.getString(9)), rs.getString(10),
                                    rs.getString(11))));
                }
            }
        }
        return found;
    }
}
