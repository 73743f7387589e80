package io.camfleet.console.ui.support;

import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.diagnostics.RunbookPreview;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a ticket's buttons reach beyond the desk: runbooks, the diagnostics bundle, the terminal, config backups, the
 * site timeline and Jira, handed in by the composition root. A tool left null has no button: the desk is complete
 * without any of them.
 *
 * @param runbooks    runs diagnostics and remediations on the ticket's cameras
 * @param bundle      collects a camera's diagnostics bundle into the ticket (off the FX thread); returns the sentence
 *                    that says what was attached
 * @param terminal    opens the operator's own terminal with ssh to a camera (off the FX thread: it starts a
 *                    program); returns what to tell the operator
 * @param backups     shows a camera's config backups (on the FX thread)
 * @param timeline    shows a site's timeline (on the FX thread)
 * @param jira        pushes the ticket to Jira (off the FX thread), or null when Jira is not configured; returns the
 *                    sentence that says where it went
 * @param siteCameras the camera ids of a site, for a ticket that names no camera
 * @param openFolder  shows a folder in the desktop's file manager (an attachment's)
 */
public record TicketTools(RunbookRunner runbooks, TicketWork bundle, TicketWork terminal, CameraWindow backups,
                          SiteWindow timeline, TicketWork jira, Function<String, List<String>> siteCameras,
                          Consumer<Path> openFolder) {

    /** No tool: the desk on its own. */
    public static final TicketTools NONE = new TicketTools(null, null, null, null, null, null, site -> List.of(),
            folder -> { });

    /** Runs runbooks on cameras for a ticket; see {@code DiagnosticsService}. */
    public interface RunbookRunner {
        List<Runbook> runbooks();

        /** What the run would do; nothing is dialled. Throws a {@code Problem} for refused values. */
        RunbookPreview preview(Ticket ticket, String runbookId, Map<String, String> values, List<String> cameraIds);

        /** Runs it; each camera's run goes to the ticket's timeline and to {@code each} as it ends. */
        List<CameraRun> run(Ticket ticket, String runbookId, Map<String, String> values, List<String> cameraIds,
                            boolean confirmed, Consumer<CameraRun> each);
    }

    /** Work on a ticket and one of its cameras, off the FX thread; returns what to tell the operator. */
    @FunctionalInterface
    public interface TicketWork {
        String run(Ticket ticket, String cameraId, Progress progress);
    }

    /** Opens a window or a program about a camera, on the FX thread. */
    @FunctionalInterface
    public interface CameraWindow {
        void open(Window owner, Ticket ticket, String cameraId);
    }

    /** Opens a window about a site, on the FX thread. */
    @FunctionalInterface
    public interface SiteWindow {
        void open(Window owner, String siteId);
    }

    public TicketTools withRunbooks(RunbookRunner r) {
        return new TicketTools(r, bundle, terminal, backups, timeline, jira, siteCameras, openFolder);
    }

    public TicketTools withBundle(TicketWork w) {
        return new TicketTools(runbooks, w, terminal, backups, timeline, jira, siteCameras, openFolder);
    }

    public TicketTools withTerminal(TicketWork w) {
        return new TicketTools(runbooks, bundle, w, backups, timeline, jira, siteCameras, openFolder);
    }

    public TicketTools withBackups(CameraWindow w) {
        return new TicketTools(runbooks, bundle, terminal, w, timeline, jira, siteCameras, openFolder);
    }

    public TicketTools withTimeline(SiteWindow w) {
        return new TicketTools(runbooks, bundle, terminal, backups, w, jira, siteCameras, openFolder);
    }

    public TicketTools withJira(TicketWork w) {
        return new TicketTools(runbooks, bundle, terminal, backups, timeline, w, siteCameras, openFolder);
    }

    public TicketTools withSiteCameras(Function<String, List<String>> f) {
        return new TicketTools(runbooks, bundle, terminal, backups, timeline, jira, f, openFolder);
    }

    public TicketTools withOpenFolder(Consumer<Path> f) {
        return new TicketTools(runbooks, bundle, terminal, backups, timeline, jira, siteCameras, f);
    }

    /** The cameras a ticket's tools work on: its own, else every camera of its sites. */
    public List<String> cameras(Ticket t) {
        if (!t.cameraIds().isEmpty()) {
            return t.cameraIds();
        }
        return t.siteIds().stream().flatMap(s -> siteCameras.apply(s).stream()).distinct().toList();
    }
}
