package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.ReleaseStore;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes deployments into a real journal as a rollout would, the clock moved to each step's moment: releases stored
 * at their time, deployments created, targets and deployments moved.
 */
public final class KnownJournal {

    private final DeploymentJournal journal;
    private final ReleaseStore releases;
    private final TestClock clock;

    public KnownJournal(DeploymentJournal journal, ReleaseStore releases, TestClock clock) {
        this.journal = journal;
        this.releases = releases;
        this.clock = clock;
    }

    public void release(String version, ReleaseKind kind, String at) {
        moveTo(at);
        releases.save(new Release("camos-agent", version, kind, "s3://camfleet-releases/agent-" + version + ".tgz",
                "ab".repeat(32), "install.sh", "selftest", "rollback.sh"), "release-bot");
    }

    /** @param cameras "C1@S1" pairs */
    public void startOf(String id, String release, String version, String at, String... cameras) {
        moveTo(at);
        Instant t = Instant.parse(at);
        List<TargetRecord> targets = new ArrayList<>();
        for (String c : cameras) {
            String[] cs = c.split("@");
            targets.add(new TargetRecord(new Target(cs[0], cs[1], "", "", ""), 0, TargetState.PENDING, 0, "", t));
        }
        journal.create(new DeploymentRecord(id, release, version, ExecutorKind.DEMO, "{}", DeploymentState.RUNNING, t,
                "alice", t), targets);
    }

    public void start(String id, String version, String at, String... cameras) {
        startOf(id, "camos-agent", version, at, cameras);
    }

    public void target(String id, String camera, TargetState from, TargetState to, String at) {
        moveTo(at);
        journal.moveTarget(id, camera, from, to, "", to == TargetState.DISPATCHED);
    }

    public void succeed(String id, String camera, String at) {
        target(id, camera, TargetState.PENDING, TargetState.DISPATCHED, at);
        target(id, camera, TargetState.DISPATCHED, TargetState.SUCCEEDED, at);
    }

    public void end(String id, DeploymentState from, DeploymentState to, String at) {
        moveTo(at);
        journal.moveDeployment(id, from, to, "");
    }

    /** Moves the clock on to "now" once the journal is written. */
    public void moveClockTo(String at) {
        moveTo(at);
    }

    private void moveTo(String at) {
        Instant t = Instant.parse(at);
        if (t.isBefore(clock.instant())) {
            throw new IllegalArgumentException("The known journal is written in time order: " + at);
        }
        clock.advance(java.time.Duration.between(clock.instant(), t));
    }
}
