package io.camfleet.console.app.features;

import io.camfleet.console.cli.TimelineCommand;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.diagnostics.DiagnosticsBundle;
import io.camfleet.console.service.diagnostics.DiagnosticsSettings;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.support.SupportSettings;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.service.timeline.SiteTimeline;

import java.time.Duration;
import java.util.List;

/**
 * The support desk for level 2 and 3: tickets with their SLA timers and timelines, the diagnostics runbooks (built in,
 * and the operators' own files in the data folder's {@code runbooks} folder), config backups, the site timeline; the
 * queue and ticket screens and {@code camfleet ticket|diag|backup|restore}.
 */
public final class SupportFeature implements Feature {

    /** The folder of the data folder where operators keep their own runbooks, as YAML or JSON files. */
    public static final String RUNBOOKS_FOLDER = "runbooks";

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var file = SettingsFile.in(folder.folder().path());
        var targets = Recent.of(() -> file.read().get(SupportSettings.SECTION), Duration.ofSeconds(10));
        Lazy<TicketService> tickets = new Lazy<>(() -> new TicketService(folder.database().tickets(),
                folder.audit(), folder.clock(), targets));
        parts.add(TicketService.class, tickets)
                .add(RunbookCatalogue.class, new Lazy<>(() ->
                        RunbookCatalogue.read(folder.folder().path().resolve(RUNBOOKS_FOLDER))))
                .add(DiagnosticsBundle.class, new Lazy<>(() -> new DiagnosticsBundle(tickets.get(),
                        folder.folder().path(), Recent.of(() -> file.read().get(DiagnosticsSettings.SECTION),
                        Duration.ofSeconds(10)), folder.clock())))
                .add(SiteTimeline.class, SiteTimelines.over(folder, parts));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new TimelineCommand(m));
    }
}
