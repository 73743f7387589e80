package io.camfleet.console.cli;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.service.environments.EnvironmentsFleetSource;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.DeploymentExecutor;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.diagnostics.TerminalOpener;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.map.MapSnapshotService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;

/** What the commands need from the rest of the console; the composition root provides it. */
public interface ConsoleBackend {

    /** Opens the window and returns the exit code once it is closed. */
    int openWindow(LaunchOptions options);

    /**
     * Opens the data folder for a command that reads it (the cache and the services over it): beside a window, a sync
     * or a rollout running on the same folder.
     *
     * @throws io.camfleet.console.service.common.Problem when the folder cannot be written or its cache cannot be used
     */
    Session open(Path dataDir);

    /**
     * Opens the data folder as the keeper of its fleet and settings, for a command that changes them: refused while a
     * window, sync or import keeps it (a window would save its own settings over the change).
     *
     * @throws io.camfleet.console.service.common.Problem when the folder cannot be written or another window, sync or
     *                                                    import keeps it
     */
    Session openKeeping(Path dataDir);

    /**
     * Opens the data folder to write the fleet from {@code source} into it (an imported registry), as its keeper: one
     * window, sync or import at a time keeps a folder's fleet. Other commands, and rollouts, share the folder with it.
     *
     * @throws io.camfleet.console.service.common.Problem when the folder cannot be written or another window, sync or
     *                                                    import keeps it
     */
    Session open(Path dataDir, FleetSource source);

    /**
     * A release described in a JSON file.
     *
     * @throws io.camfleet.console.service.common.Problem (BAD_INPUT) naming what is wrong with the file
     */
    Release release(Path file);

    /** Opens the data folder on the fleet source its settings name (the demo when none). */
    Session openConfigured(Path dataDir);

    /**
     * What runs a release on cameras: {@code demo} (simulated steps on the demo fleet), {@code ssh} (the user's
     * SSH keys and known_hosts) or {@code ssm} (SSM Run Command in the AWS environment of each camera's site, as
     * the settings of {@code folder} name them).
     *
     * @throws io.camfleet.console.service.common.Problem (BAD_INPUT) for an executor it does not know
     */
    DeploymentExecutor runner(ExecutorKind executor, Path folder, FleetSnapshot fleet, String sshUser);

    /**
     * What runs a runbook's command on cameras, reaching them as deployments do: {@code demo} (the demo fleet's
     * simulated camera hosts), {@code ssh} (the user's SSH keys and known_hosts, as {@code sshUser}) or {@code ssm}
     * (SSM Run Command in the AWS environment of each camera's site, as the settings of {@code folder} name them).
     */
    io.camfleet.console.service.diagnostics.CameraShell shell(ExecutorKind executor, Path folder, FleetSnapshot fleet,
                                                              String sshUser);

    /**
     * What opens sessions (SFTP and commands) to cameras, for diagnostics bundles, backups and restores: {@code demo}
     * (the demo fleet's simulated hosts, whose health is as {@code fleet} has it) or {@code ssh} (the user's SSH keys,
     * agent and known_hosts).
     *
     * @param sshUser the login the callers put in each {@link io.camfleet.console.service.deploy.RemoteHost}; the demo
     *                hosts answer to it
     * @throws io.camfleet.console.service.common.Problem (BAD_INPUT) for {@code ssm}: SSM Run Command copies no files
     */
    HostConnector connector(ExecutorKind executor, Path folder, FleetSnapshot fleet, String sshUser);

    /** Opens the user's own terminal with ssh to a camera ({@code $CAMFLEET_TERMINAL}, else one found on PATH). */
    TerminalOpener terminal();

    /**
     * Starts {@code camfleet ARGS} in a process of its own that outlives this one, its output appended to
     * {@code log} (relative to the data folder).
     *
     * @return the log file
     * @throws io.camfleet.console.service.common.Problem when the process cannot be started
     */
    Path detach(List<String> args, Path dataDir, String log);

    /**
     * Runs {@code work} as the keeper of the folder's fleet (see {@link #open(Path, FleetSource)}), when no window,
     * sync or import keeps it.
     *
     * @return what {@code work} returned, or empty (without running it) when another process keeps the fleet
     */
    <T> Optional<T> asFleetKeeper(Path dataDir, java.util.function.Supplier<T> work);

    /** The demo fleet, generated in memory; no data folder is touched. */
    FleetSource demoFleet(int sites, long seed);

    /**
     * A site registry file (CSV or JSON) as a fleet source. Nothing is read until it is loaded; each load reads and
     * checks the whole file again and throws {@link io.camfleet.console.service.fleet.RegistryRejected} on bad rows.
     */
    FleetSource importedFleet(Path file);

    /**
     * Opens the data folder on AWS environments: each reload syncs those of {@code toSync} into the cache, page by
     * page, and serves every environment of {@code source}; rows of other environments leave the cache.
     *
     * @param source the environments and metric names, as the folder's settings have them (or are about to)
     * @param toSync the labels of the environments to sync
     * @param full   a full sync (every row rewritten) rather than an incremental one
     * @throws io.camfleet.console.service.common.Problem when the folder cannot be written or another console holds it
     */
    Session openEnvironments(Path dataDir, SourceSettings source, Collection<String> toSync, boolean full);

    /** The settings of the data folder ({@code settings.json}), which the window's Settings show and change too. */
    SettingsStore settings(Path dataDir);

    /** What the console asks AWS about an environment: who it is there. */
    EnvironmentReader environments();

    Clock clock();

    /**
     * Calls {@code notice} with the file an unusable cache was moved to, whenever opening a data folder moves one
     * aside, so that the command that did it can say so.
     */
    void onCacheMovedAside(Consumer<Path> notice);

    /**
     * Calls {@code notice} once with each problem of a data folder's settings that a command goes on without (on the
     * default settings), so that the command can say so.
     */
    void onSettingsUnreadable(Consumer<Problem> notice);

    /** The {@code camfleet} subcommands, as the console's features contribute them. */
    List<Object> commands(Messages messages);

    /**
     * An open data folder; closing it releases the cache for the next console. It is composed of the parts the
     * features add: a new capability adds none of its services here, its commands find them with {@link #part}.
     */
    interface Session extends AutoCloseable {
        Path folder();

        /** The audit trail, which every capability writes to. */
        AuditService audit();

        /** The service of that type a feature added to this folder; empty when none did. */
        <T> Optional<T> find(Class<T> type);

        /**
         * @throws IllegalStateException when no feature added a service of that type
         */
        default <T> T part(Class<T> type) {
            return find(type).orElseThrow(() -> new IllegalStateException(
                    "No feature adds a " + type.getSimpleName() + " to an open data folder"));
        }

        default FleetService fleet() {
            return part(FleetService.class);
        }

        default MapSnapshotService maps() {
            return part(MapSnapshotService.class);
        }

        default DeploymentService deployments() {
            return part(DeploymentService.class);
        }

        /** The rollouts this process runs, with their leases; and who runs any deployment. */
        default RolloutService rollouts() {
            return part(RolloutService.class);
        }

        /** The AWS environments the fleet is synced from, when that is its source. */
        default Optional<EnvironmentsFleetSource> environments() {
            return find(EnvironmentsFleetSource.class);
        }

        @Override
        void close();
    }
}
