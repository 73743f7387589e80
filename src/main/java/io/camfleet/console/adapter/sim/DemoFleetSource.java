package io.camfleet.console.adapter.sim;

import io.camfleet.console.adapter.sim.DemoCustomers.Customer;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.availability.HealthHistory;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo fleet: a deterministic, seeded simulation of a realistic camera fleet over real world cities.
 *
 * <p>The same seed and size give the same inventory and the same starting health; the same sequence of poll times
 * then gives the same telemetry. Each poll moves a few cameras between conditions (a full disk, a hot board, a
 * maintenance job, an update, a camera going silent and coming back) and now and then an ISP outage silences a
 * whole city or country for several minutes.
 */
public final class DemoFleetSource implements FleetSource {

    public static final int DEFAULT_SITES = 2_500;
    public static final int MAX_SITES = 20_000;
    public static final long DEFAULT_SEED = 42;
    static final Duration TICK = Duration.ofSeconds(3);
    /** How much history a new cache is given: last month whole, and this one so far. */
    public static final Duration HISTORY = Duration.ofDays(35);
    static final int HEARTBEAT_SECONDS = 45;

    private static final Map<String, Double> REGION_WEIGHT = Map.of(
            "NA", 30.0, "EU", 30.0, "APAC", 18.0, "LATAM", 8.0, "ME", 6.0, "OC", 4.0, "AF", 4.0);
    private static final String[][] RELEASES = {
            {"6.5.0", "0.06"}, {"6.4.2", "0.42"}, {"6.4.1", "0.22"}, {"6.3.7", "0.18"}, {"6.2.9", "0.09"},
            {"5.9.14", "0.03"}};
    private static final String[] DAYS = {"Sun", "Sun", "Sat", "Tue", "Wed"};

    private final int siteCount;
    private final long seed;
    private final List<WorldCity> cities;
    private FleetData inventory;
    private DemoSimulation simulation;
    /** What demo rollouts installed, by camera id: the simulated cameras run it from then on. */
    private final Map<String, String> installed = new HashMap<>();

    public DemoFleetSource(int siteCount, long seed, List<WorldCity> cities) {
        if (siteCount < 1 || siteCount > MAX_SITES) {
            throw Problem.badInput("problem.demoSitesOutOfRange", siteCount, MAX_SITES);
        }
        this.siteCount = siteCount;
        this.seed = seed;
        this.cities = List.copyOf(cities);
    }

    public DemoFleetSource(int siteCount, long seed) {
        this(siteCount, seed, WorldCities.load());
    }

    @Override
    public String name() {
        return "Demo fleet";
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    public int siteCount() {
        return siteCount;
    }

    public long seed() {
        return seed;
    }

    @Override
    public synchronized FleetData load(Instant now, Progress progress) {
        progress.update("Generating " + siteCount + " demo sites", 0, siteCount);
        if (inventory == null) {
            inventory = generate();
        }
        simulation = new DemoSimulation(inventory, seed, now);
        progress.update("Generated " + inventory.cameras().size() + " demo cameras", siteCount, siteCount);
        List<CameraSystem> cameras = installed.isEmpty() ? inventory.cameras() : inventory.cameras().stream()
                .map(c -> installed.containsKey(c.id()) ? c.withSoftwareVersion(installed.get(c.id())) : c).toList();
        return new FleetData(inventory.sites(), cameras, simulation.telemetryAt(now, false), simulation.since());
    }

    /**
     * Gives a new cache the demo fleet's past: {@code length} of history up to {@code now}, joining the state the live
     * feed starts in at {@code now}, so that a new user's availability figures are plausible at once. Nothing is
     * written into a history that has anything observed already.
     *
     * @return whether the history was written
     */
    public synchronized boolean backfill(HealthHistory history, Instant now, Duration length) {
        if (inventory == null) {
            inventory = generate();
        }
        FleetData fleet = inventory;
        DemoSimulation start = new DemoSimulation(fleet, seed, now);
        Instant[] quietUntil = new Instant[fleet.cameras().size()];
        for (int i = 0; i < quietUntil.length; i++) {
            quietUntil[i] = start.quietUntil(i);
        }
        Instant from = now.minus(length);
        return history.backfill(from, now, w -> new DemoHistory(fleet, seed).write(from, now, quietUntil, w));
    }

    @Override
    public synchronized void installed(Map<String, String> versionByCamera) {
        installed.putAll(versionByCamera);
    }

    @Override
    public synchronized Map<String, CameraTelemetry> poll(Instant now) {
        return simulation == null ? Map.of() : simulation.step(now);
    }

    @Override
    public Duration pollInterval() {
        return TICK;
    }

    /** Average cameras per site: 2.4 at the default size, rising to 5 at the largest. */
    static double camerasPerSite(int sites) {
        if (sites <= DEFAULT_SITES) {
            return 2.4;
        }
        return 2.4 + 2.6 * (sites - DEFAULT_SITES) / (double) (MAX_SITES - DEFAULT_SITES);
    }

    private FleetData generate() {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, List<WorldCity>> byRegion = new HashMap<>();
        for (WorldCity c : cities) {
            byRegion.computeIfAbsent(c.region(), k -> new ArrayList<>()).add(c);
        }
        double customerTotal = DemoCustomers.ALL.stream().mapToDouble(Customer::weight).sum();

        List<Site> sites = new ArrayList<>(siteCount);
        List<Customer> siteCustomer = new ArrayList<>(siteCount);
        double[] rawCameras = new double[siteCount];
        Map<String, Integer> nameCount = new HashMap<>();
        for (int i = 0; i < siteCount; i++) {
            Customer customer = pickCustomer(rnd, customerTotal);
            WorldCity city = pickCity(rnd, customer, byRegion);
            String facility = customer.industry().facilities.get(rnd.nextInt(customer.industry().facilities.size()));
            String base = city.name() + " " + facility;
            int n = nameCount.merge(customer.name() + "|" + base, 1, Integer::sum);
            String name = n == 1 ? base : base + " " + n;
            String id = city.countryCode() + "-" + pad(i + 1, 5);
            Double lat = city.latitude() + rnd.nextGaussian() * 0.06;
            Double lon = city.longitude() + rnd.nextGaussian() * 0.08;
            if (rnd.nextDouble() < 0.002) {
                // A registry gap, as real ones have: the site exists but nobody entered where.
                lat = null;
                lon = null;
            } else {
                lat = Math.max(-85, Math.min(85, lat));
                lon = ((lon + 540) % 360) - 180;
            }
            int windowStart = 1 + rnd.nextInt(4);
            String window = String.format(Locale.ROOT, "%s %02d:00-%02d:00", DAYS[rnd.nextInt(DAYS.length)],
                    windowStart, windowStart + 2);
            sites.add(new Site(id, name, customer.name(), city.countryCode(), city.region(), lat, lon,
                    city.timeZone(), customer.tiers().get(rnd.nextInt(customer.tiers().size())), window));
            siteCustomer.add(customer);
            rawCameras[i] = customer.industry().camerasPerSite * Math.exp(rnd.nextGaussian() * 0.45);
        }

        double rawTotal = 0;
        for (double r : rawCameras) {
            rawTotal += r;
        }
        double scale = siteCount * camerasPerSite(siteCount) / rawTotal;
        List<CameraSystem> cameras = new ArrayList<>((int) (siteCount * camerasPerSite(siteCount) * 1.1));
        int k = 0;
        for (int i = 0; i < siteCount; i++) {
            Site site = sites.get(i);
            int count = (int) Math.max(1, Math.min(40, Math.round(rawCameras[i] * scale)));
            String version = pickRelease(rnd);
            boolean mixed = count > 1 && rnd.nextDouble() < 0.08;
            String jump = "jump-" + site.region().toLowerCase(Locale.ROOT) + "-" + (1 + rnd.nextInt(3))
                    + ".ops.camfleet.example";
            String host = site.id().toLowerCase(Locale.ROOT).replace("-", "");
            for (int c = 1; c <= count; c++) {
                k++;
                String v = mixed && c == count ? pickRelease(rnd) : version;
                String cameraId = site.id() + "-C" + pad(c, 2);
                String hostname = "cam-" + host + "-" + pad(c, 2);
                String ssh = "10." + ((k >> 16) & 0xff) + "." + ((k >> 8) & 0xff) + "." + (k & 0xff);
                String hex = Long.toHexString(rnd.nextLong() & 0xfffffffffffffffL);
                String ssm = "mi-" + "0".repeat(17 - hex.length()) + hex;
                cameras.add(new CameraSystem(cameraId, site.id(), hostname, ssh, jump, ssm, hostname,
                        imageFor(v, rnd), v));
            }
        }
        return new FleetData(sites, cameras, Map.of());
    }

    /** {@code n} with leading zeros to {@code width} digits; String.format is too slow for 100,000 ids. */
    static String pad(int n, int width) {
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static Customer pickCustomer(SplittableRandom rnd, double total) {
        double x = rnd.nextDouble() * total;
        for (Customer c : DemoCustomers.ALL) {
            x -= c.weight();
            if (x < 0) {
                return c;
            }
        }
        return DemoCustomers.ALL.get(DemoCustomers.ALL.size() - 1);
    }

    private static WorldCity pickCity(SplittableRandom rnd, Customer customer, Map<String, List<WorldCity>> byRegion) {
        List<String> regions = customer.regions().isEmpty()
                ? List.of("NA", "EU", "APAC", "LATAM", "ME", "OC", "AF") : customer.regions();
        double total = 0;
        for (String r : regions) {
            total += REGION_WEIGHT.getOrDefault(r, 1.0);
        }
        double x = rnd.nextDouble() * total;
        String region = regions.get(regions.size() - 1);
        for (String r : regions) {
            x -= REGION_WEIGHT.getOrDefault(r, 1.0);
            if (x < 0) {
                region = r;
                break;
            }
        }
        List<WorldCity> candidates = byRegion.get(region);
        double weights = 0;
        for (WorldCity c : candidates) {
            weights += Math.sqrt(c.population());
        }
        double y = rnd.nextDouble() * weights;
        for (WorldCity c : candidates) {
            y -= Math.sqrt(c.population());
            if (y < 0) {
                return c;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    private static String pickRelease(SplittableRandom rnd) {
        double x = rnd.nextDouble();
        for (String[] r : RELEASES) {
            x -= Double.parseDouble(r[1]);
            if (x < 0) {
                return r[0];
            }
        }
        return RELEASES[RELEASES.length - 1][0];
    }

    private static String imageFor(String release, SplittableRandom rnd) {
        return switch (release) {
            case "6.5.0", "6.4.2" -> "camos-24.04.3-2026.11";
            case "6.4.1" -> rnd.nextDouble() < 0.8 ? "camos-24.04.2-2026.09" : "camos-24.04.3-2026.11";
            case "6.3.7" -> "camos-22.04.5-2026.05";
            default -> "camos-22.04.4-2025.12";
        };
    }
}
