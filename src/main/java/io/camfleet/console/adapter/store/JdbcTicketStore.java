package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.support.Level;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.support.TicketQuery;
import io.camfleet.console.service.support.TicketStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tickets in {@code ticket}, their sites and cameras in {@code ticket_site} / {@code ticket_camera}, their timelines
 * in {@code ticket_event} (V13). A change is one durable transaction with its entry, conditional on the ticket's
 * {@code row_version} as it was read: of two consoles moving one ticket, one wins and the other is told.
 */
public final class JdbcTicketStore implements TicketStore {

    /** The widest text an entry keeps (a comment, a command's output); the service refuses or trims before this. */
    public static final int BODY = 100_000;

    private static final String COLUMNS = "id, title, severity, status, support_level, customer, assignee, "
            + "created_by, created_at, row_version, jira_key, jira_status";

    private final DataSource ds;

    public JdbcTicketStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public Ticket create(Ticket t, TimelineEntry first) {
        return Jdbc.inDurableTransaction(ds, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (title, severity, status, "
                    + "support_level, customer, assignee, created_by, created_at, row_version, jira_key, jira_status) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
                ps.setString(1, Jdbc.clip(t.title(), 300));
                ps.setString(2, t.severity().name());
                ps.setString(3, t.status().name());
                ps.setString(4, t.level().name());
                ps.setString(5, Jdbc.clip(t.customer(), 200));
                ps.setString(6, Jdbc.clip(t.assignee(), 200));
                ps.setString(7, Jdbc.clip(t.createdBy(), 200));
                Jdbc.setInstant(ps, 8, t.createdAt());
                ps.setLong(9, t.version());
                ps.setString(10, Jdbc.clip(t.jiraKey(), 64));
                ps.setString(11, Jdbc.clip(t.jiraStatus(), 100));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            ids(c, "INSERT INTO ticket_site (ticket_id, position, site_id) VALUES (?, ?, ?)", id, t.siteIds());
            ids(c, "INSERT INTO ticket_camera (ticket_id, position, camera_id) VALUES (?, ?, ?)", id, t.cameraIds());
            insert(c, id, first);
            // Read back: the ticket as stored (its time at the database's precision), equal to what find() returns.
            return tickets(c, "SELECT " + COLUMNS + " FROM ticket WHERE id = ?", List.of(id)).getFirst();
        });
    }

    private static void ids(Connection c, String sql, long ticket, List<String> ids) throws SQLException {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            positions.add(i);
        }
        Jdbc.batch(c, sql, positions, (ps, i) -> {
            ps.setLong(1, ticket);
            ps.setInt(2, i);
            ps.setString(3, Jdbc.clip(ids.get(i), 200));
        });
    }

    @Override
    public boolean change(Ticket before, Ticket after, TimelineEntry entry) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET title = ?, severity = ?, status = ?, "
                    + "support_level = ?, customer = ?, assignee = ?, row_version = ?, jira_key = ?, jira_status = ? "
                    + "WHERE id = ? AND row_version = ?")) {
                ps.setString(1, Jdbc.clip(after.title(), 300));
                ps.setString(2, after.severity().name());
                ps.setString(3, after.status().name());
                ps.setString(4, after.level().name());
                ps.setString(5, Jdbc.clip(after.customer(), 200));
                ps.setString(6, Jdbc.clip(after.assignee(), 200));
                ps.setLong(7, after.version());
                ps.setString(8, Jdbc.clip(after.jiraKey(), 64));
                ps.setString(9, Jdbc.clip(after.jiraStatus(), 100));
                ps.setLong(10, before.id());
                ps.setLong(11, before.version());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            insert(c, before.id(), entry);
            return true;
        });
    }

    @Override
    public TimelineEntry append(long ticketId, TimelineEntry entry) {
        return Jdbc.inDurableTransaction(ds, c -> insert(c, ticketId, entry));
    }

    private static TimelineEntry insert(Connection c, long ticket, TimelineEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_event (ticket_id, kind, event_at, actor, "
                + "body, before_value, after_value, runbook, target, exit_code, duration_ms, file_name, file_size, "
                + "file_sha256, file_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[]{"id"})) {
            TimelineEntry.CommandOutput run = e.command();
            TimelineEntry.Attachment file = e.file();
            ps.setLong(1, ticket);
            ps.setString(2, e.kind().name());
            Jdbc.setInstant(ps, 3, e.at());
            ps.setString(4, Jdbc.clip(e.by(), 200));
            ps.setString(5, Jdbc.clip(run == null ? e.text() : run.output(), BODY));
            ps.setString(6, e.change() == null ? "" : Jdbc.clip(e.change().from(), 200));
            ps.setString(7, e.change() == null ? "" : Jdbc.clip(e.change().to(), 200));
            ps.setString(8, run == null ? "" : Jdbc.clip(run.runbook(), 200));
            ps.setString(9, run == null ? "" : Jdbc.clip(run.target(), 200));
            setLong(ps, 10, run == null ? null : (long) run.exitCode(), Types.INTEGER);
            setLong(ps, 11, run == null ? null : run.duration().toMillis(), Types.BIGINT);
            ps.setString(12, file == null ? "" : Jdbc.clip(file.name(), 255));
            setLong(ps, 13, file == null ? null : file.size(), Types.BIGINT);
            ps.setString(14, file == null ? "" : file.sha256());
            ps.setString(15, file == null ? "" : Jdbc.clip(file.storedPath(), 1000));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return e.stored(keys.getLong(1), ticket);
            }
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v, int type) throws SQLException {
        if (v == null) {
            ps.setNull(i, type);
        } else if (type == Types.INTEGER) {
            ps.setInt(i, v.intValue());
        } else {
            ps.setLong(i, v);
        }
    }

    @Override
    public Optional<Ticket> find(long id) {
        return Jdbc.read(ds, c -> tickets(c, "SELECT " + COLUMNS + " FROM ticket WHERE id = ?", List.of(id)))
                .stream().findFirst();
    }

    @Override
    public List<Ticket> find(TicketQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ticket t WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!q.statuses().isEmpty()) {
            sql.append(" AND status IN (").append("?, ".repeat(q.statuses().size() - 1)).append("?)");
            q.statuses().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (q.unassigned()) {
            sql.append(" AND assignee = ''");
        } else if (!q.assignee().isEmpty()) {
            sql.append(" AND assignee = ?");
            args.add(q.assignee());
        }
        if (!q.customer().isEmpty()) {
            sql.append(" AND customer = ?");
            args.add(q.customer());
        }
        if (!q.siteId().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM ticket_site s WHERE s.ticket_id = t.id AND s.site_id = ?)");
            args.add(q.siteId());
        }
        sql.append(" ORDER BY created_at, id");
        return Jdbc.read(ds, c -> tickets(c, sql.toString(), args));
    }

    private static List<Ticket> tickets(Connection c, String sql, List<?> args) throws SQLException {
        List<Ticket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.add(new Ticket(id, rs.getString(2), Severity.valueOf(rs.getString(3)),
                            TicketStatus.valueOf(rs.getString(4)), Level.valueOf(rs.getString(5)), rs.getString(6),
                            List.of(), List.of(), rs.getString(7), rs.getString(8), Jdbc.getInstant(rs, 9),
                            rs.getLong(10), rs.getString(11), rs.getString(12)));
                }
            }
        }
        // Each ticket's sites and cameras: a queue holds hundreds of tickets, two small indexed reads each.
        List<Ticket> full = new ArrayList<>(out.size());
        for (Ticket t : out) {
            full.add(new Ticket(t.id(), t.title(), t.severity(), t.status(), t.level(), t.customer(),
                    ids(c, "SELECT site_id FROM ticket_site WHERE ticket_id = ? ORDER BY position", t.id()),
                    ids(c, "SELECT camera_id FROM ticket_camera WHERE ticket_id = ? ORDER BY position", t.id()),
                    t.assignee(), t.createdBy(), t.createdAt(), t.version(), t.jiraKey(), t.jiraStatus()));
        }
        return full;
    }

    private static List<String> ids(Connection c, String sql, long ticket) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Override
    public List<TimelineEntry> timeline(long ticketId) {
        return Jdbc.read(ds, c -> {
            List<TimelineEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, event_at, actor, body, before_value, "
                    + "after_value, runbook, target, exit_code, duration_ms, file_name, file_size, file_sha256, "
                    + "file_path FROM ticket_event WHERE ticket_id = ? ORDER BY event_at, id")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(ticketId, rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<SiteEntry> siteEntries(String siteId, Set<TimelineEntry.Kind> kinds, Instant from, Instant to,
                                       int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<String> names = kinds.stream().map(Enum::name).sorted().toList();
        return Jdbc.read(ds, c -> {
            List<SiteEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.kind, e.event_at, e.actor, e.body, "
                    + "e.before_value, e.after_value, e.runbook, e.target, e.exit_code, e.duration_ms, e.file_name, "
                    + "e.file_size, e.file_sha256, e.file_path, e.ticket_id, t.title FROM ticket_event e "
                    + "JOIN ticket t ON t.id = e.ticket_id "
                    + "WHERE e.ticket_id IN (SELECT s.ticket_id FROM ticket_site s WHERE s.site_id = ?) "
                    + "AND e.event_at >= ? AND e.event_at < ? AND e.kind IN (" + "?, ".repeat(names.size() - 1)
                    + "?) ORDER BY e.event_at DESC, e.id DESC FETCH FIRST ? ROWS ONLY")) {
                int i = 1;
                ps.setString(i++, siteId);
                Jdbc.setInstant(ps, i++, from);
                Jdbc.setInstant(ps, i++, to);
                for (String kind : names) {
                    ps.setString(i++, kind);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long ticket = rs.getLong(16);
                        out.add(new SiteEntry(ticket, rs.getString(17), entry(ticket, rs)));
                    }
                }
            }
            return out;
        });
    }

    private static TimelineEntry entry(long ticket, ResultSet rs) throws SQLException {
        TimelineEntry.Kind kind = TimelineEntry.Kind.valueOf(rs.getString(2));
        String body = rs.getString(5);
        TimelineEntry.Change change = switch (kind) {
            case STATUS, ESCALATION, ASSIGNMENT, TRACKER -> new TimelineEntry.Change(rs.getString(6), rs.getString(7));
            default -> null;
        };
        TimelineEntry.CommandOutput run = kind == TimelineEntry.Kind.COMMAND_OUTPUT
                ? new TimelineEntry.CommandOutput(rs.getString(8), rs.getString(9), rs.getInt(10),
                Duration.ofMillis(rs.getLong(11)), body) : null;
        TimelineEntry.Attachment file = kind == TimelineEntry.Kind.ATTACHMENT
                ? new TimelineEntry.Attachment(rs.getString(12), rs.getLong(13), rs.getString(14), rs.getString(15))
                : null;
        return new TimelineEntry(rs.getLong(1), ticket, kind, Jdbc.getInstant(rs, 3), rs.getString(4),
                run == null ? body : "", change, run, file);
    }
}
