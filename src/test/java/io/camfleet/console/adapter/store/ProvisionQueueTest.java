package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ProvisionRequest.State;
import io.camfleet.console.service.common.Problem;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provisioning queue of {@link JdbcDeviceStore}, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class ProvisionQueueTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration STALE = Duration.ofMinutes(10);

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcDeviceStore store;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new JdbcDeviceStore(db.dataSource());
    }

    /** Two threads of their own: the common pool may have one on a small machine, and the racers must meet. */
    private final ExecutorService pair = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        pair.shutdownNow();
        db.close();
    }

    static ProvisionRequest request(String serial, Instant at) {
        return ProvisionRequest.queued(serial, "rui@example.com", "Lisbon, floor 2", "A-" + serial,
                "/Review/Lisbon", "nina", at);
    }

    @Test
    void queuedRequestsComeBackNewestFirstAndSurviveReopening() {
        store.queue(List.of(request("SN-1", T0), request("SN-2", T0.plusSeconds(60))));
        store.queue(List.of(request("SN-3", T0.plusSeconds(30))));
        db.close();
        db = engine.open(dir);
        store = new JdbcDeviceStore(db.dataSource());

        assertThat(store.provisioning()).containsExactly(request("SN-2", T0.plusSeconds(60)),
                request("SN-3", T0.plusSeconds(30)), request("SN-1", T0));
        assertThat(store.provisioning("SN-3")).contains(request("SN-3", T0.plusSeconds(30)));
        assertThat(store.provisioning("SN-9")).isEmpty();
    }

    @Test
    void aQueueHoldingASerialAlreadyQueuedWritesNothingAndNamesIt() {
        store.queue(List.of(request("SN-2", T0)));

        assertThatThrownBy(() -> store.queue(List.of(request("SN-1", T0), request("SN-2", T0),
                request("SN-3", T0))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("problem.provisionAlreadyQueued");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    assertThat(p.getMessage()).contains("SN-2");
                });
        assertThat(store.provisioning()).extracting(ProvisionRequest::serial).containsExactly("SN-2");
    }

    @Test
    void aSerialGivenTwiceOrBlankOrTooLongWritesNothing() {
        assertThatThrownBy(() -> store.queue(List.of(request("SN-1", T0), request("SN-2", T0),
                request("SN-1", T0)))).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.getMessage()).contains("SN-1").contains("twice"));
        assertThatThrownBy(() -> store.queue(List.of(request("SN-1", T0), request(" ", T0))))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("problem.provisionNoSerial"));
        ProvisionRequest longUnit = ProvisionRequest.queued("SN-4", "", "", "", "/" + "x".repeat(1000), "nina", T0);
        assertThatThrownBy(() -> store.queue(List.of(request("SN-1", T0), longUnit)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getMessage())
                        .isEqualTo("The org unit of serial SN-4 is 1001 characters long; the queue keeps at most "
                                + "1000, so nothing was queued. Shorten it and queue again."));
        assertThat(store.provisioning()).isEmpty();
    }

    @Test
    void onlyOneOfTwoConsolesClaimingTheSameSerialAtOnceEverWins() throws Exception {
        int rounds = 150;
        for (int i = 0; i < rounds; i++) {
            store.queue(List.of(request("SN-" + i, T0)));
        }
        // A second store on the same database: each thread claims on a connection of its own, as two consoles do.
        JdbcDeviceStore other = new JdbcDeviceStore(db.dataSource());
        int won = 0;
        for (int i = 0; i < rounds; i++) {
            String serial = "SN-" + i;
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Optional<ProvisionRequest>> one = CompletableFuture.supplyAsync(() -> {
                await(start);
                return store.claim(serial, "dev-one", T0.plusSeconds(60), STALE);
            }, pair);
            CompletableFuture<Optional<ProvisionRequest>> two = CompletableFuture.supplyAsync(() -> {
                await(start);
                return other.claim(serial, "dev-two", T0.plusSeconds(60), STALE);
            }, pair);
            Optional<ProvisionRequest> a = one.get(30, TimeUnit.SECONDS);
            Optional<ProvisionRequest> b = two.get(30, TimeUnit.SECONDS);
            assertThat(a.isPresent() ^ b.isPresent()).as("exactly one claim of %s wins: %s %s", serial, a, b)
                    .isTrue();
            ProvisionRequest claimed = a.or(() -> b).orElseThrow();
            assertThat(claimed.state()).isEqualTo(State.APPLYING);
            assertThat(claimed.claimedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(store.provisioning(serial).orElseThrow().deviceId()).isEqualTo(claimed.deviceId());
            won += a.isPresent() ? 1 : 0;
        }
        System.out.printf("claim race on %s: the first store won %d of %d rounds%n", engine, won, rounds);
    }

    @Test
    void aClaimHeldLongerThanTheStaleLimitIsTakenOverAndAFreshOneIsNot() {
        store.queue(List.of(request("SN-1", T0)));
        ProvisionRequest first = store.claim("SN-1", "dev-1", T0.plusSeconds(60), STALE).orElseThrow();
        assertThat(first).isEqualTo(new ProvisionRequest("SN-1", "rui@example.com", "Lisbon, floor 2", "A-SN-1",
                "/Review/Lisbon", State.APPLYING, "dev-1", "nina", T0, T0.plusSeconds(60), null, ""));

        // Claimed at 10:01; with a 10 min limit it is stale only after 10:11.
        assertThat(store.claim("SN-1", "dev-2", T0.plusSeconds(60 + 599), STALE)).isEmpty();
        assertThat(store.claim("SN-1", "dev-2", T0.plusSeconds(60 + 600), STALE)).isEmpty();
        Optional<ProvisionRequest> taken = store.claim("SN-1", "dev-2", T0.plusSeconds(60 + 601), STALE);

        assertThat(taken).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(State.APPLYING);
            assertThat(r.deviceId()).isEqualTo("dev-2");
            assertThat(r.claimedAt()).isEqualTo(T0.plusSeconds(661));
        });
        assertThat(store.claim("SN-9", "dev-9", T0, STALE)).as("a serial nobody queued").isEmpty();
    }

    @Test
    void onlyAnApplyingRequestBecomesProvisionedAndOnlyOnce() {
        store.queue(List.of(request("SN-1", T0)));
        assertThat(store.provisioned("SN-1", T0.plusSeconds(10))).as("still QUEUED").isFalse();
        store.claim("SN-1", "dev-1", T0.plusSeconds(60), STALE).orElseThrow();

        assertThat(store.provisioned("SN-1", T0.plusSeconds(90))).isTrue();
        assertThat(store.provisioned("SN-1", T0.plusSeconds(95))).as("already finished").isFalse();
        assertThat(store.claim("SN-1", "dev-1", T0.plusSeconds(3600), STALE)).as("provisioned is done").isEmpty();
        ProvisionRequest done = store.provisioning("SN-1").orElseThrow();
        assertThat(done.state()).isEqualTo(State.PROVISIONED);
        assertThat(done.provisionedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(done.deviceId()).isEqualTo("dev-1");
        store.failed("SN-1", "too late");
        assertThat(store.provisioning("SN-1").orElseThrow().state()).as("failed() only from APPLYING")
                .isEqualTo(State.PROVISIONED);
    }

    @Test
    void aProvisionedSerialCanBeQueuedAgainAndTheOpenRequestIsTheOneFound() {
        store.queue(List.of(request("SN-1", T0)));
        store.claim("SN-1", "dev-1", T0.plusSeconds(60), STALE).orElseThrow();
        store.provisioned("SN-1", T0.plusSeconds(90));

        ProvisionRequest again = ProvisionRequest.queued("SN-1", "eva@example.com", "Porto", "A-7",
                "/Review/Porto", "omar", T0.plusSeconds(7200));
        store.queue(List.of(again));

        assertThat(store.provisioning("SN-1")).contains(again);
        assertThat(store.provisioning()).extracting(ProvisionRequest::state)
                .containsExactly(State.QUEUED, State.PROVISIONED);
        assertThatThrownBy(() -> store.queue(List.of(again))).isInstanceOf(Problem.class);
        assertThat(store.claim("SN-1", "dev-1", T0.plusSeconds(7300), STALE)).get()
                .extracting(ProvisionRequest::reviewer).isEqualTo("eva@example.com");
    }

    @Test
    void aFailedRequestKeepsItsReasonAndIsClaimedAgainAtTheNextSync() {
        store.queue(List.of(request("SN-1", T0)));
        store.claim("SN-1", "dev-1", T0.plusSeconds(60), STALE).orElseThrow();

        store.failed("SN-1", "The directory refused the move: org unit /Review/Lisbon does not exist");

        ProvisionRequest failed = store.provisioning("SN-1").orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.failure()).contains("does not exist");
        ProvisionRequest retried = store.claim("SN-1", "dev-1", T0.plusSeconds(120), STALE).orElseThrow();
        assertThat(retried.state()).isEqualTo(State.APPLYING);
        assertThat(retried.failure()).isEmpty();
        assertThat(retried.claimedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void cancelRemovesARequestNotProvisionedYetOnly() {
        store.queue(List.of(request("SN-1", T0), request("SN-2", T0), request("SN-3", T0)));
        store.claim("SN-2", "dev-2", T0, STALE).orElseThrow();
        store.provisioned("SN-2", T0.plusSeconds(30));

        assertThat(store.cancel("SN-1")).isTrue();
        assertThat(store.cancel("SN-1")).isFalse();
        assertThat(store.cancel("SN-2")).as("provisioned stays for the record").isFalse();
        assertThat(store.cancel("SN-9")).isFalse();
        assertThat(store.provisioning()).extracting(ProvisionRequest::serial).containsExactlyInAnyOrder("SN-2",
                "SN-3");
        store.queue(List.of(request("SN-1", T0.plusSeconds(60))));
        assertThat(store.provisioning("SN-1")).isPresent();
    }

    @Test
    void twoConsolesQueuingTheSameSerialAtOnceQueueItOnce() throws Exception {
        JdbcDeviceStore other = new JdbcDeviceStore(db.dataSource());
        for (int i = 0; i < 40; i++) {
            String serial = "SN-" + i;
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Boolean> one = CompletableFuture.supplyAsync(() -> queued(store, start, serial), pair);
            CompletableFuture<Boolean> two = CompletableFuture.supplyAsync(() -> queued(other, start, serial), pair);
            assertThat(one.get(30, TimeUnit.SECONDS) ^ two.get(30, TimeUnit.SECONDS)).as(serial).isTrue();
        }
        assertThat(store.provisioning()).hasSize(40);
    }

    private static boolean queued(JdbcDeviceStore store, CyclicBarrier start, String serial) {
        await(start);
        try {
            store.queue(List.of(request(serial, T0)));
            return true;
        } catch (Problem p) {
            assertThat(p.key()).isEqualTo("problem.provisionAlreadyQueued");
            assertThat(p.getMessage()).contains(serial);
            return false;
        }
    }

    @Test
    void hostileTextInARequestComesBackAsGiven() {
        ProvisionRequest hostile = ProvisionRequest.queued("SN-'; DROP TABLE provision_request; --",
                "o'brien@exämple.com", "Sala «B» — 日本 🙂", "ТЕСТ-\"1\"", "/Review/Zürich", "nína", T0);
        store.queue(List.of(hostile));
        assertThat(store.provisioning()).containsExactly(hostile);
        store.claim(hostile.serial(), "d-'x'", T0, STALE).orElseThrow();
        store.failed(hostile.serial(), "Refused: \"" + "日".repeat(1980) + "\"");
        assertThat(store.provisioning(hostile.serial()).orElseThrow().failure())
                .isEqualTo("Refused: \"" + "日".repeat(1980) + "\"");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
