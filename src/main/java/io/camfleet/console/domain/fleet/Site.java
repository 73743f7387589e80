package io.camfleet.console.domain.fleet;

import java.util.Objects;

/**
 * A physical location with camera systems.
 *
 * @param countryCode       ISO 3166-1 alpha-2
 * @param region            business region code (NA, LATAM, EU, ME, AF, APAC, OC, or what the source names)
 * @param latitude          WGS84 degrees; {@code null} when the registry does not know
 * @param longitude         WGS84 degrees; {@code null} when the registry does not know
 * @param timeZone          IANA zone id, e.g. {@code Europe/Amsterdam}
 * @param maintenanceWindow local window in the form {@code Sun 02:00-04:00}; may be empty
 * @param environment       the environment the site was synced from (an AWS environment's label such as
 *                          {@code prod-eu}); empty for the demo fleet and imported registries
 */
public record Site(
        String id,
        String name,
        String customer,
        String countryCode,
        String region,
        Double latitude,
        Double longitude,
        String timeZone,
        SlaTier slaTier,
        String maintenanceWindow,
        String environment) {

    /** A site that belongs to no named environment. */
    public Site(String id, String name, String customer, String countryCode, String region, Double latitude,
                Double longitude, String timeZone, SlaTier slaTier, String maintenanceWindow) {
        this(id, name, customer, countryCode, region, latitude, longitude, timeZone, slaTier, maintenanceWindow, "");
    }

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        customer = customer == null ? "" : customer;
        countryCode = countryCode == null ? "" : countryCode;
        region = region == null ? "" : region;
        timeZone = timeZone == null ? "" : timeZone;
        slaTier = slaTier == null ? SlaTier.BRONZE : slaTier;
        maintenanceWindow = maintenanceWindow == null ? "" : maintenanceWindow;
        environment = environment == null ? "" : environment;
    }

    /**
     * Whether the site can be drawn on a map: both coordinates known, in range, and not the "null island" 0/0 that
     * broken registries produce.
     */
    public boolean isPlaced() {
        return latitude != null && longitude != null
                && latitude >= -90 && latitude <= 90
                && longitude >= -180 && longitude <= 180
                && !(latitude == 0.0 && longitude == 0.0)
                && !latitude.isNaN() && !longitude.isNaN();
    }
}
