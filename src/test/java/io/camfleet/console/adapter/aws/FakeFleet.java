package io.camfleet.console.adapter.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A fleet as an AWS account holds it, made up and deterministic: region groups, site groups under them with the site
 * attributes {@link FleetAttributes} reads, and things spread evenly over the sites with the camera attributes, as
 * {@link FleetSeeder} tags them on moto. Every thing reports the four health metrics of
 * {@link io.camfleet.console.service.environments.MetricNames#DEFAULT}, except every 50th: disconnected, silent for
 * two hours.
 */
public record FakeFleet(List<Group> groups, List<Thing> things) {

    /** A thing group: a region (no attributes, no parent) or a site. */
    public record Group(String name, String parent, String description, Map<String, String> attributes) {
    }

    /** A thing in one site group, connected or not since {@code since} (epoch ms). */
    public record Thing(String name, String group, Map<String, String> attributes, boolean connected, long since) {
    }

    private static final String[][] PLACES = {
        {"NL", "52.37", "4.89", "Europe/Amsterdam", "EU"}, {"DE", "52.52", "13.40", "Europe/Berlin", "EU"},
        {"FR", "48.86", "2.35", "Europe/Paris", "EU"}, {"US", "40.71", "-74.01", "America/New_York", "NA"},
        {"US", "34.05", "-118.24", "America/Los_Angeles", "NA"}, {"BR", "-23.55", "-46.63", "America/Sao_Paulo",
        "LATAM"}, {"JP", "35.68", "139.69", "Asia/Tokyo", "APAC"}, {"AU", "-33.87", "151.21", "Australia/Sydney",
        "APAC"}, {"ZA", "-26.20", "28.05", "Africa/Johannesburg", "MEA"}, {"AE", "25.20", "55.27", "Asia/Dubai", "MEA"},
    };
    private static final String[] TIERS = {"PLATINUM", "GOLD", "SILVER", "BRONZE"};

    /** {@code sites} site groups under five regions, and {@code things} things spread over them. */
    public static FakeFleet of(int sites, int things) {
        Random random = new Random(42);
        List<Group> groups = new ArrayList<>(sites + 5);
        for (String region : List.of("EU", "NA", "LATAM", "APAC", "MEA")) {
            groups.add(new Group(region, null, null, Map.of()));
        }
        for (int s = 0; s < sites; s++) {
            String[] place = PLACES[s % PLACES.length];
            Map<String, String> a = new LinkedHashMap<>();
            a.put("name", String.format(Locale.ROOT, "Site_%05d", s));
            a.put("customer", "Customer_" + (s % 97));
            a.put("country", place[0]);
            a.put("lat", String.format(Locale.ROOT, "%.4f", Double.parseDouble(place[1]) + random.nextGaussian()));
            a.put("lon", String.format(Locale.ROOT, "%.4f", Double.parseDouble(place[2]) + random.nextGaussian()));
            a.put("timezone", place[3]);
            a.put("slaTier", TIERS[s % TIERS.length]);
            a.put("maintenanceWindow", "Sun_02:00-04:00");
            groups.add(new Group(siteName(s), place[4], "Site " + s, a));
        }
        long now = System.currentTimeMillis();
        List<Thing> out = new ArrayList<>(things);
        for (int t = 0; t < things; t++) {
            int site = t % Math.max(1, sites);
            String name = String.format(Locale.ROOT, "cam-%06d", t);
            Map<String, String> a = new LinkedHashMap<>();
            a.put("softwareVersion", "6.4." + (t % 7));
            a.put("image", String.format(Locale.ROOT, "ami-%017x", 0x0abcL + t % 5));
            a.put("sshAddress", String.format(Locale.ROOT, "10.%d.%d.%d", (t >> 16) & 255, (t >> 8) & 255, t & 255));
            a.put("jumpHost", "bastion-" + (site % 10) + ".camfleet.example");
            a.put("ssmNodeId", String.format(Locale.ROOT, "mi-%017x", 0x1000000L + t));
            a.put("hostname", name + "." + siteName(site) + ".camfleet.example");
            a.put("mode", t % 100 == 0 ? "maintenance" : "normal");
            boolean connected = t % 50 != 0;
            out.add(new Thing(name, sites == 0 ? null : siteName(site), a, connected,
                    now - (connected ? 3_600_000L : 7_200_000L)));
        }
        return new FakeFleet(List.copyOf(groups), List.copyOf(out));
    }

    static String siteName(int site) {
        return String.format(Locale.ROOT, "site-%05d", site);
    }
}
