package io.camfleet.console.app.features;

import io.camfleet.console.adapter.jira.JiraCloudTracker;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.cli.DiagCommand;
import io.camfleet.console.cli.RunbooksCommand;
import io.camfleet.console.cli.TicketCommand;
import io.camfleet.console.cli.TimelineCommand;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.diagnostics.DiagnosticsBundle;
import io.camfleet.console.service.diagnostics.DiagnosticsSettings;
import io.camfleet.console.service.runbooks.RunbookLibrary;
import io.camfleet.console.service.support.SupportSettings;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.service.tracker.TicketLink;
import io.camfleet.console.service.tracker.TrackerSettings;
import io.camfleet.console.service.timeline.SiteTimeline;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The support desk for level 2 and 3: tickets with their SLA timers and timelines, the optional Jira link, the
 * diagnostics runbooks (built in, and the operators' own files in the data folder's {@code runbooks} folder), config
 * backups, the site timeline; the queue and ticket screens and {@code camfleet ticket|runbooks|diag|backup|restore}.
 */
public final class SupportFeature implements Feature {

    /** The folder of the data folder where operators keep their own runbooks, as YAML or JSON files. */
    public static final String RUNBOOKS_FOLDER = "runbooks";

    public static final Screen SUPPORT = new Screen("SUPPORT", Material2MZ.SUPPORT_AGENT);

    private final Map<String, String> env;
    private final ConsoleBackend backend;

    /**
     * @param env     the process's environment, where the Jira API token is ({@value TrackerSettings#TOKEN_VARIABLE})
     * @param backend how the desk's tools reach cameras (runbooks, bundles, the terminal)
     */
    public SupportFeature(Map<String, String> env, ConsoleBackend backend) {
        this.env = Map.copyOf(env);
        this.backend = backend;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var file = SettingsFile.in(folder.folder().path());
        var targets = Recent.of(() -> file.read().get(SupportSettings.SECTION), Duration.ofSeconds(10));
        var jira = Recent.of(() -> file.read().get(TrackerSettings.SECTION).link(env), Duration.ofSeconds(10));
        Lazy<TicketService> tickets = new Lazy<>(() -> new TicketService(folder.database().tickets(),
                folder.audit(), folder.clock(), targets));
        parts.add(TicketService.class, tickets)
                .add(TicketLink.class, new Lazy<>(() -> new TicketLink(tickets.get(), folder.audit(), jira,
                        JiraCloudTracker::open)))
                .add(RunbookLibrary.class, new Lazy<>(() ->
                        new RunbookLibrary(folder.folder().path().resolve(RUNBOOKS_FOLDER))))
                .add(DiagnosticsBundle.class, new Lazy<>(() -> new DiagnosticsBundle(tickets.get(),
                        folder.folder().path(), Recent.of(() -> file.read().get(DiagnosticsSettings.SECTION),
                        Duration.ofSeconds(10)), folder.clock())))
                .add(SiteTimeline.class, SiteTimelines.over(folder, parts));
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        new SupportWindow(w, backend).register(screens);
    }

    @Override
    public void opened(WindowContext w, ConsoleBackend.Session session) {
        // The files are read off the FX thread; a bad one is a banner, never a window that does not open.
        RunbookLibrary library = session.part(RunbookLibrary.class);
        RunbookBanners banners = new RunbookBanners(w.shell(), library, w.tasks(), w.messages());
        w.tasks().job(w.messages().text("runbooks.banner.reload"), p -> library.current()).quiet()
                .onSuccess(banners::show).start();
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new TicketCommand(m), new RunbooksCommand(m), new DiagCommand(m),
                new TimelineCommand(m));
    }
}
