package io.camfleet.console.app.features;

import io.camfleet.console.service.store.FleetStore;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.cli.DemoCommand;
import io.camfleet.console.cli.EnvCommand;
import io.camfleet.console.cli.FleetCommand;
import io.camfleet.console.cli.ImportCommand;
import io.camfleet.console.cli.SyncCommand;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.EnvironmentsFleetSource;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.ui.common.sitedetail.SiteDetailView;
import io.camfleet.console.ui.common.sitedetail.SiteDetailViewModel;
import io.camfleet.console.ui.fleettable.FleetTableView;
import io.camfleet.console.ui.fleettable.FleetTableViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.function.Function;

/**
 * The fleet: its sites and cameras from a source (demo, file, AWS), kept in the cache and live; the table, the
 * source switch of Settings, and the commands that load, import and sync it.
 */
public final class FleetFeature implements Feature {

    public static final Screen TABLE = new Screen("FLEET_TABLE", Material2MZ.TABLE_CHART);

    private final Function<SourceSettings, Function<FleetStore, FleetSource>> sources;

    /** @param sources builds the source Settings name, over the cache; called off the FX thread */
    public FleetFeature(Function<SourceSettings, Function<FleetStore, FleetSource>> sources) {
        this.sources = sources;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        SiteDownRule rule = SettingsFile.in(folder.folder().path()).read().get(AvailabilitySettings.SECTION).rule();
        FleetSources fleet = new FleetSources(folder.database().fleet(), folder.clock(),
                folder.audit(), folder.source(), rule);
        parts.add(FleetSources.class, () -> fleet)
                .add(FleetService.class, fleet::fleet)
                .add(EnvironmentsFleetSource.class, fleet::environments);
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(TABLE, () -> new FleetTableView(new FleetTableViewModel(w.fleet()),
                new SiteDetailView(new SiteDetailViewModel(w.fleet()), w.messages(), w.siteActions()), w.messages())).home(TABLE);
        new FleetBanners(w.shell(), w.watch(), w.messages(), w.zone());
    }

    @Override
    public void opened(WindowContext w, ConsoleBackend.Session session) {
        FleetSources fleet = session.part(FleetSources.class);
        w.watch().watch(fleet.fleet());
        w.shell().sourceProperty().addListener((o, was, now) ->
                w.watch().switchTo(now.kind().name(), () -> fleet.switchSource(sources.apply(now))));
        // A new site-down rule from Settings: the live fleet is judged again off the FX thread, no restart.
        w.shell().availabilityProperty().addListener((o, was, now) ->
                w.workers().execute(() -> fleet.useSiteRule(now.rule())));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new DemoCommand(), new EnvCommand(m), new FleetCommand(), new ImportCommand(m),
                new SyncCommand(m));
    }
}
