package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.fleet.FleetInventory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fleet runs: cameras per software version, per OS image, and per image age. An image's age is counted
 * in whole UTC days from its build date as the images catalogue last read knows it; an image the catalogue does not
 * know (or with no catalogue, every image) is of unknown age, never guessed from its name.
 *
 * @param byVersion cameras per software version, most cameras first ("" for a camera that reports none)
 * @param byImage   cameras per image, most cameras first
 * @param byAge     cameras per age band, youngest first, {@link AgeBand#UNKNOWN} last
 */
public record FleetComposition(int cameras, List<Share> byVersion, List<ImageShare> byImage,
                               Map<AgeBand, Integer> byAge) {

    /** How many cameras have one value. */
    public record Share(String value, int cameras) {
    }

    /**
     * @param builtOn null when unknown
     * @param ageDays -1 when unknown
     */
    public record ImageShare(String image, int cameras, LocalDate builtOn, long ageDays) {
    }

    /** Image age bands, as patch compliance reads them (a quarter, half a year, a year). */
    public enum AgeBand {
        UNDER_90_DAYS, UNDER_180_DAYS, UNDER_365_DAYS, A_YEAR_OR_MORE, UNKNOWN;

        static AgeBand of(long days) {
            return days < 0 ? UNKNOWN : days < 90 ? UNDER_90_DAYS : days < 180 ? UNDER_180_DAYS
                    : days < 365 ? UNDER_365_DAYS : A_YEAR_OR_MORE;
        }
    }

    public FleetComposition {
        byVersion = List.copyOf(byVersion);
        byImage = List.copyOf(byImage);
        byAge = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byAge));
    }

    /** @param dates the images catalogue; {@link Optional#empty()} for every image when there is none */
    public static FleetComposition of(FleetInventory fleet, ImageBuildDates dates, LocalDate today) {
        Map<String, Integer> versions = new HashMap<>();
        Map<String, Integer> images = new HashMap<>();
        for (int i = 0; i < fleet.cameraCount(); i++) {
            CameraSystem c = fleet.camera(i);
            versions.merge(c.softwareVersion(), 1, Integer::sum);
            images.merge(c.image(), 1, Integer::sum);
        }
        List<Share> byVersion = new ArrayList<>();
        versions.forEach((v, n) -> byVersion.add(new Share(v, n)));
        byVersion.sort(Comparator.comparingInt(Share::cameras).reversed().thenComparing(Share::value));
        List<ImageShare> byImage = new ArrayList<>();
        Map<AgeBand, Integer> byAge = new LinkedHashMap<>();
        for (AgeBand band : AgeBand.values()) {
            byAge.put(band, 0);
        }
        images.forEach((image, n) -> {
            LocalDate built = image.isEmpty() ? null : dates.builtOn(image).orElse(null);
            long age = built == null ? -1 : Math.max(0, ChronoUnit.DAYS.between(built, today));
            byImage.add(new ImageShare(image, n, built, age));
            byAge.merge(AgeBand.of(age), n, Integer::sum);
        });
        byImage.sort(Comparator.comparingInt(ImageShare::cameras).reversed().thenComparing(ImageShare::image));
        return new FleetComposition(fleet.cameraCount(), byVersion, byImage, byAge);
    }

    /** Whether no image's age is known: the dashboard then says so instead of drawing one "unknown" bar. */
    public boolean agesUnknown() {
        return byAge.get(AgeBand.UNKNOWN) == cameras;
    }

    /** How many cameras run an image whose build date nobody has read (or report no image). */
    public int unknownAgeCameras() {
        return byAge.get(AgeBand.UNKNOWN);
    }
}
