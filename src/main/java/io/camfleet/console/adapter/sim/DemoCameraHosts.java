package io.camfleet.console.adapter.sim;

import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.diagnostics.CameraShell;
import io.camfleet.console.service.fleet.FleetSnapshot;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo fleet's camera hosts: sessions over a simulated file tree per camera ({@code /etc/camos/*.conf},
 * {@code /var/log/camos/*.log}, kept in {@link DemoCameraFiles} for the life of the process) and plausible outputs
 * for the built-in runbooks. Each camera behaves as its health in {@code fleet} says: OFFLINE is reached through its
 * site's jump host but cannot reach the cloud, DEGRADED drops frames, the others are clean.
 */
public final class DemoCameraHosts implements HostConnector, CameraShell {

    private final FleetSnapshot fleet;
    private final DemoCameraFiles files;
    private final double pace;

    /**
     * @param pace 1 for demo delays (a few hundred milliseconds a command), 0 for none (tests)
     */
    public DemoCameraHosts(FleetSnapshot fleet, DemoCameraFiles files, double pace) {
        this.fleet = fleet;
        this.files = files;
        this.pace = pace;
    }

    @Override
    public HostSession open(RemoteHost host) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The demo's hosts are known: there is never a key to trust. */
    @Override
    public void trust(HostKeyRejected rejected) {
    }

    @Override
    public void run(List<Target> targets, String command, Duration timeout, Consumer<CameraRun> done) {
        throw new UnsupportedOperationException("not yet");
    }
}
