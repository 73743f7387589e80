package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.diagnostics.CameraShell;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The demo fleet's camera hosts: sessions over a simulated file tree per camera ({@code /etc/camos/*.conf},
 * {@code /var/log/camos/*.log}, kept in {@link DemoCameraFiles} for the life of the process) and plausible outputs
 * for the built-in runbooks. Each camera behaves as its health in {@code fleet} says: OFFLINE is reached through its
 * site's jump host but cannot reach the cloud, DEGRADED drops frames, the others are clean.
 */
public final class DemoCameraHosts implements HostConnector, CameraShell {

    /** As many cameras at once as a real shell would take on. */
    private static final int AT_ONCE = 16;

    private final FleetSnapshot fleet;
    private final DemoCameraFiles files;
    private final double pace;
    private final Map<String, Optional<CameraStatus>> statuses = new ConcurrentHashMap<>();

    /**
     * @param pace 1 for demo delays (a few hundred milliseconds a command, seconds for a stream check), 0 for none
     */
    public DemoCameraHosts(FleetSnapshot fleet, DemoCameraFiles files, double pace) {
        this.fleet = fleet;
        this.files = files;
        this.pace = pace;
    }

    private Optional<DemoCamera> camera(String cameraId) {
        return statuses.computeIfAbsent(cameraId, this::status).map(s -> new DemoCamera(s.camera(), s.health(),
                s.healthSince(), s.telemetry(), now(), files.seed()));
    }

    private Optional<CameraStatus> status(String cameraId) {
        int index = fleet.inventory().cameraIndexOf(cameraId);
        if (index < 0) {
            return Optional.empty();
        }
        String siteId = fleet.inventory().camera(index).siteId();
        return fleet.cameras(siteId).stream().filter(c -> c.camera().id().equals(cameraId)).findFirst();
    }

    /** The hosts' clock: the fleet's moment, so that what they print agrees with what the map shows. */
    private Instant now() {
        return fleet.asOf() != null ? fleet.asOf() : fleet.takenAt();
    }

    @Override
    public HostSession open(RemoteHost host) {
        String address = host.address().isBlank() ? host.cameraId() : host.address();
        DemoCamera camera = camera(host.cameraId()).orElseThrow(() ->
                new Problem("ssh.unreachable", address, "no such camera in the demo fleet"));
        if (camera.health() == HealthState.OFFLINE && !host.hasJumpHost()) {
            throw new Problem("ssh.unreachable", address, "No route to host (the site's uplink is down: go "
                    + "through its jump host)");
        }
        sleep(paced(Duration.ofMillis(120 + camera.random("connect").nextInt(250)), pace));
        return new DemoHostSession(camera, address, files, pace);
    }

    /** The demo's hosts are known: there is never a key to trust. */
    @Override
    public void trust(HostKeyRejected rejected) {
    }

    @Override
    public Optional<String> cannotReach(Target target) {
        return camera(target.cameraId()).isPresent() ? Optional.empty()
                : Optional.of(new Problem("ssh.unreachable", target.cameraId(), "no such camera in the demo fleet")
                        .getMessage());
    }

    @Override
    public void run(List<Target> targets, String command, Duration timeout, Consumer<CameraRun> done) {
        Semaphore slots = new Semaphore(AT_ONCE);
        List<Thread> threads = targets.stream().map(t -> Thread.ofVirtual().name("demo-shell " + t.cameraId())
                .start(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        done.accept(runOrLost(t, command, timeout));
                    } finally {
                        slots.release();
                    }
                })).toList();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A failure of the simulation itself is that camera's run, as the port promises, never a missing one. */
    private CameraRun runOrLost(Target target, String command, Duration timeout) {
        try {
            return runOne(target, command, timeout);
        } catch (RuntimeException e) {
            return new CameraRun(target.cameraId(), CameraRun.Outcome.LOST, -1, Duration.ZERO, "",
                    new Problem(e, "ssh.connectionLost", target.cameraId(), String.valueOf(e.getMessage()))
                            .getMessage());
        }
    }

    private CameraRun runOne(Target target, String command, Duration timeout) {
        Optional<DemoCamera> found = camera(target.cameraId());
        if (found.isEmpty()) {
            return new CameraRun(target.cameraId(), CameraRun.Outcome.UNREACHABLE, -1, Duration.ZERO, "",
                    cannotReach(target).orElse(""));
        }
        DemoCameraOutputs.Reply reply = DemoCameraOutputs.answer(found.get(), command);
        Duration takes = paced(reply.takes(), pace);
        if (takes.compareTo(timeout) > 0) {
            sleep(timeout);
            return new CameraRun(target.cameraId(), CameraRun.Outcome.TIMED_OUT, -1, timeout, "",
                    new Problem("diagnostics.timedOut", target.cameraId(), timeout.toSeconds()).getMessage());
        }
        sleep(takes);
        if (reply.drops()) {
            return new CameraRun(target.cameraId(), CameraRun.Outcome.LOST, -1, takes, reply.output(),
                    new Problem("ssh.connectionLost", target.cameraId(), "the camera is rebooting").getMessage());
        }
        return new CameraRun(target.cameraId(), CameraRun.Outcome.COMPLETED, reply.exitCode(), takes,
                reply.output(), "");
    }

    static Duration paced(Duration d, double pace) {
        return pace <= 0 ? Duration.ZERO : Duration.ofMillis((long) (d.toMillis() * pace));
    }

    static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
