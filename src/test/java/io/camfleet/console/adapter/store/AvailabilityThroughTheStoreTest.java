package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.CameraHistory;
import io.camfleet.console.domain.availability.HandComputedMonth;
import io.camfleet.console.domain.availability.StateSpan;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.availability.SlaTargets;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.availability.AvailabilityService;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.HealthChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.MAINTENANCE;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static io.camfleet.console.domain.fleet.HealthState.ONLINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * October 2026 of two sites, written through the fleet cache as the fleet service writes it (a load, live changes,
 * a flush every 10 minutes, the console closed for 3 hours, a camera added) into the real database, read back by the
 * availability service, against figures computed by hand.
 *
 * <p>The month: 31 days = 2,678,400 s. The console runs all month but Oct 20 10:00-13:00 (no data: 10,800 s).
 * <ul>
 *   <li>Site A (NL-1, PLATINUM 99.99 %, window Sun 02:00-04:00 UTC): cameras A1, A2.
 *     <ul>
 *       <li>Oct 5: A1 OFFLINE 10:00-10:30, A2 OFFLINE 10:10-10:40. Dark 10:10-10:30: 1,200 s down, 1 incident;
 *           camera-seconds lost while the site was up: A1 10:00-10:10 + A2 10:30-10:40 = 1,200.</li>
 *       <li>Oct 11 (a Sunday): A1 and A2 MAINTENANCE 02:30-03:00, inside the window: 1,800 s of maintenance,
 *           listed, excluded.</li>
 *       <li>Oct 15: A1 DEGRADED 08:00-10:00: up by the default rule.</li>
 *       <li>Window: Sundays Oct 4, 11, 18, 25, 2 h each = 28,800 s, excluded. Observed: 2,678,400 - 10,800 - 28,800
 *           = 2,638,800 s. Uptime (2,638,800 - 1,200) / 2,638,800 = 99.954525 %. Budget round(2,638,800 * 0.0001)
 *           = 264 s; left 264 - 1,200 = -936 s.</li>
 *     </ul></li>
 *   <li>Site B (NL-2, GOLD 99.95 %, no window): camera B1; B2 added Oct 25 00:00.
 *     <ul>
 *       <li>Oct 20: B1 OFFLINE 09:00-12:00, across the closed console: down 09:00-10:00 = 3,600 s, 1 incident; the
 *           rest is no data.</li>
 *       <li>Oct 28: B1 OFFLINE 08:00-08:20 while B2 is ONLINE: not down; 1,200 camera-seconds lost.</li>
 *       <li>Observed 2,678,400 - 10,800 = 2,667,600 s. Budget round(2,667,600 * 0.0005) = 1,334 s; left -2,266 s.</li>
 *       <li>B2 counts from Oct 25 00:00: observed 7 days = 604,800 s.</li>
 *     </ul></li>
 *   <li>Customer Northwind (both): observed 5,306,400 s, down 4,800 s, 2 incidents, no data 21,600 s, maintenance
 *       1,800 s, camera-seconds lost 2,400.</li>
 *   <li>Under "down when at least 1 camera is OFFLINE", site A is down 10:00-10:40 on Oct 5: 2,400 s, and loses no
 *       camera-seconds.</li>
 * </ul>
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class AvailabilityThroughTheStoreTest {

    @Parameter
    StoreEngine engine;

    private static final Period OCTOBER = Period.month(YearMonth.of(2026, 10));

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcFleetCache cache;
    private final AtomicReference<AvailabilitySettings> settings = new AtomicReference<>(AvailabilitySettings.DEFAULT);

    private final Site a = new Site("NL-1", "Amsterdam Hub", "Northwind", "NL", "EU", 52.37, 4.89, "UTC",
            SlaTier.PLATINUM, "Sun 02:00-04:00");
    private final Site b = new Site("NL-2", "Utrecht Depot", "Northwind", "NL", "EU", 52.09, 5.12, "UTC",
            SlaTier.GOLD, "");
    private final CameraSystem a1 = camera("NL-1-C01", "NL-1");
    private final CameraSystem a2 = camera("NL-1-C02", "NL-1");
    private final CameraSystem b1 = camera("NL-2-C01", "NL-2");
    private final CameraSystem b2 = camera("NL-2-C02", "NL-2");

    private static CameraSystem camera(String id, String site) {
        return new CameraSystem(id, site, id.toLowerCase(), "", "", "", "", "", "6.4.2");
    }

    private static Instant at(String dayTime) {
        return Instant.parse("2026-" + dayTime + ":00Z");
    }

    @BeforeEach
    void open() {
        db = engine.open(dir);
        cache = new JdbcFleetCache(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Writes the month as the fleet service would: changes as they happen, a flush every 10 minutes. */
    private void writeTheMonth() {
        List<HealthChange> changes = new ArrayList<>(List.of(
                change(a1, ONLINE, OFFLINE, "10-05T10:00"), change(a2, ONLINE, OFFLINE, "10-05T10:10"),
                change(a1, OFFLINE, ONLINE, "10-05T10:30"), change(a2, OFFLINE, ONLINE, "10-05T10:40"),
                change(a1, ONLINE, MAINTENANCE, "10-11T02:30"), change(a2, ONLINE, MAINTENANCE, "10-11T02:30"),
                change(a1, MAINTENANCE, ONLINE, "10-11T03:00"), change(a2, MAINTENANCE, ONLINE, "10-11T03:00"),
                change(a1, ONLINE, DEGRADED, "10-15T08:00"), change(a1, DEGRADED, ONLINE, "10-15T10:00"),
                change(b1, ONLINE, OFFLINE, "10-20T09:00"),
                change(b1, OFFLINE, ONLINE, "10-28T08:20")));
        changes.add(11, change(b1, ONLINE, OFFLINE, "10-28T08:00"));
        Instant start = OCTOBER.from();
        cache.replaceFleet(new FleetData(List.of(a, b), List.of(a1, a2, b1), Map.of()),
                List.of(change(a1, null, ONLINE, start), change(a2, null, ONLINE, start),
                        change(b1, null, ONLINE, start)), "Demo", start);
        Instant closed = at("10-20T10:00");
        Instant reopened = at("10-20T13:00");
        Instant added = at("10-25T00:00");
        for (Instant t = start.plus(Duration.ofMinutes(10)); !t.isAfter(OCTOBER.to());
             t = t.plus(Duration.ofMinutes(10))) {
            if (t.isAfter(closed) && t.isBefore(reopened)) {
                continue; // the console is closed: nothing is written
            }
            Instant now = t;
            List<HealthChange> due = new ArrayList<>();
            while (!changes.isEmpty() && !changes.getFirst().at().isAfter(now)) {
                due.add(changes.removeFirst());
            }
            if (now.equals(reopened)) {
                // B1 came back at 12:00 while the console was closed; the reload dates it so.
                due.add(change(b1, OFFLINE, ONLINE, "10-20T12:00"));
            }
            if (now.equals(added)) {
                cache.replaceFleet(new FleetData(List.of(a, b), List.of(a1, a2, b1, b2), Map.of()),
                        List.of(change(b2, null, ONLINE, now)), "Demo", now);
            }
            cache.update(Map.of(), due, now);
        }
        assertThat(changes).as("every change was written").isEmpty();
    }

    private static HealthChange change(CameraSystem c, HealthState from, HealthState to, String when) {
        return change(c, from, to, at(when));
    }

    private static HealthChange change(CameraSystem c, HealthState from, HealthState to, Instant when) {
        return new HealthChange(c.id(), from, to, when);
    }

    private AvailabilityService service() {
        return new AvailabilityService(new JdbcHealthHistory(db.dataSource()),
                () -> FleetInventory.of(List.of(a, b), List.of(a1, a2, b1, b2)), settings::get);
    }

    private static Map<String, Availability> bySubject(List<Availability> figures) {
        return figures.stream().collect(Collectors.toMap(Availability::subject, Function.identity()));
    }

    @Test
    void octoberOfTwoSitesMatchesTheHandComputation() {
        writeTheMonth();
        AvailabilityService service = service();

        Map<String, Availability> sites = bySubject(service.by(Grouping.SITE, OCTOBER));
        Availability siteA = sites.get("NL-1");
        assertThat(siteA.noDataSeconds()).isEqualTo(10_800);
        assertThat(siteA.observedSeconds()).isEqualTo(2_638_800);
        assertThat(siteA.downSeconds()).isEqualTo(1_200);
        assertThat(siteA.incidents()).isEqualTo(1);
        assertThat(siteA.cameraSecondsLost()).isEqualTo(1_200);
        assertThat(siteA.maintenance()).containsExactly(
                new Availability.Span(at("10-11T02:30"), at("10-11T03:00")));
        assertThat(siteA.maintenanceSeconds()).isEqualTo(1_800);
        assertThat(siteA.uptimePercent()).isCloseTo(99.954525, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(siteA.budgetSeconds()).isEqualTo(264);
        assertThat(siteA.budgetLeftSeconds()).isEqualTo(-936);

        Availability siteB = sites.get("NL-2");
        assertThat(siteB.noDataSeconds()).isEqualTo(10_800);
        assertThat(siteB.observedSeconds()).isEqualTo(2_667_600);
        assertThat(siteB.downSeconds()).isEqualTo(3_600);
        assertThat(siteB.incidents()).isEqualTo(1);
        assertThat(siteB.cameraSecondsLost()).isEqualTo(1_200);
        assertThat(siteB.maintenanceSeconds()).isZero();
        assertThat(siteB.budgetLeftSeconds()).isEqualTo(1_334 - 3_600);

        Map<String, Availability> cameras = bySubject(service.by(Grouping.CAMERA, OCTOBER));
        assertThat(cameras.get("NL-1-C01").downSeconds()).isEqualTo(1_800);
        assertThat(cameras.get("NL-1-C01").maintenanceSeconds()).isEqualTo(1_800);
        assertThat(cameras.get("NL-2-C02").observedSeconds()).isEqualTo(604_800);
        assertThat(cameras.get("NL-2-C02").downSeconds()).isZero();

        Availability northwind = bySubject(service.by(Grouping.CUSTOMER, OCTOBER)).get("Northwind");
        assertThat(northwind.observedSeconds()).isEqualTo(5_306_400);
        assertThat(northwind.downSeconds()).isEqualTo(4_800);
        assertThat(northwind.incidents()).isEqualTo(2);
        assertThat(northwind.noDataSeconds()).isEqualTo(21_600);
        assertThat(northwind.maintenanceSeconds()).isEqualTo(1_800);
        assertThat(northwind.cameraSecondsLost()).isEqualTo(2_400);

        assertThat(service.sites(List.of("NL-2", "XX-9"), OCTOBER)).containsOnlyKeys("NL-2")
                .containsEntry("NL-2", siteB);
    }

    @Test
    void theArithmeticsHandComputedLisbonMonthGivesTheSameFiguresThroughTheStore() {
        // The month of domain.availability.HandComputedMonth (its comment holds the hand computation), written as the
        // fleet service would write it: each stretch a change into its state and one back to ONLINE, a flush every
        // 10 minutes, nothing while the console is closed (Oct 12 10:00-13:00), c3 loaded into the fleet Oct 16.
        Site site = HandComputedMonth.SITE;
        List<HealthChange> changes = new ArrayList<>();
        for (CameraHistory h : HandComputedMonth.CAMERAS) {
            for (StateSpan span : h.spans()) {
                changes.add(new HealthChange(h.cameraId(), ONLINE, span.state(), span.from()));
                if (span.to() != null) {
                    changes.add(new HealthChange(h.cameraId(), span.state(), ONLINE, span.to()));
                }
            }
        }
        changes.sort(java.util.Comparator.comparing(HealthChange::at));
        CameraSystem c1 = camera("lis-01-c1", site.id());
        CameraSystem c2 = camera("lis-01-c2", site.id());
        CameraSystem c3 = camera("lis-01-c3", site.id());
        Instant start = OCTOBER.from();
        cache.replaceFleet(new FleetData(List.of(site), List.of(c1, c2), Map.of()),
                List.of(change(c1, null, ONLINE, start), change(c2, null, ONLINE, start)), "Demo", start);
        Instant closed = at("10-12T10:00");
        Instant reopened = at("10-12T13:00");
        for (Instant t = start.plus(Duration.ofMinutes(10)); !t.isAfter(OCTOBER.to());
             t = t.plus(Duration.ofMinutes(10))) {
            if (t.isAfter(closed) && t.isBefore(reopened)) {
                continue;
            }
            if (t.equals(at("10-16T00:00"))) {
                cache.replaceFleet(new FleetData(List.of(site), List.of(c1, c2, c3), Map.of()),
                        List.of(change(c3, null, ONLINE, t)), "Demo", t);
            }
            List<HealthChange> due = new ArrayList<>();
            while (!changes.isEmpty() && !changes.getFirst().at().isAfter(t)) {
                due.add(changes.removeFirst());
            }
            cache.update(Map.of(), due, t);
        }
        assertThat(changes).isEmpty();

        AvailabilityService service = new AvailabilityService(new JdbcHealthHistory(db.dataSource()),
                () -> FleetInventory.of(List.of(site), List.of(c1, c2, c3)), settings::get);
        assertThat(service.sites(List.of(site.id()), HandComputedMonth.PERIOD).get(site.id()))
                .isEqualTo(HandComputedMonth.SITE_FIGURES);
        assertThat(bySubject(service.by(Grouping.CAMERA, HandComputedMonth.PERIOD)))
                .isEqualTo(bySubject(HandComputedMonth.CAMERA_FIGURES));
    }

    @Test
    void aCameraRemovedDuringTheMonthKeepsItsPastInItsSite() {
        // A1 and A2 from Oct 1; A2 OFFLINE Oct 3 10:00-11:00 while A1 is ONLINE: the site is not dark, 3,600
        // camera-seconds lost. A2 leaves the fleet Oct 10; its hour still counts for October, and it is listed.
        Instant start = OCTOBER.from();
        cache.replaceFleet(new FleetData(List.of(a), List.of(a1, a2), Map.of()),
                List.of(change(a1, null, ONLINE, start), change(a2, null, ONLINE, start)), "Demo", start);
        for (Instant t = start.plus(Duration.ofMinutes(10)); t.isBefore(at("10-10T00:00"));
             t = t.plus(Duration.ofMinutes(10))) {
            List<HealthChange> due = t.equals(at("10-03T10:00")) ? List.of(change(a2, ONLINE, OFFLINE, t))
                    : t.equals(at("10-03T11:00")) ? List.of(change(a2, OFFLINE, ONLINE, t)) : List.of();
            cache.update(Map.of(), due, t);
        }
        cache.replaceFleet(new FleetData(List.of(a), List.of(a1), Map.of()), List.of(), "Demo", at("10-10T00:00"));

        AvailabilityService service = new AvailabilityService(new JdbcHealthHistory(db.dataSource()),
                () -> FleetInventory.of(List.of(a), List.of(a1)), settings::get);
        Availability site = service.sites(List.of("NL-1"), OCTOBER).get("NL-1");
        assertThat(site.cameraSecondsLost()).isEqualTo(3_600);
        assertThat(site.downSeconds()).isZero();
        assertThat(bySubject(service.by(Grouping.CAMERA, OCTOBER))).containsOnlyKeys("NL-1-C01", "NL-1-C02");
    }

    @Test
    void aChangedRuleInSettingsShowsAtTheNextQuestion() {
        writeTheMonth();
        AvailabilityService service = service();
        assertThat(service.sites(List.of("NL-1"), OCTOBER).get("NL-1").downSeconds()).isEqualTo(1_200);

        settings.set(new AvailabilitySettings(new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 1, false),
                SlaTargets.DEFAULT, 400));

        Availability siteA = service.sites(List.of("NL-1"), OCTOBER).get("NL-1");
        assertThat(service.rule().kind()).isEqualTo(SiteDownRule.Kind.AT_LEAST);
        assertThat(siteA.downSeconds()).isEqualTo(2_400);
        assertThat(siteA.cameraSecondsLost()).isZero();
        assertThat(siteA.incidents()).isEqualTo(1);
    }
}
