package io.camfleet.console.adapter.google;

import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic review devices for tests and benchmarks, the same for the same seed: makers' serial formats, current
 * Chromebook and tablet models, Chrome versions over a dozen milestones, syncs from minutes to weeks old, ends of
 * automatic updates from last year to 2033, a few devices with no reviewer, disabled or waiting for enrollment.
 */
public final class GeneratedDevices {

    private record Model(String name, String serialPrefix, int serialDigits, LocalDate updatesEnd) {
    }

    private static final List<Model> CHROMEBOOKS = List.of(
            new Model("HP Chromebook x360 14c", "5CD", 7, LocalDate.of(2029, 6, 30)),
            new Model("Acer Chromebook Spin 714", "NXK", 9, LocalDate.of(2033, 6, 30)),
            new Model("Lenovo ThinkPad C14 Gen 1 Chromebook", "PF", 6, LocalDate.of(2032, 6, 30)),
            new Model("ASUS Chromebox 5", "N8M0", 8, LocalDate.of(2032, 6, 30)),
            new Model("Dell Latitude 5430 Chromebook", "F", 6, LocalDate.of(2032, 6, 30)),
            new Model("HP Chromebook 11 G8 EE", "5CG", 7, LocalDate.of(2026, 6, 30)),
            new Model("Acer Chromebook 314", "NXH", 9, LocalDate.of(2025, 6, 30)));
    private static final List<Model> TABLETS = List.of(
            new Model("Samsung Galaxy Tab S9", "R5CW", 7, null),
            new Model("Samsung Galaxy Tab Active5", "R9TX", 7, null),
            new Model("Lenovo Tab P12", "HA1", 5, null));
    private static final List<String> SITES = List.of("Lisbon", "Porto", "Madrid", "Lyon", "Krakow");
    private static final String[] NAMES = {"ana", "bruno", "carla", "diogo", "eva", "filipe", "greta", "hugo",
        "ines", "joao", "katia", "luis", "marta", "nuno", "olga", "pedro"};

    private GeneratedDevices() {
    }

    /** {@code n} ChromeOS devices under {@code /Review/<site>}, most ACTIVE; {@code now} is the listing's time. */
    public static List<ReviewDevice> chromeos(int n, long seed, Instant now) {
        Random r = new Random(seed);
        List<ReviewDevice> devices = new ArrayList<>(n);
        int newest = 131;
        for (int i = 0; i < n; i++) {
            Model m = CHROMEBOOKS.get(r.nextInt(CHROMEBOOKS.size()));
            String site = SITES.get(r.nextInt(SITES.size()));
            int roll = r.nextInt(100);
            String status = roll < 88 ? "ACTIVE" : roll < 94 ? "DISABLED" : roll < 97 ? "PROVISIONED" : "INACTIVE";
            String reviewer = r.nextInt(100) < 8 ? "" : person(r, i);
            int milestone = newest - (r.nextInt(100) < 80 ? r.nextInt(3) : 3 + r.nextInt(9));
            String os = milestone + ".0." + (6000 + milestone * 5 + r.nextInt(40)) + "." + r.nextInt(200);
            Instant sync = now.minus(Duration.ofMinutes(r.nextInt(100) < 85 ? r.nextInt(60 * 24 * 7)
                    : 60 * 24 * (7 + r.nextInt(60))));
            Instant enrolled = now.minus(Duration.ofDays(30 + r.nextInt(900)));
            List<String> recent = reviewer.isEmpty() ? List.of() : List.of(reviewer, person(r, i + 1));
            devices.add(new ReviewDevice(uuid(r), DeviceType.CHROMEOS, serial(r, m, i), m.name(), status, reviewer,
                    site + ", review room " + (1 + r.nextInt(4)), "CF-" + (10000 + i), "/Review/" + site, os, sync,
                    m.updatesEnd(), enrolled, recent, r.nextInt(10) == 0 ? "Spare screen attached" : ""));
        }
        return devices;
    }

    /** {@code n} Android tablets, most APPROVED. */
    public static List<ReviewDevice> android(int n, long seed, Instant now) {
        Random r = new Random(seed);
        List<ReviewDevice> devices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Model m = TABLETS.get(r.nextInt(TABLETS.size()));
            int roll = r.nextInt(100);
            String status = roll < 85 ? "APPROVED" : roll < 93 ? "PENDING" : "BLOCKED";
            Instant sync = now.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 20)));
            String id = "AFiQxQ" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
            devices.add(new ReviewDevice(id, DeviceType.ANDROID, serial(r, m, i), m.name(), status, person(r, i + 7), "",
                    "", "", String.valueOf(12 + r.nextInt(3)), sync, null, now.minus(Duration.ofDays(20 + r.nextInt(600))),
                    List.of(), ""));
        }
        return devices;
    }

    private static String person(Random r, int i) {
        return NAMES[(i + r.nextInt(NAMES.length)) % NAMES.length] + "." + (i % 97) + "@review.camfleet.test";
    }

    /** The maker's prefix, random characters, and the device's number in the last four: unique in a run. */
    private static String serial(Random r, Model m, int i) {
        String alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        StringBuilder b = new StringBuilder(m.serialPrefix());
        for (int k = 0; k < m.serialDigits() - 4; k++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        StringBuilder number = new StringBuilder();
        for (int k = 0, left = i; k < 4; k++, left /= alphabet.length()) {
            number.insert(0, alphabet.charAt(left % alphabet.length()));
        }
        return b.append(number).toString();
    }

    private static String uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    /** A date as the API's autoUpdateThrough gives it. */
    static String through(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    }
}
