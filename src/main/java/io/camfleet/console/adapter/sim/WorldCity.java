package io.camfleet.console.adapter.sim;

/** A real city the demo fleet places sites in. Coordinates and zones are facts from Natural Earth. */
public record WorldCity(String name, String countryCode, String country, String region, double latitude,
                        double longitude, String timeZone, long population) {
}
