package io.camfleet.console.bench;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.AvailabilityCalculator;
import io.camfleet.console.domain.availability.CameraHistory;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.availability.SiteFigures;
import io.camfleet.console.domain.availability.SlaTargets;
import io.camfleet.console.domain.availability.StateSpan;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code availability-math}: the arithmetic alone, histories already in memory. One month of 100,000 cameras at 20,000
 * sites with about 5 non-ONLINE stretches each (some overlapping, some still open), 2 % of cameras joining and 1 %
 * leaving mid-month, maintenance windows in eight zones, two coverage gaps; every site's figures and its cameras', then
 * the customers' sums. One thread. Target: well under 500 ms.
 */
public final class AvailabilityMathBench {

    private static final int SITES = 20_000;
    private static final int CAMERAS_PER_SITE = 5;
    private static final String[] ZONES = {"Europe/Lisbon", "Europe/Amsterdam", "America/New_York",
        "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata", "UTC"};
    private static final String[] WINDOWS = {"Sun 02:00-04:00", "Sat,Sun 01:00-05:00", "Mon-Fri 22:00-02:00",
        "daily 01:00-03:00", ""};
    private static final HealthState[] STATES = {HealthState.OFFLINE, HealthState.OFFLINE, HealthState.DEGRADED,
        HealthState.DEGRADED, HealthState.MAINTENANCE, HealthState.UNKNOWN, HealthState.UPDATING};

    private AvailabilityMathBench() {
    }

    public static void run() {
        Period month = Period.month(YearMonth.of(2026, 10));
        long start = month.from().getEpochSecond();
        long length = month.seconds();
        SplittableRandom random = new SplittableRandom(11);
        List<Site> sites = new ArrayList<>(SITES);
        List<List<CameraHistory>> cameras = new ArrayList<>(SITES);
        int spans = 0;
        for (int s = 0; s < SITES; s++) {
            String id = "site-" + s;
            sites.add(new Site(id, id, "customer-" + (s % 400), "", "EU", null, null, ZONES[s % ZONES.length],
                    SlaTier.values()[s % SlaTier.values().length], WINDOWS[s % WINDOWS.length]));
            List<CameraHistory> here = new ArrayList<>(CAMERAS_PER_SITE);
            for (int c = 0; c < CAMERAS_PER_SITE; c++) {
                int churn = random.nextInt(100);
                Instant joined = churn < 2 ? Instant.ofEpochSecond(start + random.nextLong(length))
                        : month.from().minusSeconds(86_400L * 90);
                Instant left = churn == 2 ? Instant.ofEpochSecond(start + random.nextLong(length)) : null;
                if (left != null && left.isBefore(joined)) {
                    left = joined;
                }
                List<StateSpan> history = new ArrayList<>(5);
                int n = 3 + random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    long from = start - 3_600 + random.nextLong(length);
                    long duration = 60 + random.nextLong(random.nextInt(10) == 0 ? 86_400 : 3_600);
                    boolean open = k == n - 1 && random.nextInt(50) == 0;
                    history.add(new StateSpan(STATES[random.nextInt(STATES.length)], Instant.ofEpochSecond(from),
                            open ? null : Instant.ofEpochSecond(from + duration)));
                }
                spans += history.size();
                here.add(new CameraHistory(id + "-c" + c, id, joined, left, history));
            }
            cameras.add(here);
        }
        List<Availability.Span> coverage = List.of(
                new Availability.Span(month.from().minusSeconds(86_400), Instant.ofEpochSecond(start + 400_000)),
                new Availability.Span(Instant.ofEpochSecond(start + 410_800), Instant.ofEpochSecond(start + 1_500_000)),
                new Availability.Span(Instant.ofEpochSecond(start + 1_502_000), month.to()));
        Bench.note("availability-math: " + SITES + " sites, " + SITES * CAMERAS_PER_SITE + " cameras, " + spans
                + " stretches, one thread");

        AvailabilityCalculator calculator = new AvailabilityCalculator(SiteDownRule.DEFAULT, SlaTargets.DEFAULT);
        int runs = 15;
        double[] siteMs = new double[runs];
        double[] sumMs = new double[runs];
        double[] cpuMs = new double[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int r = -5; r < runs; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<Availability> siteFigures = new ArrayList<>(SITES);
            for (int s = 0; s < SITES; s++) {
                SiteFigures f = calculator.site(sites.get(s), cameras.get(s), coverage, month);
                siteFigures.add(f.site());
                checksum += f.site().downSeconds() + f.cameras().getLast().downSeconds();
            }
            long t1 = System.nanoTime();
            long cpu1 = threads.getCurrentThreadCpuTime();
            Map<String, List<Availability>> byCustomer = new HashMap<>();
            for (int s = 0; s < SITES; s++) {
                byCustomer.computeIfAbsent(sites.get(s).customer(), k -> new ArrayList<>()).add(siteFigures.get(s));
            }
            List<Availability> customers = new ArrayList<>();
            byCustomer.forEach((name, parts) -> customers.add(
                    AvailabilityCalculator.sum(Grouping.CUSTOMER, name, month, parts)));
            long t2 = System.nanoTime();
            checksum += customers.size();
            if (r >= 0) {
                siteMs[r] = (t1 - t0) / 1e6;
                sumMs[r] = (t2 - t1) / 1e6;
                cpuMs[r] = (cpu1 - cpu0) / 1e6;
            }
        }
        Bench.note("checksum " + checksum);
        Bench.report("availability-math", "site_month_100k", Bench.median(siteMs), "ms");
        Bench.report("availability-math", "site_month_100k_p90", Bench.percentile(siteMs, 90), "ms");
        // CPU time of the thread: what the figure would be on an idle core (the build machine is shared)
        Bench.report("availability-math", "site_month_100k_cpu", Bench.median(cpuMs), "ms");
        Bench.report("availability-math", "customer_sums_400", Bench.median(sumMs), "ms");
    }
}
