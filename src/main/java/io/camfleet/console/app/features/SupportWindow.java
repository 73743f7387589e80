package io.camfleet.console.app.features;

import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.diagnostics.DiagnosticsBundle;
import io.camfleet.console.service.diagnostics.DiagnosticsService;
import io.camfleet.console.service.diagnostics.DiagnosticsSettings;
import io.camfleet.console.service.diagnostics.RunRequest;
import io.camfleet.console.service.diagnostics.RunbookPreview;
import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.runbooks.RunbookLibrary;
import io.camfleet.console.service.support.TicketDraft;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.service.tracker.TicketLink;
import io.camfleet.console.ui.common.sitedetail.SiteActions;
import io.camfleet.console.ui.shell.ScreenRegistry;
import io.camfleet.console.ui.support.QueueViewModel;
import io.camfleet.console.ui.support.SupportDeskView;
import io.camfleet.console.ui.support.TicketTools;
import io.camfleet.console.ui.support.TicketViewModel;
import io.camfleet.console.ui.timeline.SiteTimelineWindow;
import io.camfleet.console.adapter.os.FolderOpener;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The support desk in one main window: its screen, the tools its tickets reach (runbooks, bundle, terminal, site
 * timeline, Jira), and the "Open ticket" of the site details and the alerts, which bring the operator to the desk
 * with a prefilled draft. Cameras are reached as the fleet's source suggests: the demo's simulated hosts for the
 * demo, SSM for a fleet synced from AWS, SSH for an imported one.
 */
final class SupportWindow {

    private final WindowContext w;
    private final ConsoleBackend backend;
    private final SiteTimelineWindow timelines;
    private final TicketDrafts drafts;
    private SupportDeskView desk;

    SupportWindow(WindowContext w, ConsoleBackend backend) {
        this.w = w;
        this.backend = backend;
        this.timelines = SiteTimelines.window(w);
        this.drafts = new TicketDrafts(w.messages());
    }

    void register(ScreenRegistry.Builder screens) {
        screens.add(SupportFeature.SUPPORT, this::build);
        w.siteActions(new SiteActions(this::fromSite, siteId -> timelines.open(siteId, null)));
        w.ticketFromAlert(this::fromAlert);
    }

    private SupportDeskView build() {
        ConsoleBackend.Session s = w.session();
        TicketService tickets = s.part(TicketService.class);
        Clock clock = Clock.system(w.zone());
        TicketTools tools = TicketTools.NONE
                .withRunbooks(new Runbooks(s, tickets))
                .withBundle(this::bundle)
                .withTerminal(this::terminal)
                .withTimeline((owner, siteId) -> timelines.open(siteId, owner))
                .withBackups(backups())
                .withSiteCameras(site -> w.fleet().snapshot().cameras(site).stream()
                        .map(c -> c.camera().id()).toList())
                .withOpenFolder(folder -> w.workers().execute(() -> FolderOpener.open(folder)));
        // "Push to Jira" only where Jira is configured: without it the desk is complete on its own
        if (s.find(TicketLink.class).filter(TicketLink::configured).isPresent()) {
            TicketLink link = s.part(TicketLink.class);
            tools = tools.withJira((ticket, camera, p) -> {
                var issue = link.push(ticket.id());
                return w.messages().text("desk.jira.pushed", issue.key(), issue.status().name());
            });
        }
        desk = new SupportDeskView(new QueueViewModel(tickets, w.tasks(), w.messages(), clock),
                new TicketViewModel(tickets, w.tasks(), w.messages(), clock), w.messages(), w.zone(), tools,
                w.tasks());
        return desk;
    }

    /** A camera's config backups, reached as the desk's other tools reach cameras. */
    private TicketTools.CameraWindow backups() {
        var window = BackupsFeature.window(w, backend, this::executor, () -> settings().sshUser());
        return (owner, ticket, cameraId) -> window.open(cameraId, owner);
    }

    /** Brings the operator to the desk with {@code draft} in the new-ticket dialog. */
    private void start(TicketDraft draft) {
        w.shell().show(SupportFeature.SUPPORT);
        if (desk != null) {
            desk.newTicket(draft);
        }
    }

    private void fromSite(SiteSummary site, List<CameraStatus> selected) {
        start(selected.isEmpty()
                ? drafts.fromSite(site.id(), site.site().name(), site.site().customer(),
                site.health().state() == HealthState.OFFLINE)
                : drafts.fromCameras(site.id(), site.site().name(), site.site().customer(),
                selected.stream().map(c -> c.camera().id()).toList()));
    }

    private void fromAlert(Alert a) {
        SiteSummary site = w.fleet().snapshot().site(a.siteId());
        // an alert about one camera names it as its subject
        List<String> cameras = w.fleet().snapshot().cameras(a.siteId()).stream().map(c -> c.camera().id())
                .filter(id -> id.equals(a.subject())).toList();
        start(drafts.fromAlert(a.id(), a.siteId(), site == null ? "" : site.site().name(),
                site == null ? "" : site.site().customer(), cameras, a.summary(),
                a.severity() == io.camfleet.console.domain.alerts.AlertSeverity.CRITICAL));
    }

    /** How cameras are reached: the demo's hosts for the demo fleet, SSM for AWS, SSH for an imported fleet. */
    private ExecutorKind executor() {
        SourceSettings source = w.shell().sourceProperty().get();
        return switch (source.kind()) {
            case DEMO -> ExecutorKind.DEMO;
            case AWS -> ExecutorKind.SSM;
            case IMPORT -> ExecutorKind.SSH;
        };
    }

    private DiagnosticsSettings settings() {
        return SettingsFile.in(w.folder()).read().get(DiagnosticsSettings.SECTION);
    }

    private Target target(String siteId, String cameraId) {
        FleetSnapshot fleet = w.fleet().snapshot();
        CameraSystem c = fleet.cameras(siteId).stream().map(CameraStatus::camera)
                .filter(cam -> cam.id().equals(cameraId)).findFirst()
                .orElseThrow(() -> io.camfleet.console.service.common.Problem.badInput("desk.cameraUnknown",
                        cameraId, siteId));
        return new Target(c.id(), c.siteId(), c.sshAddress(), c.jumpHost(), c.ssmNodeId());
    }

    private Target target(Ticket t, String cameraId) {
        for (String site : t.siteIds()) {
            if (w.fleet().snapshot().cameras(site).stream().anyMatch(c -> c.camera().id().equals(cameraId))) {
                return target(site, cameraId);
            }
        }
        throw io.camfleet.console.service.common.Problem.badInput("desk.cameraUnknown", cameraId,
                String.join(", ", t.siteIds()));
    }

    private String bundle(Ticket t, String cameraId, io.camfleet.console.service.common.Progress p) {
        FleetSnapshot fleet = w.fleet().snapshot();
        var attached = w.session().part(DiagnosticsBundle.class).collect(t.id(), target(t, cameraId),
                backend.connector(executor(), w.folder(), fleet, settings().sshUser()), p);
        return w.messages().text("desk.bundle.attached", attached.name(), cameraId);
    }

    private String terminal(Ticket t, String cameraId, io.camfleet.console.service.common.Progress p) {
        Target target = target(t, cameraId);
        backend.terminal().open(new RemoteHost(cameraId, target.address(), target.jumpHost(), settings().sshUser()));
        return w.messages().text("desk.terminal.opened", cameraId);
    }

    /** The runbooks of the data folder, run through the diagnostics service on the ticket's cameras. */
    private final class Runbooks implements TicketTools.RunbookRunner {
        private final ConsoleBackend.Session session;
        private final TicketService tickets;

        Runbooks(ConsoleBackend.Session session, TicketService tickets) {
            this.session = session;
            this.tickets = tickets;
        }

        private DiagnosticsService service() {
            RunbookLibrary library = session.part(RunbookLibrary.class);
            return new DiagnosticsService(backend.shell(executor(), w.folder(), w.fleet().snapshot(),
                    settings().sshUser()), library::current, tickets, session.audit());
        }

        @Override
        public List<Runbook> runbooks() {
            return session.part(RunbookLibrary.class).current().runbooks();
        }

        @Override
        public RunbookPreview preview(Ticket ticket, String runbookId, Map<String, String> values,
                                      List<String> cameraIds) {
            return service().preview(runbookId, values, cameraIds.stream().map(c -> target(ticket, c)).toList());
        }

        @Override
        public List<CameraRun> run(Ticket ticket, String runbookId, Map<String, String> values,
                                   List<String> cameraIds, boolean confirmed, Consumer<CameraRun> each) {
            return service().run(new RunRequest(runbookId, values, cameraIds.stream()
                    .map(c -> target(ticket, c)).toList(), ticket.id(), confirmed), Objects.requireNonNull(each));
        }
    }
}
