package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep against the plainest possible count: random minute-aligned histories (overlapping, unsorted, open,
 * cameras joining and leaving, coverage gaps, a window across a clock change), judged minute by minute straight from
 * the rules, with {@link MaintenanceWindow#isOpen} asked at every minute.
 */
class SweepAgainstMinuteCountTest {

    private static final HealthState[] STATES = HealthState.all();
    private static final SiteDownRule[] RULES = {SiteDownRule.DEFAULT,
        new SiteDownRule(SiteDownRule.Kind.DARK, 0, true), new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 2, false),
        new SiteDownRule(SiteDownRule.Kind.AT_LEAST_PERCENT, 50, true)};
    private static final String[] DAYS = {"2026-10-25", "2026-03-29", "2026-10-21"};
    private static final String[] WINDOWS = {"Sun 01:00-03:00", "daily 00:30-01:45", "Sat-Sun 23:00-02:00", ""};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
    void randomDaysAgreeWithAMinuteByMinuteCount(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SiteDownRule rule = RULES[seed % RULES.length];
        Instant midnight = Instant.parse(DAYS[seed % DAYS.length] + "T00:00:00Z");
        Period period = new Period(midnight, midnight.plusSeconds(86_400));
        String windowText = WINDOWS[(seed / 3) % WINDOWS.length];
        Site site = new Site("s1", "Random", "Acme", "PT", "EU", null, null, "Europe/Lisbon", SlaTier.GOLD, windowText);

        List<CameraHistory> cameras = new ArrayList<>();
        int count = 1 + r.nextInt(5);
        for (int c = 0; c < count; c++) {
            Instant joined = r.nextInt(3) == 0 ? minute(midnight, r.nextInt(-120, 1_440)) : midnight.minusSeconds(86_400);
            Instant left = r.nextInt(4) == 0 ? minute(joined, r.nextInt(1, 1_600)) : null;
            List<StateSpan> spans = new ArrayList<>();
            for (int k = r.nextInt(12); k > 0; k--) {
                Instant from = minute(midnight, r.nextInt(-200, 1_500));
                Instant to = r.nextInt(15) == 0 ? null : minute(from, r.nextInt(0, 300));
                spans.add(new StateSpan(STATES[r.nextInt(STATES.length)], from, to));
            }
            cameras.add(new CameraHistory("c" + c, "s1", joined, left, spans));
        }
        List<Availability.Span> coverage = new ArrayList<>();
        int at = -60;
        while (at < 1_500) {
            int length = r.nextInt(60, 900);
            coverage.add(new Availability.Span(minute(midnight, at), minute(midnight, at + length)));
            at += length + (r.nextBoolean() ? 0 : r.nextInt(1, 120));
        }

        SiteFigures swept = new AvailabilityCalculator(rule, SlaTargets.DEFAULT).site(site, cameras, coverage, period);
        Counted counted = count(rule, windowText, cameras, coverage, period);

        for (int c = 0; c < count; c++) {
            Availability a = swept.cameras().get(c);
            Tally t = counted.cameras[c];
            assertThat(new long[] {a.observedSeconds(), a.noDataSeconds(), a.downSeconds(), a.maintenanceSeconds(),
                    a.incidents(), a.cameraSecondsLost()})
                    .as("camera c%d, seed %d", c, seed)
                    .containsExactly(t.observed, t.noData, t.down, t.planned, t.incidents, t.lost);
        }
        Availability s = swept.site();
        Tally t = counted.site;
        long lost = 0;
        for (Tally c : counted.cameras) {
            lost += c.lost;
        }
        assertThat(new long[] {s.observedSeconds(), s.noDataSeconds(), s.downSeconds(), s.maintenanceSeconds(),
                s.incidents(), s.cameraSecondsLost()})
                .as("site, seed %d", seed)
                .containsExactly(t.observed, t.noData, t.down, t.planned, t.incidents, lost);
    }

    private static Instant minute(Instant base, int minutes) {
        return base.plusSeconds(60L * minutes);
    }

    private static final class Tally {
        long observed;
        long noData;
        long down;
        long planned;
        long incidents;
        long lost;
        boolean inIncident;

        /** One minute: with or without data, in the window or not, down or not. */
        void minute(boolean data, boolean window, boolean isDown) {
            if (!data) {
                noData += 60;
                return;
            }
            if (window) {
                if (isDown) {
                    planned += 60;
                } else {
                    inIncident = false;
                }
                return;
            }
            observed += 60;
            if (isDown) {
                down += 60;
                if (!inIncident) {
                    incidents++;
                    inIncident = true;
                }
            } else {
                inIncident = false;
            }
        }
    }

    private record Counted(Tally site, Tally[] cameras) {
    }

    private static Counted count(SiteDownRule rule, String windowText, List<CameraHistory> cameras,
                                 List<Availability.Span> coverage, Period period) {
        MaintenanceWindow window = windowText.isBlank() ? null : MaintenanceWindow.parse(windowText);
        ZoneId zone = ZoneId.of("Europe/Lisbon");
        Tally site = new Tally();
        Tally[] perCamera = new Tally[cameras.size()];
        for (int c = 0; c < perCamera.length; c++) {
            perCamera[c] = new Tally();
        }
        for (Instant t = period.from(); t.isBefore(period.to()); t = t.plusSeconds(60)) {
            boolean covered = inside(coverage, t);
            boolean open = window != null && window.isOpen(t, zone);
            HealthState[] states = new HealthState[cameras.size()];
            int alive = 0;
            int known = 0;
            int offline = 0;
            int degraded = 0;
            for (int c = 0; c < states.length; c++) {
                states[c] = stateAt(cameras.get(c), t);
                if (states[c] == null) {
                    continue;
                }
                alive++;
                if (states[c] != HealthState.UNKNOWN) {
                    known++;
                }
                if (states[c] == HealthState.OFFLINE || states[c] == HealthState.MAINTENANCE) {
                    offline++;
                } else if (states[c] == HealthState.DEGRADED) {
                    degraded++;
                }
            }
            boolean siteDown = known > 0 && rule.isDown(offline, degraded, known);
            if (alive > 0) {
                site.minute(covered && known > 0, open, siteDown);
            }
            for (int c = 0; c < states.length; c++) {
                HealthState s = states[c];
                if (s == null) {
                    continue;
                }
                boolean down = s == HealthState.OFFLINE || s == HealthState.MAINTENANCE
                        || (s == HealthState.DEGRADED && rule.degradedCounts());
                boolean data = covered && s != HealthState.UNKNOWN;
                perCamera[c].minute(data, open, down);
                if (data && !open && down && !siteDown) {
                    perCamera[c].lost += 60;
                }
            }
        }
        return new Counted(site, perCamera);
    }

    /** The camera's state at {@code t}, {@code null} when it is not in the fleet then. */
    private static HealthState stateAt(CameraHistory camera, Instant t) {
        if (t.isBefore(camera.firstSeen()) || (camera.lastSeen() != null && !t.isBefore(camera.lastSeen()))) {
            return null;
        }
        HealthState worst = HealthState.ONLINE;
        for (StateSpan s : camera.spans()) {
            if (!t.isBefore(s.from()) && (s.to() == null || t.isBefore(s.to()))) {
                worst = HealthState.worst(worst, s.state());
            }
        }
        return worst;
    }

    private static boolean inside(List<Availability.Span> spans, Instant t) {
        for (Availability.Span s : spans) {
            if (!t.isBefore(s.from()) && t.isBefore(s.to())) {
                return true;
            }
        }
        return false;
    }
}
