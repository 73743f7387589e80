package io.camfleet.console.adapter.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway migrations give PostgreSQL the very tables, columns and widths they give the H2 cache. */
class MigrationsTest {

    @TempDir
    Path h2;
    @TempDir
    Path postgresql;

    @Test
    void theMigrationsMakeTheSameSchemaOnH2AndOnPostgresql() throws Exception {
        Map<String, String> onH2;
        try (StoreEngine.TestDatabase db = StoreEngine.H2.open(h2)) {
            onH2 = columns(db);
        }
        Map<String, String> onPostgresql;
        try (StoreEngine.TestDatabase db = StoreEngine.POSTGRESQL.open(postgresql)) {
            onPostgresql = columns(db);
        }
        assertThat(onH2).containsKeys("site.id", "health_interval.ended_at", "audit_event.keyed",
                "deployment_lease.expires_at", "flyway_schema_history.version", "health_span.end_s",
                "observed_span.start_s", "camera_life.first_seen", "review_device.recent_users",
                "review_device_listing.as_of", "device_event.before_value", "provision_request.open_serial",
                "ticket.row_version", "ticket_site.site_id", "ticket_camera.camera_id", "ticket_event.body",
                "config_version.checksum", "config_file.path", "config_content.content");
        assertThat(onH2.get("config_content.content")).isEqualTo("NO bytes");
        assertThat(onPostgresql).isEqualTo(onH2);
    }

    /**
     * Each column of the public schema, as "table.column", with its nullability and, for text, its width. A byte
     * column ({@code BYTEA}) has no width on either: H2 reports its type's own maximum (10^9) where PostgreSQL
     * reports none, so that figure is not compared.
     */
    private static Map<String, String> columns(StoreEngine.TestDatabase db) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, column_name, is_nullable, character_maximum_length, "
                     + "data_type FROM information_schema.columns WHERE LOWER(table_schema) = 'public'")) {
            while (rs.next()) {
                long width = rs.getLong(4);
                boolean none = rs.wasNull();
                boolean bytes = List.of("binary varying", "bytea").contains(rs.getString(5).toLowerCase(Locale.ROOT));
                out.put((rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT),
                        rs.getString(3) + (none || bytes ? "" : " " + width) + (bytes ? " bytes" : ""));
            }
        }
        return out;
    }
}
