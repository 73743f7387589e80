package io.camfleet.console.service.map;

import io.camfleet.console.service.common.Problem;

import java.util.Locale;

/**
 * A part of the world to show: one of the business regions, or a box of longitudes and latitudes. A business region's
 * box is drawn around where the fleet's sites of that region lie (the demo's "EU" reaches Reykjavik and Novosibirsk),
 * not around the continent: the box is what a snapshot frames, and a frame wider than its sites takes in the Arctic.
 */
public record MapRegion(String name, double west, double south, double east, double north) {

    public static final MapRegion WORLD = new MapRegion("WORLD", -170, -56, 180, 76);

    /** Named regions, as the fleet's region codes use them. */
    public static MapRegion named(String code) {
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "WORLD" -> WORLD;
            case "NA" -> new MapRegion("NA", -168, 14, -50, 72);
            case "LATAM" -> new MapRegion("LATAM", -118, -56, -33, 33);
            case "EU" -> new MapRegion("EU", -25, 34, 85, 66);
            case "ME" -> new MapRegion("ME", 24, 11, 64, 43);
            case "AF" -> new MapRegion("AF", -20, -36, 60, 38);
            case "APAC" -> new MapRegion("APAC", 40, -12, 150, 55);
            case "OC" -> new MapRegion("OC", 110, -48, 180, -5);
            default -> null;
        };
    }

    public static final String[] NAMES = {"WORLD", "NA", "LATAM", "EU", "ME", "AF", "APAC", "OC"};

    /** The region code sites carry ({@code Site.region()}) when this is a business region; null for the world or a box. */
    public String regionCode() {
        return !name.equals(WORLD.name) && java.util.Arrays.asList(NAMES).contains(name) ? name : null;
    }

    /**
     * A region code (WORLD, NA, LATAM, EU, ME, AF, APAC, OC) or a box "west,south,east,north" in degrees.
     *
     * @throws Problem (bad input) with a sentence saying what was wrong
     */
    public static MapRegion parse(String text) {
        MapRegion named = named(text.strip());
        if (named != null) {
            return named;
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw Problem.badInput("problem.mapRegion", text);
        }
        try {
            double w = Double.parseDouble(parts[0].strip());
            double s = Double.parseDouble(parts[1].strip());
            double e = Double.parseDouble(parts[2].strip());
            double n = Double.parseDouble(parts[3].strip());
            if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) {
                throw Problem.badInput("problem.mapRegion", text);
            }
            return new MapRegion(text.strip(), w, s, e, n);
        } catch (NumberFormatException ex) {
            throw Problem.badInput("problem.mapRegion", text);
        }
    }
}
