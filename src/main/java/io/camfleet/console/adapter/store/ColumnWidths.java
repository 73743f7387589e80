package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.environments.SyncCache.Clipped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many characters each text column of the fleet's tables keeps, as the schema says, and rows fitted to it. The
 * columns are sized for what AWS allows (V6); a value longer still is clipped with a note naming the record and the
 * field, so that one record never fails the page it is on. An id cannot be clipped (it would name another record):
 * a record with a too long id is left out, with its note.
 */
final class ColumnWidths {

    private final Map<String, Integer> widths;

    private ColumnWidths(Map<String, Integer> widths) {
        this.widths = widths;
    }

    /** The widths of the text columns of {@code tables}, from the result set metadata of an empty query. */
    static ColumnWidths read(Connection c, List<String> tables) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        for (String table : tables) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    int type = md.getColumnType(i);
                    if (type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR) {
                        out.put(table + "." + md.getColumnName(i).toLowerCase(Locale.ROOT), md.getPrecision(i));
                    }
                }
            }
        }
        return new ColumnWidths(Map.copyOf(out));
    }

    int of(String table, String column) {
        Integer w = widths.get(table + "." + column);
        return w == null || w <= 0 ? Integer.MAX_VALUE : w;
    }

    /** {@code s} with every value fitted to its column; null when its id does not fit. */
    Site fit(Site s, List<Clipped> notes) {
        String id = s.id();
        if (!fits("site", "id", id, id, notes)) {
            return null;
        }
        return new Site(id, clip("site", "name", id, s.name(), notes), clip("site", "customer", id, s.customer(), notes),
                clip("site", "country_code", id, s.countryCode(), notes), clip("site", "region", id, s.region(), notes),
                s.latitude(), s.longitude(), clip("site", "time_zone", id, s.timeZone(), notes), s.slaTier(),
                clip("site", "maintenance_window", id, s.maintenanceWindow(), notes), s.environment());
    }

    /** {@code c} with every value fitted to its column; null when its id or its site's id does not fit. */
    CameraSystem fit(CameraSystem c, List<Clipped> notes) {
        String id = c.id();
        if (!fits("camera_system", "id", id, id, notes) || !fits("camera_system", "site_id", id, c.siteId(), notes)) {
            return null;
        }
        String t = "camera_system";
        return new CameraSystem(id, c.siteId(), clip(t, "hostname", id, c.hostname(), notes),
                clip(t, "ssh_address", id, c.sshAddress(), notes), clip(t, "jump_host", id, c.jumpHost(), notes),
                clip(t, "ssm_node_id", id, c.ssmNodeId(), notes), clip(t, "iot_thing_name", id, c.iotThingName(), notes),
                clip(t, "image", id, c.image(), notes), clip(t, "software_version", id, c.softwareVersion(), notes));
    }

    private boolean fits(String table, String column, String record, String value, List<Clipped> notes) {
        int width = of(table, column);
        if (value.length() <= width) {
            return true;
        }
        notes.add(new Clipped(record, field(column), value.length(), width, true));
        return false;
    }

    /** The value, or its first characters and an ellipsis, never splitting a surrogate pair. */
    private String clip(String table, String column, String record, String value, List<Clipped> notes) {
        int width = of(table, column);
        if (value.length() <= width) {
            return value;
        }
        notes.add(new Clipped(record, field(column), value.length(), width, false));
        int cut = width - 1;
        if (cut > 0 && Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + "…";
    }

    /** The field as the operator reads it: {@code ssh_address} is "ssh address". */
    private static String field(String column) {
        return column.replace('_', ' ');
    }
}
