package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a fleet is tagged in AWS IoT, in one place; the README's "Connecting to AWS" section documents the same names.
 *
 * <ul>
 *   <li>A camera system is an IoT <em>thing</em>. Its attributes: {@value #VERSION}, {@value #IMAGE},
 *       {@value #SSH}, {@value #JUMP}, {@value #SSM}, {@value #HOSTNAME} and {@value #MODE}.</li>
 *   <li>A site is an IoT <em>thing group</em> with at least one site attribute: {@value #NAME},
 *       {@value #CUSTOMER}, {@value #COUNTRY}, {@value #LAT}, {@value #LON}, {@value #TIMEZONE},
 *       {@value #SLA_TIER}, {@value #MAINTENANCE_WINDOW} (and optionally {@value #REGION}). Other groups are
 *       regions: a site nested under one takes its top-level group's name as region, unless it names one.</li>
 * </ul>
 * Ids carry the environment ({@code prod-eu/ams-01}), so that environments merge without clashes. A value that
 * cannot be read is left out rather than guessed: coordinates that are not numbers make the site unplaced (listed,
 * never drawn at 0/0); an unknown SLA tier reads as BRONZE. AWS allows no spaces in attribute values, so in the
 * name, the customer and the maintenance window an underscore reads as a space.
 */
final class FleetAttributes {

    static final String NAME = "name";
    static final String CUSTOMER = "customer";
    static final String COUNTRY = "country";
    static final String LAT = "lat";
    static final String LON = "lon";
    static final String TIMEZONE = "timezone";
    static final String SLA_TIER = "slaTier";
    static final String MAINTENANCE_WINDOW = "maintenanceWindow";
    static final String REGION = "region";

    static final String VERSION = "softwareVersion";
    static final String IMAGE = "image";
    static final String SSH = "sshAddress";
    static final String JUMP = "jumpHost";
    static final String SSM = "ssmNodeId";
    static final String HOSTNAME = "hostname";
    static final String MODE = "mode";

    private static final Set<String> SITE_KEYS =
            Set.of(NAME, CUSTOMER, COUNTRY, LAT, LON, TIMEZONE, SLA_TIER, MAINTENANCE_WINDOW);
    /** The site that holds things in no site group. */
    static final String NO_SITE = "(no site)";

    private FleetAttributes() {
    }

    static boolean isSite(Map<String, String> attributes) {
        return attributes.keySet().stream().anyMatch(SITE_KEYS::contains);
    }

    static String siteId(String environment, String group) {
        return environment + "/" + group;
    }

    static String cameraId(String environment, String thing) {
        return environment + "/" + thing;
    }

    /**
     * @param description the group's description, the site's name when it has no {@value #NAME} attribute (AWS
     *                    allows no spaces in attribute values; descriptions may have them)
     * @param ancestors   the group's ancestors, top-level first
     */
    static Site site(String environment, String group, String description, List<String> ancestors,
                     Map<String, String> a) {
        String name = spaced(a.get(NAME));
        if (name.isEmpty()) {
            name = description == null || description.isBlank() ? group : description.strip();
        }
        String region = text(a.get(REGION));
        if (region.isEmpty() && !ancestors.isEmpty()) {
            region = ancestors.get(0);
        }
        return new Site(siteId(environment, group), name, spaced(a.get(CUSTOMER)), country(a.get(COUNTRY)), region,
                coordinate(a.get(LAT), 90), coordinate(a.get(LON), 180), zone(a.get(TIMEZONE)), tier(a.get(SLA_TIER)),
                spaced(a.get(MAINTENANCE_WINDOW)), environment);
    }

    /** The site for things that are in no site group: listed as unplaced, so that they are not lost. */
    static Site noSite(String environment) {
        return new Site(siteId(environment, NO_SITE), "Cameras in no site group (" + environment + ")", "", "", "",
                null, null, "", SlaTier.BRONZE, "", environment);
    }

    static CameraSystem camera(String environment, String thing, String siteId, Map<String, String> a) {
        String hostname = text(a.get(HOSTNAME));
        return new CameraSystem(cameraId(environment, thing), siteId, hostname.isEmpty() ? thing : hostname,
                text(a.get(SSH)), text(a.get(JUMP)), text(a.get(SSM)), thing, text(a.get(IMAGE)),
                text(a.get(VERSION)));
    }

    static OperatingMode mode(Map<String, String> a) {
        String mode = text(a.get(MODE)).toUpperCase(Locale.ROOT);
        for (OperatingMode m : OperatingMode.values()) {
            if (m.name().equals(mode)) {
                return m;
            }
        }
        return OperatingMode.NORMAL;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** AWS allows no spaces in attribute values: in text meant for people, {@code _} stands for one. */
    private static String spaced(String value) {
        return text(value).replace('_', ' ');
    }

    /** A number within ±{@code limit}, or null: never 0 for something unreadable. */
    static Double coordinate(String value, double limit) {
        try {
            double d = Double.parseDouble(text(value));
            return Double.isFinite(d) && Math.abs(d) <= limit ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String country(String value) {
        String c = text(value).toUpperCase(Locale.ROOT);
        return c.matches("[A-Z]{2}") ? c : "";
    }

    private static String zone(String value) {
        String z = text(value);
        try {
            return z.isEmpty() ? "" : ZoneId.of(z).getId();
        } catch (DateTimeException e) {
            return "";
        }
    }

    private static SlaTier tier(String value) {
        String t = text(value).toUpperCase(Locale.ROOT);
        for (SlaTier s : SlaTier.values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        return SlaTier.BRONZE;
    }
}
