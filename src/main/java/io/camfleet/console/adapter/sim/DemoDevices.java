package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The review devices of the demo directory, drawn from the seed: 270 Chromebooks and Chromeboxes and 30 Android
 * tablets at the review hubs, most of them compliant, with the problems a device manager meets every week. Dates are
 * drawn relative to {@code now} (the end of automatic updates included), so that the spread of problems looks the same
 * whichever day the demo runs.
 */
final class DemoDevices {

    static final int CHROMEOS = 266;
    static final int ANDROID = 30;
    /** Enrolled in the directory and still unannotated in {@link #ENROLLMENT}: for a provisioning round trip. */
    static final List<String> UNPROVISIONED = List.of("5CD5041QK7", "5CD5041QK8", "PF4WDM2A", "NXKE4EA0015041");
    static final String ENROLLMENT = "/Review/Enrollment";
    static final String DOMAIN = "review.example.com";

    /** The hubs where reviewers sit: each is an org unit {@code /Review/<city>}. */
    static final List<String> HUBS = List.of("Lisbon", "Warsaw", "Manila", "Bogota", "Nairobi", "Krakow", "Cebu",
            "Porto", "Bucharest", "Mexico City", "Cape Town", "Kuala Lumpur");

    private static final String[] FIRST = {"Ana", "Tomasz", "Maria", "Joao", "Grace", "Piotr", "Andrea", "Luis",
            "Wanjiru", "Ioana", "Carlos", "Siti", "Rafael", "Amara", "Mateus", "Kasia", "Jose", "Nadia", "Paolo",
            "Lerato", "Diego", "Aisha", "Marek", "Camila"};
    private static final String[] LAST = {"Silva", "Nowak", "Santos", "Reyes", "Otieno", "Popescu", "Garcia",
            "Kowalski", "Ferreira", "Mendoza", "Ndlovu", "Tan", "Costa", "Dumitru", "Lopez", "Wisniewska", "Cruz",
            "Kamau"};

    /** Models with their end of automatic updates, in days from today, and their share of the fleet. */
    private record Model(String name, String serialPrefix, int updatesForDays, int weight) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("HP Chromebook x360 14c", "5CD", 1_500, 30),
            new Model("Lenovo ThinkPad C14 Gen 1 Chromebook", "PF", 1_800, 20),
            new Model("Acer Chromebook Spin 714", "NXKA", 2_500, 15),
            new Model("ASUS Chromebox 5", "N5M0", 2_200, 10),
            new Model("Dell Latitude 5430 Chromebook", "DL5", 1_400, 12),
            // the ones nearing or past their end of updates: replacements the device manager has to plan
            new Model("Acer Chromebook Spin 311", "NXHU", 45, 5),
            new Model("HP Chromebook 14 G5", "5CG", -240, 4));

    /** ChromeOS versions by milestone, the newest first, with the share of devices on each. */
    private static final String[][] CHROME_VERSIONS = {
            {"131.0.6778.204", "0.42"}, {"130.0.6723.116", "0.32"}, {"129.0.6668.100", "0.19"},
            {"128.0.6613.137", "0.045"}, {"127.0.6533.103", "0.015"}, {"124.0.6367.225", "0.01"}};
    private static final String[][] ANDROID_VERSIONS = {{"14", "0.6"}, {"13", "0.27"}, {"12", "0.08"}, {"11", "0.05"}};
    private static final String[] TABLETS = {"Samsung Galaxy Tab S9 FE", "Lenovo Tab P11 Gen 2",
            "Samsung Galaxy Tab A9+"};

    private final SplittableRandom rnd;
    private final Instant now;
    private final List<String> listed;
    private final List<String> offList;

    private DemoDevices(long seed, Instant now) {
        this.rnd = new SplittableRandom(seed ^ 0x5EED_DE71CE5L);
        this.now = now;
        LinkedHashSet<String> names = new LinkedHashSet<>();
        while (names.size() < 125) {
            names.add(email(FIRST[rnd.nextInt(FIRST.length)], LAST[rnd.nextInt(LAST.length)]));
        }
        List<String> all = List.copyOf(names);
        // the last few left the review team, and their devices were never handed back
        this.listed = all.subList(0, 120);
        this.offList = all.subList(120, all.size());
    }

    /** The reviewers list of the demo: the members of its reviewers group. */
    static List<String> reviewers(long seed) {
        return new DemoDevices(seed, Instant.EPOCH).listed;
    }

    static List<ReviewDevice> generate(long seed, Instant now) {
        return new DemoDevices(seed, now).all();
    }

    private List<ReviewDevice> all() {
        List<ReviewDevice> out = new ArrayList<>(CHROMEOS + UNPROVISIONED.size() + ANDROID);
        for (int i = 0; i < CHROMEOS; i++) {
            out.add(chromebook(i));
        }
        for (String serial : UNPROVISIONED) {
            Instant enrolled = now.minus(Duration.ofMinutes(30 + rnd.nextInt(600)));
            out.add(new ReviewDevice(uuid(), DeviceType.CHROMEOS, serial, MODELS.get(0).name(), "ACTIVE", "", "", "",
                    ENROLLMENT, CHROME_VERSIONS[0][0], enrolled.plus(Duration.ofMinutes(5)),
                    updatesEnd(MODELS.get(0)), enrolled, List.of(), ""));
        }
        for (int i = 0; i < ANDROID; i++) {
            out.add(tablet(i));
        }
        return out;
    }

    private ReviewDevice chromebook(int i) {
        Model model = model();
        String hub = HUBS.get(rnd.nextInt(HUBS.size()));
        double fate = rnd.nextDouble();
        // 3 % lost and disabled, 1 % deprovisioned (returned), the rest in use
        String status = fate < 0.03 ? "DISABLED" : fate < 0.04 ? "DEPROVISIONED" : "ACTIVE";
        boolean active = "ACTIVE".equals(status);
        double who = rnd.nextDouble();
        String reviewer = active && who < 0.04 ? "" : who < 0.07 ? pick(offList) : pick(listed);
        // a handful have not synced for weeks: in a drawer, or lost without anyone saying so
        boolean silent = !active || rnd.nextDouble() < 0.04;
        Instant lastSync = silent ? now.minus(Duration.ofHours(24L * 15 + rnd.nextInt(24 * 45)))
                : now.minus(Duration.ofMinutes(rnd.nextInt(60 * 24 * 4)));
        String customer = DemoCustomers.ALL.get(rnd.nextInt(DemoCustomers.ALL.size())).name();
        String location = hub + " · " + customer + " desk " + (1 + rnd.nextInt(40));
        List<String> recent = reviewer.isEmpty() ? List.of()
                : rnd.nextDouble() < 0.25 ? List.of(reviewer, pick(listed)) : List.of(reviewer);
        String notes = "DISABLED".equals(status) ? "Reported lost " + lastSync.atOffset(ZoneOffset.UTC).toLocalDate()
                : "DEPROVISIONED".equals(status) ? "Returned to IT" : "";
        return new ReviewDevice(uuid(), DeviceType.CHROMEOS, serial(model.serialPrefix(), 10), model.name(), status,
                reviewer, location, String.format(Locale.ROOT, "RV-%05d", 10_100 + i), "/Review/" + hub,
                weighted(CHROME_VERSIONS), lastSync, updatesEnd(model),
                now.minus(Duration.ofDays(30 + rnd.nextInt(700))), recent, notes);
    }

    private ReviewDevice tablet(int i) {
        // one blocked, two waiting for approval, the rest approved
        String status = i == 0 ? "BLOCKED" : i <= 2 ? "PENDING" : "APPROVED";
        String reviewer = i > 2 && rnd.nextDouble() < 0.1 ? pick(offList) : pick(listed);
        boolean silent = rnd.nextDouble() < 0.05;
        Instant lastSync = silent ? now.minus(Duration.ofDays(15 + rnd.nextInt(30)))
                : now.minus(Duration.ofMinutes(rnd.nextInt(60 * 24 * 3)));
        return new ReviewDevice("AFiQxQ" + serial("", 20), DeviceType.ANDROID, "R5" + serial("", 9),
                TABLETS[rnd.nextInt(TABLETS.length)], status, reviewer, "", "", "", weighted(ANDROID_VERSIONS),
                lastSync, null, now.minus(Duration.ofDays(20 + rnd.nextInt(500))), List.of(reviewer), "");
    }

    private Model model() {
        int total = MODELS.stream().mapToInt(Model::weight).sum();
        int x = rnd.nextInt(total);
        for (Model m : MODELS) {
            x -= m.weight();
            if (x < 0) {
                return m;
            }
        }
        return MODELS.getLast();
    }

    private String weighted(String[][] shares) {
        double x = rnd.nextDouble();
        for (String[] s : shares) {
            x -= Double.parseDouble(s[1]);
            if (x < 0) {
                return s[0];
            }
        }
        return shares[shares.length - 1][0];
    }

    private LocalDate updatesEnd(Model model) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(model.updatesForDays());
    }

    private String pick(List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private String uuid() {
        return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }

    private String serial(String prefix, int length) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder s = new StringBuilder(prefix);
        while (s.length() < length) {
            s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String email(String first, String last) {
        return (first + "." + last).toLowerCase(Locale.ROOT) + "@" + DOMAIN;
    }
}
