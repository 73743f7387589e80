package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.common.Problem;
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
class JdbcReleaseStoreTest {

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcReleaseStore store;

    private static Release release(String version, String sha) {
        return new Release("camos-agent", version, ReleaseKind.HOTFIX, "s3://camfleet-releases/agent-" + version
                + ".tar.gz", sha, "tar -xzf \"$1\" -C /opt/camos\n/opt/camos/bin/migrate --quiet",
                "/opt/camos/bin/selftest", "/opt/camos/bin/rollback");
    }

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new JdbcReleaseStore(db.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReleaseComesBackAsStoredAndSavingItAgainChangesNothing() {
        Release r = release("6.5.1", "ab".repeat(32));
        assertThat(store.save(r, "alice")).isTrue();
        assertThat(store.save(r, "bob")).isFalse();
        assertThat(store.find("camos-agent", "6.5.1")).contains(r);
        assertThat(store.all()).containsExactly(r);
    }

    @Test
    void aVersionOnceItReachedACameraAlwaysMeansTheSameArtifact() {
        store.save(release("6.5.1", "ab".repeat(32)), "alice");
        JdbcDeploymentJournal journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
        deployment(journal, "d-1", "6.5.1");
        journal.moveTarget("d-1", "C1", TargetState.PENDING, TargetState.WAITING_WINDOW, "window closed", false);
        journal.moveTarget("d-1", "C1", TargetState.WAITING_WINDOW, TargetState.DISPATCHED, "", true);
        assertThatThrownBy(() -> store.save(release("6.5.1", "cd".repeat(32)), "alice"))
                .isInstanceOf(Problem.class).hasMessageContaining("camos-agent 6.5.1")
                .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
        assertThat(store.find("camos-agent", "6.5.1")).contains(release("6.5.1", "ab".repeat(32)));
    }

    @Test
    void aReleaseThatNeverReachedACameraMayBeCorrected() {
        store.save(release("6.5.2", "ab".repeat(32)), "alice");
        JdbcDeploymentJournal journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
        deployment(journal, "d-2", "6.5.2");
        journal.moveTarget("d-2", "C1", TargetState.PENDING, TargetState.WAITING_WINDOW, "window closed", false);

        Release corrected = release("6.5.2", "cd".repeat(32));
        assertThat(store.save(corrected, "alice")).isTrue();
        assertThat(store.find("camos-agent", "6.5.2")).contains(corrected);
        assertThat(store.all()).containsExactly(corrected);
    }

    private static void deployment(JdbcDeploymentJournal journal, String id, String version) {
        Instant now = Instant.now();
        journal.create(new DeploymentRecord(id, "camos-agent", version, ExecutorKind.SSH, "{}", DeploymentState.RUNNING, now,
                "alice", now), List.of(new TargetRecord(new Target("C1", "S1", "10.0.0.1", "", ""), 0,
                TargetState.PENDING, 0, "", now)));
    }

    @Test
    void releasesSayWhatIsWrongWithThem() {
        Release bad = new Release(" ", "6.5 beta", ReleaseKind.PATCH, "s3://Bad_Bucket/x", "xyz", "", " ", "");
        assertThat(bad.problems()).containsExactly(Release.Problem.NAME, Release.Problem.VERSION,
                Release.Problem.ARTIFACT_NOT_S3, Release.Problem.SHA256, Release.Problem.INSTALL_SCRIPT,
                Release.Problem.HEALTH_CHECK, Release.Problem.ROLLBACK_SCRIPT);
        assertThat(release("6.5.1", "AB".repeat(32)).problems()).isEmpty();
        assertThat(release("6.5.1", "AB".repeat(32)).sha256()).isEqualTo("ab".repeat(32));
    }

    @Test
    void aReleaseKnowsWhenItWasStoredForItsLeadTime() {
        Instant stored = Instant.parse("2026-10-06T08:00:00Z");
        JdbcReleaseStore at = new JdbcReleaseStore(db.dataSource(), Clock.fixed(stored, java.time.ZoneOffset.UTC));
        at.save(release("6.5.1", "ab".repeat(32)), "alice");

        assertThat(store.createdAt("camos-agent", "6.5.1")).contains(stored);
        assertThat(store.createdAt("camos-agent", "9.9.9")).isEmpty();
    }
}
