package io.camfleet.console.service.environments;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.SourceCalls;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fleet of several environments as one source: which environments a load syncs and how (full or incremental),
 * what it serves, what it reports when some or all cannot be reached, and what it removes.
 */
class EnvironmentsFleetSourceTest {

    private static final Environment EU = Environment.of("prod-eu", "ops-eu", "eu-west-1", "");
    private static final Environment US = Environment.of("prod-us", "ops-us", "us-east-1", "");
    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final LabelledCache cache = new LabelledCache();
    private final World world = new World();
    private final EnvironmentSync sync = new EnvironmentSync(world, cache, clock);

    /** Each environment's fleet as it is; an environment told to fail throws, one told to warn warns. */
    private final class World implements EnvironmentReader {
        final Map<String, List<String>> cameras = new HashMap<>();
        final Map<String, Problem> fails = new HashMap<>();
        final Map<String, Problem> warns = new HashMap<>();
        final List<String> read = new ArrayList<>();

        @Override
        public void read(Environment environment, SyncSink sink, Progress progress) {
            String label = environment.label();
            read.add(label);
            clock.advance(Duration.ofMinutes(1));
            if (fails.containsKey(label)) {
                throw fails.get(label);
            }
            sink.readThrough(SyncReport.Path.FLEET_INDEX);
            sink.called("iot:SearchIndex");
            sink.called("iot:SearchIndex");
            sink.called("cloudwatch:ListMetrics");
            if (warns.containsKey(label)) {
                sink.warning(warns.get(label));
            }
            sink.sites(List.of(site("S-" + label, label)));
            List<CameraSystem> page = new ArrayList<>();
            Map<String, CameraTelemetry> telemetry = new HashMap<>();
            for (String id : cameras.getOrDefault(label, List.of())) {
                page.add(new CameraSystem(id, "S-" + label, "h-" + id, "", "", "", id, "camos", "6.4.2"));
                telemetry.put(id, new CameraTelemetry(START, OperatingMode.NORMAL, 600.0, 40.0, 45.0));
            }
            sink.cameras(page, telemetry);
        }

        @Override
        public CallerIdentity identity(Environment environment) {
            return new CallerIdentity("1", "arn:aws:iam::1:user/t");
        }

        @Override
        public List<AwsProfile> profiles() {
            return List.of();
        }
    }

    /** A sync cache that keeps each environment's rows apart, as the H2 one does. */
    private static final class LabelledCache implements SyncCache {
        final Map<String, Map<String, Site>> sites = new LinkedHashMap<>();
        final Map<String, Map<String, CameraSystem>> cameras = new LinkedHashMap<>();
        final Map<String, Map<String, CameraTelemetry>> telemetry = new HashMap<>();
        final Map<String, Instant> asOf = new HashMap<>();
        final List<Set<String>> retained = new ArrayList<>();

        @Override
        public FleetData readEnvironment(String environment) {
            return new FleetData(List.copyOf(sites.getOrDefault(environment, Map.of()).values()),
                    List.copyOf(cameras.getOrDefault(environment, Map.of()).values()),
                    telemetry.getOrDefault(environment, Map.of()));
        }

        @Override
        public List<Clipped> writePage(String environment, List<Site> s, List<CameraSystem> c,
                                       Map<String, CameraTelemetry> t) {
            s.forEach(x -> sites.computeIfAbsent(environment, e -> new LinkedHashMap<>()).put(x.id(), x));
            c.forEach(x -> cameras.computeIfAbsent(environment, e -> new LinkedHashMap<>()).put(x.id(), x));
            telemetry.computeIfAbsent(environment, e -> new HashMap<>()).putAll(t);
            return List.of();
        }

        @Override
        public void finishSync(String environment, Collection<String> goneSites, Collection<String> goneCameras,
                               String source, Instant at, boolean full) {
            goneSites.forEach(id -> sites.getOrDefault(environment, new HashMap<>()).remove(id));
            goneCameras.forEach(id -> cameras.getOrDefault(environment, new HashMap<>()).remove(id));
            asOf.put(environment, at);
        }

        @Override
        public List<Removed> retainEnvironments(Set<String> environments) {
            retained.add(Set.copyOf(environments));
            List<Removed> out = new ArrayList<>();
            for (String e : List.copyOf(sites.keySet())) {
                if (!environments.contains(e)) {
                    out.add(new Removed(e, sites.remove(e).size(), cameras.getOrDefault(e, Map.of()).size()));
                    cameras.remove(e);
                    telemetry.remove(e);
                    asOf.remove(e);
                }
            }
            return out;
        }

        @Override
        public Map<String, Instant> environmentsAsOf() {
            return Map.copyOf(asOf);
        }
    }

    private static Site site(String id, String environment) {
        return new Site(id, "Site " + id, "Acme", "NL", "EU", 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD, "",
                environment);
    }

    private EnvironmentsFleetSource source(List<Environment> environments) {
        return new EnvironmentsFleetSource(environments, sync, cache);
    }

    private static List<String> ids(FleetData data) {
        List<String> ids = new ArrayList<>();
        data.sites().forEach(s -> ids.add(s.id()));
        data.cameras().forEach(c -> ids.add(c.id()));
        return ids;
    }

    @Test
    void aSourceWithoutEnvironmentsOrWithNoneToSyncIsBadInput() {
        assertThatThrownBy(() -> new EnvironmentsFleetSource(List.of(), sync, cache))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("environment.none");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                });
        assertThatThrownBy(() -> new EnvironmentsFleetSource(List.of(EU), List.of(), sync, cache))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("environment.none"));
    }

    @Test
    void aLabelToSyncThatIsNotConfiguredIsBadInputListingTheConfiguredOnesSorted() {
        assertThatThrownBy(() -> new EnvironmentsFleetSource(List.of(US, EU), List.of("prod-eu", "prod-ap"), sync,
                cache))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("env.unknown");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    assertThat(p.args()).containsExactly("prod-ap", "prod-eu, prod-us");
                });
    }

    @Test
    void itIsNamedAfterItsEnvironmentsInOrderAndPollsEveryFifteenSeconds() {
        EnvironmentsFleetSource source = source(List.of(US, EU));

        assertThat(source.name()).isEqualTo("AWS: prod-us, prod-eu");
        assertThat(source.environments()).containsExactly(US, EU);
        assertThat(source.pollInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void beforeAnyLoadItHasNoAsOfProblemsReportsCallsOrRemovals() {
        EnvironmentsFleetSource source = source(List.of(EU));

        assertThat(source.storedAsOf()).isEmpty();
        assertThat(source.problems()).isEmpty();
        assertThat(source.reports()).isEmpty();
        assertThat(source.calls()).isEmpty();
        assertThat(source.removed()).isEmpty();
    }

    @Test
    void aLoadSyncsEveryEnvironmentAndServesTheirFleetsMerged() {
        world.cameras.put("prod-eu", List.of("C1", "C2"));
        world.cameras.put("prod-us", List.of("C3"));
        EnvironmentsFleetSource source = source(List.of(EU, US));

        FleetData fleet = source.load(clock.instant(), Progress.NONE);

        assertThat(world.read).containsExactly("prod-eu", "prod-us");
        assertThat(ids(fleet)).containsExactly("S-prod-eu", "S-prod-us", "C1", "C2", "C3");
        assertThat(fleet.telemetry()).containsOnlyKeys("C1", "C2", "C3");
        assertThat(source.reports()).extracting(SyncReport::environment).containsExactly("prod-eu", "prod-us");
        assertThat(source.problems()).isEmpty();
    }

    @Test
    void theFirstSyncOfAnEnvironmentIsFullAndLaterOnesIncremental() {
        EnvironmentsFleetSource source = source(List.of(EU));

        source.load(clock.instant(), Progress.NONE);
        assertThat(source.reports()).singleElement().satisfies(r -> assertThat(r.full()).isTrue());

        source.load(clock.instant(), Progress.NONE);
        assertThat(source.reports()).singleElement().satisfies(r -> {
            assertThat(r.full()).isFalse();
            assertThat(r.readAllBecause().key()).isEqualTo("sync.because.noQueue");
        });
    }

    @Test
    void aFullSyncAskedForMakesOnlyTheNextLoadFull() {
        EnvironmentsFleetSource source = source(List.of(EU));
        source.load(clock.instant(), Progress.NONE);

        source.fullSyncNext();
        source.load(clock.instant(), Progress.NONE);
        assertThat(source.reports()).singleElement().satisfies(r -> assertThat(r.full()).isTrue());

        source.load(clock.instant(), Progress.NONE);
        assertThat(source.reports()).singleElement().satisfies(r -> assertThat(r.full()).isFalse());
    }

    @Test
    void aFullSyncAskedForStaysAskedForWhenTheLoadFails() {
        EnvironmentsFleetSource source = source(List.of(EU));
        source.load(clock.instant(), Progress.NONE);
        source.fullSyncNext();
        world.fails.put("prod-eu", new Problem("aws.noCredentials", "ops-eu"));
        assertThatThrownBy(() -> source.load(clock.instant(), Progress.NONE)).isInstanceOf(Problem.class);

        world.fails.clear();
        source.load(clock.instant(), Progress.NONE);

        assertThat(source.reports()).singleElement().satisfies(r -> assertThat(r.full()).isTrue());
    }

    @Test
    void anEnvironmentNotToSyncIsNotReadButServedAsCached() {
        world.cameras.put("prod-us", List.of("C3"));
        source(List.of(EU, US)).load(clock.instant(), Progress.NONE);
        world.read.clear();
        world.cameras.put("prod-us", List.of("C3", "C4"));
        EnvironmentsFleetSource onlyEu = new EnvironmentsFleetSource(List.of(EU, US), List.of("prod-eu"),
                new EnvironmentSync(world, cache, clock), cache);

        FleetData fleet = onlyEu.load(clock.instant(), Progress.NONE);

        assertThat(world.read).containsExactly("prod-eu");
        assertThat(ids(fleet)).containsExactly("S-prod-eu", "S-prod-us", "C3");
        assertThat(onlyEu.reports()).extracting(SyncReport::environment).containsExactly("prod-eu");
        assertThat(cache.retained).last().isEqualTo(Set.of("prod-eu", "prod-us"));
    }

    @Test
    void aCancelledLoadReadsNothing() {
        Progress cancelled = new Progress() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        EnvironmentsFleetSource source = source(List.of(EU));

        assertThatThrownBy(() -> source.load(clock.instant(), cancelled)).isInstanceOf(CancellationException.class);
        assertThat(world.read).isEmpty();
    }

    @Test
    void anEnvironmentOutOfReachIsAProblemNamingItAndTheOthersAreStillServed() {
        EnvironmentsFleetSource source = source(List.of(EU, US));
        source.load(clock.instant(), Progress.NONE);
        Problem refused = new Problem("aws.noCredentials", "ops-us");
        world.fails.put("prod-us", refused);

        FleetData fleet = source.load(clock.instant(), Progress.NONE);

        assertThat(ids(fleet)).containsExactly("S-prod-eu", "S-prod-us");
        assertThat(source.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("sync.failed.environment");
            assertThat(p.getCause()).isSameAs(refused);
            assertThat(p.getMessage()).isEqualTo("prod-us: " + refused.getMessage());
        });
        assertThat(source.reports()).extracting(SyncReport::environment).containsExactly("prod-eu");

        world.fails.clear();
        source.load(clock.instant(), Progress.NONE);
        assertThat(source.problems()).isEmpty();
        assertThat(source.reports()).hasSize(2);
    }

    @Test
    void aSyncsWarningIsAProblemNamingItsEnvironment() {
        Problem metrics = new Problem("sync.because.unsupported");
        world.warns.put("prod-eu", metrics);
        EnvironmentsFleetSource source = source(List.of(EU));

        source.load(clock.instant(), Progress.NONE);

        assertThat(source.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("sync.failed.environment");
            assertThat(p.getCause()).isSameAs(metrics);
            assertThat(p.args()).containsExactly("prod-eu", metrics.getMessage());
        });
    }

    @Test
    void whenTheOnlyEnvironmentToSyncFailsItsOwnProblemIsThrown() {
        Problem refused = new Problem("aws.noCredentials", "ops-eu");
        world.fails.put("prod-eu", refused);
        EnvironmentsFleetSource onlyEu = new EnvironmentsFleetSource(List.of(EU, US), List.of("prod-eu"), sync,
                cache);

        assertThatThrownBy(() -> onlyEu.load(clock.instant(), Progress.NONE)).isSameAs(refused);
        assertThat(onlyEu.problems()).hasSize(1);
        assertThat(onlyEu.reports()).isEmpty();
        assertThat(cache.retained).isEmpty();
        assertThat(onlyEu.storedAsOf()).isEmpty();
    }

    @Test
    void whenEveryEnvironmentFailsOneLinePerReasonNamesTheEnvironmentsItStopped() {
        Environment ap = Environment.of("prod-ap", "ops-ap", "ap-southeast-2", "");
        Problem expired = new Problem("aws.noCredentials", "shared");
        world.fails.put("prod-eu", expired);
        world.fails.put("prod-us", new Problem("sync.because.unsupported"));
        world.fails.put("prod-ap", new Problem("aws.noCredentials", "shared"));
        EnvironmentsFleetSource source = source(List.of(EU, US, ap));

        assertThatThrownBy(() -> source.load(clock.instant(), Progress.NONE))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("sync.failed.all");
                    assertThat(p.getCause()).isSameAs(expired);
                    assertThat(p.getMessage()).isEqualTo("prod-eu, prod-ap: " + expired.getMessage() + "\n"
                            + "prod-us: " + new Problem("sync.because.unsupported").getMessage());
                });
        assertThat(source.problems()).extracting(p -> p.args()[0]).containsExactly("prod-eu", "prod-us", "prod-ap");
    }

    @Test
    void theAsOfIsThatOfTheStalestEnvironment() {
        EnvironmentsFleetSource source = source(List.of(EU, US));

        source.load(clock.instant(), Progress.NONE);

        // Each read takes a minute: prod-eu's sync started first.
        assertThat(source.storedAsOf()).contains(START);
        assertThat(cache.asOf).containsEntry("prod-us", START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void theCallsOfEachEnvironmentAreToldWithTheirPathAndWhyEverythingWasRead() {
        EnvironmentsFleetSource source = source(List.of(EU));
        source.load(clock.instant(), Progress.NONE);

        assertThat(source.calls()).containsExactly(
                new SourceCalls("prod-eu", 3, "SearchIndex 2, ListMetrics 1", "FLEET_INDEX", null));

        source.load(clock.instant(), Progress.NONE);
        SourceCalls calls = source.calls().get(0);
        assertThat(calls.readAllBecause().key()).isEqualTo("sync.because.noQueue");
    }

    @Test
    void rowsOfEnvironmentsNoLongerConfiguredGoAndAreToldOnlyForThatLoad() {
        world.cameras.put("prod-us", List.of("C3", "C4"));
        source(List.of(EU, US)).load(clock.instant(), Progress.NONE);
        EnvironmentsFleetSource euOnly = new EnvironmentsFleetSource(List.of(EU),
                new EnvironmentSync(world, cache, clock), cache);

        FleetData fleet = euOnly.load(clock.instant(), Progress.NONE);

        assertThat(ids(fleet)).containsExactly("S-prod-eu");
        assertThat(euOnly.removed()).containsExactly(new SyncCache.Removed("prod-us", 1, 2));
        assertThat(euOnly.storedAsOf()).contains(cache.asOf.get("prod-eu"));

        euOnly.load(clock.instant(), Progress.NONE);
        assertThat(euOnly.removed()).isEmpty();
    }

    @Test
    void whatItReturnsCannotChangeItsState() {
        EnvironmentsFleetSource source = source(List.of(EU));
        source.load(clock.instant(), Progress.NONE);

        assertThatThrownBy(() -> source.reports().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> source.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> source.removed().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
