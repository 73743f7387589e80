package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcDeploymentJournalTest {

    @Parameter
    StoreEngine engine;

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcDeploymentJournal journal;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
        journal.create(new DeploymentRecord("d-1", "camos-agent", "6.5.1", ExecutorKind.SSH, "{\"waves\":[]}",
                DeploymentState.RUNNING, T0, "alice", T0), List.of(
                new TargetRecord(new Target("C1", "S1", "127.0.1.1:2222", "", ""), 0, TargetState.PENDING, 0, "", T0),
                new TargetRecord(new Target("C2", "S1", "127.0.1.2:2222", "bastion", ""), 1, TargetState.PENDING, 0,
                        "", T0)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void transitionsAreJournalledInOrderWithTheirDetail() {
        journal.moveTarget("d-1", "C1", TargetState.PENDING, TargetState.DISPATCHED, "uploading", false);
        journal.moveTarget("d-1", "C1", TargetState.DISPATCHED, TargetState.INSTALLING, "", false);
        journal.log("d-1", "C1", List.of("step 1", "step 2"));
        journal.moveDeployment("d-1", DeploymentState.RUNNING, DeploymentState.ABORTING, "abort requested by bob");

        assertThat(journal.find("d-1")).get().extracting(DeploymentRecord::state).isEqualTo(DeploymentState.ABORTING);
        assertThat(journal.targets("d-1")).extracting(TargetRecord::state)
                .containsExactly(TargetState.INSTALLING, TargetState.PENDING);
        assertThat(journal.targets("d-1").get(1).target().jumpHost()).isEqualTo("bastion");
        assertThat(journal.events("d-1")).extracting(DeploymentJournal.Event::to)
                .containsExactly("RUNNING", "DISPATCHED", "INSTALLING", "ABORTING");
        assertThat(journal.logOf("d-1", "C1", 1)).containsExactly("step 2");
        assertThat(journal.logOf("d-1", "C1", 10)).containsExactly("step 1", "step 2");
        journal.log("d-1", "C2", List.of("a", "b", "c"));
        journal.log("d-1", "C1", List.of("step 3"));
        assertThat(journal.lastLines("d-1", 2)).containsEntry("C1", List.of("step 2", "step 3"))
                .containsEntry("C2", List.of("b", "c")).hasSize(2);
    }

    @Test
    void aBatchOfTransitionsIsJournalledInOrderAndACameraMayMoveTwiceInIt() {
        journal.moveTargets("d-1", List.of(
                new DeploymentJournal.Move("C1", TargetState.PENDING, TargetState.DISPATCHED, ""),
                new DeploymentJournal.Move("C2", TargetState.PENDING, TargetState.DISPATCHED, ""),
                new DeploymentJournal.Move("C1", TargetState.DISPATCHED, TargetState.FAILED, "refused: no quota")));

        assertThat(journal.targets("d-1")).extracting(TargetRecord::state)
                .containsExactly(TargetState.FAILED, TargetState.DISPATCHED);
        assertThat(journal.targets("d-1").get(0).detail()).isEqualTo("refused: no quota");
        assertThat(journal.events("d-1")).extracting(e -> e.cameraId() + " " + e.to())
                .containsExactly(" RUNNING", "C1 DISPATCHED", "C2 DISPATCHED", "C1 FAILED");
    }

    @Test
    void aBatchWithOneRefusedTransitionJournalsNoneOfIt() {
        assertThatThrownBy(() -> journal.moveTargets("d-1", List.of(
                new DeploymentJournal.Move("C1", TargetState.PENDING, TargetState.DISPATCHED, ""),
                new DeploymentJournal.Move("C2", TargetState.INSTALLING, TargetState.SUCCEEDED, ""))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("C2");

        assertThat(journal.targets("d-1")).extracting(TargetRecord::state)
                .containsExactly(TargetState.PENDING, TargetState.PENDING);
        assertThat(journal.events("d-1")).extracting(DeploymentJournal.Event::to).containsExactly("RUNNING");
    }

    @Test
    void linesOfSeveralTargetsAreAddedTogether() {
        journal.log("d-1", java.util.Map.of("C1", List.of("a", "b"), "C2", List.of("c")));

        assertThat(journal.lastLines("d-1", 5)).containsEntry("C1", List.of("a", "b"))
                .containsEntry("C2", List.of("c"));
    }

    @Test
    void aTransitionFromAStateTheJournalDoesNotHoldIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> journal.moveTarget("d-1", "C1", TargetState.INSTALLING, TargetState.SUCCEEDED,
                "", false)).isInstanceOf(IllegalStateException.class).hasMessageContaining("C1");
        assertThatThrownBy(() -> journal.moveDeployment("d-1", DeploymentState.PAUSED, DeploymentState.RUNNING, ""))
                .isInstanceOf(IllegalStateException.class);
        assertThat(journal.targets("d-1").get(0).state()).isEqualTo(TargetState.PENDING);
        assertThat(journal.events("d-1")).hasSize(1);
    }

    @Test
    void aRetryCountsAsANewAttempt() {
        journal.moveTarget("d-1", "C1", TargetState.PENDING, TargetState.DISPATCHED, "", false);
        journal.moveTarget("d-1", "C1", TargetState.DISPATCHED, TargetState.FAILED, "upload failed", false);
        journal.moveTarget("d-1", "C1", TargetState.FAILED, TargetState.PENDING, "retry", true);
        assertThat(journal.targets("d-1").get(0).attempt()).isEqualTo(1);
    }

    @Test
    void ssmCommandsAreRememberedPerWave() {
        journal.ssmCommand("d-1", 0, "cmd-0123");
        assertThat(journal.ssmCommand("d-1", 0)).contains("cmd-0123");
        assertThat(journal.ssmCommand("d-1", 1)).isEmpty();
        assertThat(journal.recent(10)).extracting(DeploymentRecord::id).containsExactly("d-1");
    }

    @Test
    void everyPartOfASplitWaveKeepsItsCommandAndAPartIsNeverSavedTwice() {
        journal.ssmCommand("d-1", 0, 0, "cmd-a");
        journal.ssmCommand("d-1", 0, 2, "cmd-c");
        journal.ssmCommand("d-1", 0, 1, "cmd-b");
        journal.ssmCommand("d-1", 1, 0, "cmd-d");

        assertThat(journal.ssmCommands("d-1", 0)).containsExactly(java.util.Map.entry(0, "cmd-a"),
                java.util.Map.entry(1, "cmd-b"), java.util.Map.entry(2, "cmd-c"));
        assertThat(journal.ssmCommand("d-1", 0)).as("a wave's first part is its command").contains("cmd-a");
        assertThat(journal.ssmCommands("d-1", 2)).isEmpty();
        assertThatThrownBy(() -> journal.ssmCommand("d-1", 0, 1, "cmd-again")).isInstanceOf(RuntimeException.class);
        assertThat(journal.ssmCommands("d-1", 0)).containsEntry(1, "cmd-b");
    }

    private static io.camfleet.console.service.deploy.Lease lease(String owner, Instant at) {
        return new io.camfleet.console.service.deploy.Lease(owner, "noc-7", 4242, at, at, at,
                at.plus(io.camfleet.console.service.deploy.Lease.TERM));
    }

    @Test
    void ofProcessesTakingOneLeaseAtOnceExactlyOneGetsIt() throws Exception {
        int racers = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        java.util.concurrent.atomic.AtomicInteger won = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String owner = "p" + i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    if (journal.takeLease("d-1", lease(owner, T0), null, T0)) {
                        won.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(won.get()).isEqualTo(1);
    }

    @Test
    void aLeaseIsTakenOnlyWhenItExpiredOrItsHolderIsGoneAndOnlyItsHolderRenewsIt() {
        assertThat(journal.takeLease("d-1", lease("a", T0), null, T0)).isTrue();
        Instant later = T0.plusSeconds(10);
        assertThat(journal.takeLease("d-1", lease("b", later), null, later)).as("alive").isFalse();
        assertThat(journal.takeLease("d-1", lease("b", later), "a", later)).as("its holder is gone").isTrue();
        assertThat(journal.renewLease("d-1", lease("a", later).renewedAt(later))).as("no longer a's").isFalse();
        assertThat(journal.renewLease("d-1", lease("b", later).renewedAt(later.plusSeconds(5)))).isTrue();
        Instant expired = later.plusSeconds(5).plus(io.camfleet.console.service.deploy.Lease.TERM);
        assertThat(journal.takeLease("d-1", lease("c", expired), null, expired)).as("expired").isTrue();
        journal.releaseLease("d-1", "b"); // not b's any more: nothing happens
        assertThat(journal.lease("d-1")).get().extracting(io.camfleet.console.service.deploy.Lease::owner)
                .isEqualTo("c");
        journal.releaseLease("d-1", "c");
        assertThat(journal.lease("d-1")).isEmpty();
    }

    @Test
    void deploymentsStartedInAPeriodComeOldestFirstWithTheEndExcluded() {
        for (String id : List.of("d-3", "d-2", "d-4")) {
            Instant at = T0.plusSeconds(3600L * Integer.parseInt(id.substring(2)));
            journal.create(new DeploymentRecord(id, "camos-agent", "6.5.1", ExecutorKind.DEMO, "{}",
                    DeploymentState.RUNNING, at, "alice", at), List.of());
        }
        // d-1 at T0, d-2 at T0 + 2 h, d-3 at T0 + 3 h, d-4 at T0 + 4 h: [T0 + 1 h, T0 + 4 h) holds d-2 and d-3.
        assertThat(journal.startedBetween(T0.plusSeconds(3600), T0.plusSeconds(4 * 3600)))
                .extracting(DeploymentRecord::id).containsExactly("d-2", "d-3");
        assertThat(journal.startedBetween(T0, T0.plusSeconds(1))).extracting(DeploymentRecord::id)
                .containsExactly("d-1");
    }
}
