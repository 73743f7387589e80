package io.camfleet.console.app.features;

import io.camfleet.console.adapter.files.LocalReleaseArtifacts;
import io.camfleet.console.adapter.os.LocalProcesses;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.cli.DeployCommand;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.DeploySettings;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.ErrorBudgets;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.map.BasemapSource;
import io.camfleet.console.ui.deploy.DeploymentsView;
import io.camfleet.console.ui.deploy.DeploymentsViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;

/** Deployments: releases rolled out to cameras in waves, journaled, from the window or {@code camfleet deploy}. */
public final class DeploymentsFeature implements Feature {

    public static final Screen DEPLOYMENTS = new Screen("DEPLOYMENTS", Material2MZ.ROCKET);

    private final ConsoleBackend backend;
    private final BasemapSource basemaps;

    /** @param backend what runs releases on cameras (demo, SSH, SSM) and reads release files */
    public DeploymentsFeature(ConsoleBackend backend, BasemapSource basemaps) {
        this.backend = backend;
        this.basemaps = basemaps;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var settings = SettingsFile.in(folder.folder().path());
        Lazy<DeploymentJournal> journal = new Lazy<>(() -> folder.database().journal());
        Lazy<DeploymentService> deployments = new Lazy<>(() -> new DeploymentService(journal.get(),
                folder.database().releases(),
                new LocalReleaseArtifacts(() -> settings.read().get(DeploySettings.SECTION).maxArtifactBytes()), folder.audit(),
                folder.clock(), Pacer.REAL, new ErrorBudgets(parts.reference(AvailabilityFigures.class))));
        // Each camera a rollout brings to its release shows in the fleet at once: the fleet of now, whichever source
        // Settings switched to since.
        var fleet = parts.reference(FleetService.class);
        Lazy<RolloutService> rollouts = new Lazy<>(() -> new RolloutService(deployments.get(), journal.get(),
                new LocalProcesses(), folder.clock(),
                (deployment, camera, version) -> fleet.get().ifPresent(f -> f.installed(deployment, camera, version))));
        // What still runs here halts (each shows as interrupted, resumable) before the cache closes.
        parts.add(DeploymentService.class, deployments)
                .add(RolloutService.class, rollouts)
                .onClose(() -> rollouts.ifBuilt(RolloutService::close));
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(DEPLOYMENTS, () -> {
            ConsoleBackend.Session session = w.session();
            DeploymentsViewModel vm = new DeploymentsViewModel(session.deployments(), session.rollouts(),
                    (executor, fleet, user) -> backend.runner(executor, w.folder(), fleet, user), backend::release,
                    w.fleet(), w.tasks(), w.messages());
            w.countRunning(vm::running);
            w.onClose(vm::close);
            return new DeploymentsView(vm, basemaps, w.workers(), w.shell().darkThemeProperty(), w.zone());
        });
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new DeployCommand(m));
    }
}
