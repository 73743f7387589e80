package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for {@link JournalDurabilityTest}: journals one deployment of {@code N} targets, then dispatches them
 * one by one, printing "dispatched I" once each transition's call has returned, as a rollout would before it starts
 * the step on the camera. The test kills it with SIGKILL somewhere in the middle.
 */
public final class JournalWriter {

    private JournalWriter() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        CacheDatabase db = CacheDatabase.open(folder, Clock.systemUTC());
        JdbcDeploymentJournal journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
        List<TargetRecord> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            targets.add(new TargetRecord(new Target("cam-" + i, "site", "10.0.0.1", "", ""), 0, TargetState.PENDING,
                    0, "", Instant.now()));
        }
        journal.create(new DeploymentRecord("d-durable", "agent", "7.0.0", ExecutorKind.SSH, "{}", DeploymentState.RUNNING,
                Instant.now(), "test", Instant.now()), targets);
        System.out.println("created");
        for (int i = 0; i < n; i++) {
            journal.moveTarget("d-durable", "cam-" + i, TargetState.PENDING, TargetState.DISPATCHED, "", false);
            System.out.println("dispatched " + i); // the step would start now
            System.out.flush();
        }
        System.out.println("done");
        // Never closed: the test kills this process before it gets here.
    }
}
