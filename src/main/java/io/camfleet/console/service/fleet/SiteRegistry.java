package io.camfleet.console.service.fleet;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of an imported site registry (README, "Importing a site registry"). Every row is checked and every bad
 * row reported; a fleet comes out only when no row is bad, so a registry is never imported in part.
 *
 * <p>Cells are text and stay text: nothing is evaluated, so {@code =HYPERLINK(...)} in a name is that name.
 */
public final class SiteRegistry {

    /** Larger files are refused before they are read. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    /** The columns a registry may have, and the longest text each may hold: no more than its column in the cache. */
    enum Column {
        SITE_ID("site_id", 64, Site::id),
        SITE_NAME("site_name", 200, Site::name),
        CUSTOMER("customer", 200, Site::customer),
        COUNTRY("country", 8, Site::countryCode),
        REGION("region", 32, Site::region),
        // Coordinates are checked as numbers instead of by length.
        LATITUDE("latitude", Integer.MAX_VALUE, Site::latitude),
        LONGITUDE("longitude", Integer.MAX_VALUE, Site::longitude),
        TIMEZONE("timezone", 64, Site::timeZone),
        SLA_TIER("sla_tier", 16, Site::slaTier),
        MAINTENANCE_WINDOW("maintenance_window", 64, Site::maintenanceWindow),
        CAMERA_ID("camera_id", 64, null),
        HOSTNAME("hostname", 255, null),
        SSH_ADDRESS("ssh_address", 255, null),
        JUMP_HOST("jump_host", 255, null),
        SSM_NODE_ID("ssm_node_id", 64, null),
        IOT_THING_NAME("iot_thing_name", 128, null),
        IMAGE("image", 128, null),
        SOFTWARE_VERSION("software_version", 64, null);

        final String header;
        final int maxLength;
        /** The site's field this column fills; null for the camera columns. */
        final Function<Site, Object> siteField;

        Column(String header, int maxLength, Function<Site, Object> siteField) {
            this.header = header;
            this.maxLength = maxLength;
            this.siteField = siteField;
        }
    }

    private static final Set<Column> CAMERA_DETAILS = EnumSet.range(Column.HOSTNAME, Column.SOFTWARE_VERSION);
    private static final List<String> COLUMN_NAMES = Arrays.stream(Column.values()).map(c -> c.header).toList();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final int ECHO_LENGTH = 40;

    private SiteRegistry() {
    }

    /**
     * The fleet a registry describes: its sites, their cameras, and no telemetry (a registry has none).
     *
     * @param file the file's name, for messages
     * @throws RegistryRejected listing every bad row when any row is bad
     * @throws Problem          of kind BAD_INPUT when the file as a whole is unusable: no rows, unknown columns, no
     *                          site_id or site_name column
     */
    public static FleetData toFleet(String file, RegistryTable table) {
        List<RegistryTable.Row> rows = table.rows().stream().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) {
            throw Problem.badInput("problem.importEmpty", file);
        }
        checkColumns(file, table.columns());

        Map<String, Site> sites = new LinkedHashMap<>();
        Map<String, Integer> siteRows = new HashMap<>();
        Map<String, Integer> cameraRows = new HashMap<>();
        List<CameraSystem> cameras = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (RegistryTable.Row row : rows) {
            RowCheck check = new RowCheck(row);
            Site site = check.site();
            CameraSystem camera = check.camera(site.id());
            String cameraId = row.cell(Column.CAMERA_ID.header);
            if (!cameraId.isEmpty()) {
                Integer first = cameraRows.putIfAbsent(cameraId, row.number());
                if (first != null) {
                    check.error("import.duplicateCamera", cameraId, first);
                }
            }
            if (check.errors.isEmpty()) {
                Site earlier = sites.putIfAbsent(site.id(), site);
                if (earlier == null) {
                    siteRows.put(site.id(), row.number());
                } else if (!earlier.equals(site)) {
                    check.error("import.siteDisagrees", site.id(), siteRows.get(site.id()), differences(earlier, site));
                }
                if (camera != null) {
                    cameras.add(camera);
                }
            }
            errors.addAll(check.errors);
        }
        if (!errors.isEmpty()) {
            throw new RegistryRejected(file, errors);
        }
        return new FleetData(List.copyOf(sites.values()), cameras, Map.of());
    }

    /** A misspelt column would silently drop its data, so any unknown column refuses the file. */
    private static void checkColumns(String file, List<String> columns) {
        List<String> unknown = columns.stream().filter(c -> !COLUMN_NAMES.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw Problem.badInput("problem.importUnknownColumns", file,
                    unknown.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")),
                    String.join(", ", COLUMN_NAMES));
        }
        for (Column required : List.of(Column.SITE_ID, Column.SITE_NAME)) {
            if (!columns.contains(required.header)) {
                throw Problem.badInput("problem.importMissingColumn", file, required.header);
            }
        }
    }

    private static String differences(Site a, Site b) {
        return Arrays.stream(Column.values())
                .filter(c -> c.siteField != null && !Objects.equals(c.siteField.apply(a), c.siteField.apply(b)))
                .map(c -> c.header)
                .collect(Collectors.joining(", "));
    }

    /** One row's checks; each failed check adds its reason and the row goes on being checked. */
    private static final class RowCheck {

        private final RegistryTable.Row row;
        private final List<RowError> errors = new ArrayList<>();

        RowCheck(RegistryTable.Row row) {
            this.row = row;
        }

        void error(String key, Object... args) {
            errors.add(new RowError(row.number(), key, args));
        }

        /** The cell, or empty when it is too long for its column (and the row then says so). */
        String text(Column column) {
            String text = row.cell(column.header);
            if (text.length() > column.maxLength) {
                error("import.tooLong", column.header, text.length(), column.maxLength);
                return "";
            }
            return text;
        }

        String required(Column column, String missingKey) {
            if (row.cell(column.header).isEmpty()) {
                error(missingKey);
                return "";
            }
            return text(column);
        }

        /** The row's site; only meaningful when the row has no errors. */
        Site site() {
            if (row.extraCells() > 0) {
                error("import.extraCells", row.extraCells());
            }
            String id = required(Column.SITE_ID, "import.missingSiteId");
            String name = required(Column.SITE_NAME, "import.missingSiteName");
            String country = text(Column.COUNTRY).toUpperCase(Locale.ROOT);
            if (!country.isEmpty() && !COUNTRIES.contains(country)) {
                error("import.badCountry", country);
            }
            String zone = text(Column.TIMEZONE);
            if (!zone.isEmpty() && !ZONES.contains(zone)) {
                error("import.badTimeZone", zone);
            }
            SlaTier tier = slaTier(text(Column.SLA_TIER));

            Double latitude = null;
            Double longitude = null;
            String lat = row.cell(Column.LATITUDE.header);
            String lon = row.cell(Column.LONGITUDE.header);
            if (lat.isEmpty() != lon.isEmpty()) {
                error("import.oneCoordinate");
            } else if (!lat.isEmpty()) {
                latitude = coordinate(Column.LATITUDE, lat, 90);
                longitude = coordinate(Column.LONGITUDE, lon, 180);
                if (latitude != null && longitude != null && latitude == 0 && longitude == 0) {
                    error("import.nullIsland");
                }
            }
            return new Site(id, name, text(Column.CUSTOMER), country, text(Column.REGION), latitude, longitude, zone,
                    tier, text(Column.MAINTENANCE_WINDOW), "");
        }

        /** The row's camera, or null for a row that only describes its site. */
        CameraSystem camera(String siteId) {
            if (row.cell(Column.CAMERA_ID.header).isEmpty()) {
                List<String> stray = CAMERA_DETAILS.stream()
                        .filter(c -> !row.cell(c.header).isEmpty()).map(c -> c.header).toList();
                if (!stray.isEmpty()) {
                    error("import.cameraWithoutId", String.join(", ", stray));
                }
                return null;
            }
            String hostname = text(Column.HOSTNAME);
            return new CameraSystem(text(Column.CAMERA_ID), siteId, hostname.isEmpty() ? null : hostname,
                    text(Column.SSH_ADDRESS), text(Column.JUMP_HOST), text(Column.SSM_NODE_ID),
                    text(Column.IOT_THING_NAME), text(Column.IMAGE), text(Column.SOFTWARE_VERSION));
        }

        /** Empty means the default tier (BRONZE). */
        private SlaTier slaTier(String text) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                return SlaTier.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error("import.badSlaTier", text);
                return null;
            }
        }

        /** Plain decimal degrees; BigDecimal refuses what Double.parseDouble would let through (NaN, 0x1p3, 5d). */
        private Double coordinate(Column column, String text, double limit) {
            double degrees;
            try {
                degrees = new BigDecimal(text).doubleValue();
            } catch (NumberFormatException e) {
                error("import.coordinateNotNumber", column.header, echo(text));
                return null;
            }
            if (Math.abs(degrees) > limit) {
                error("import.coordinateRange", column.header, echo(text), limit);
                return null;
            }
            return degrees;
        }

        private static String echo(String text) {
            return text.length() <= ECHO_LENGTH ? text : text.substring(0, ECHO_LENGTH - 1) + "…";
        }
    }
}
