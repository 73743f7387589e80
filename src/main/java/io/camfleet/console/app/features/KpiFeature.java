package io.camfleet.console.app.features;

import io.camfleet.console.cli.KpiCommand;
import io.camfleet.console.service.alerts.AlertService;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.kpi.DoraCalculator;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.kpi.EstateImageDates;
import io.camfleet.console.service.kpi.ImageBuildDates;
import io.camfleet.console.service.kpi.IncidentHistory;
import io.camfleet.console.service.kpi.KpiService;
import io.camfleet.console.ui.kpi.KpiView;
import io.camfleet.console.ui.kpi.KpiViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * KPIs: DORA from the deployment journal, availability and SLA attainment, the fleet's composition, alert volume and
 * time to acknowledge, on the dashboard and from {@code camfleet kpi}. The incident history is the alert store of the
 * folder; the availability figures and the images last read from AWS (the estate cache) are other features' parts,
 * found when asked.
 */
public final class KpiFeature implements Feature {

    public static final Screen KPI = new Screen("KPI", Material2MZ.SHOW_CHART);

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        // The alert store keeps each alert's raising, acknowledgement and resolution: the incident history.
        IncidentHistory alertHistory = (from, to) -> folder.database().alerts().raisedBetween(from, to).stream()
                .map(a -> new IncidentHistory.PastAlert(a.kind(), a.severity(), a.raisedAt(), a.acknowledgedAt(),
                        a.resolvedAt()))
                .toList();
        Supplier<Optional<IncidentHistory>> incidents = () -> Optional.of(alertHistory);
        var availability = parts.reference(AvailabilityFigures.class);
        // Image ages come from the catalogues the AWS estate screen last read, of the environments configured now;
        // read again at each composition (off the FX thread), so a refreshed catalogue counts at once.
        var estate = parts.reference(EstateCache.class);
        var settings = SettingsFile.in(folder.folder().path());
        Supplier<Optional<ImageBuildDates>> images = () -> estate.get().map(cache -> EstateImageDates.read(cache,
                settings.read().get(SourceSettings.SECTION).environments().stream().map(Environment::label)
                        .toList()));
        parts.add(KpiService.class, new Lazy<>(() -> new KpiService(
                new DoraCalculator(folder.database().journal(), folder.database().releases(),
                        DoraCalculator.HOTFIX_WINDOW), incidents, availability, images, folder.clock())));
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        // the alert figures follow the alerts, when this folder has them
        screens.add(KPI, () -> new KpiView(new KpiViewModel(w.session().part(KpiService.class), w.fleet(),
                w.tasks(), w.messages(), changed -> w.session().find(AlertService.class)
                        .ifPresent(alerts -> alerts.onChange(changed))), w.messages(), w.tasks()));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new KpiCommand(m));
    }
}
