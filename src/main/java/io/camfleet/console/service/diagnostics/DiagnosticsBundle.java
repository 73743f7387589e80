package io.camfleet.console.service.diagnostics;

import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.support.TicketService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * A camera's logs and configuration, fetched over SFTP into one zip kept with a ticket: bounded in size, config files
 * redacted, with a SHA-256 of the zip as written, attached to the ticket's timeline (and so audited).
 */
public final class DiagnosticsBundle {

    /** Under the data folder: {@code attachments/ticket-<id>/<camera>-<time>.zip}. */
    public static final String ATTACHMENTS_FOLDER = "attachments";

    private final TicketService tickets;
    private final Path dataFolder;
    private final Supplier<DiagnosticsSettings> settings;
    private final Clock clock;

    public DiagnosticsBundle(TicketService tickets, Path dataFolder, Supplier<DiagnosticsSettings> settings,
                             Clock clock) {
        this.tickets = tickets;
        this.dataFolder = dataFolder;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Collects the camera's log folders and config folder (as the settings name them) into a new zip under the data
     * folder and attaches it to the ticket. The zip is complete under its name, or absent: a dropped connection, a
     * full disk or a cancel leaves no file behind.
     *
     * @param connector how the camera is reached: {@code ConsoleBackend.connector(...)} for the executor in use
     * @return the attachment as the ticket's timeline records it
     * @throws io.camfleet.console.service.common.Problem naming the camera when it cannot be reached or the
     *         connection drops, naming the file when the disk is full; (BAD_INPUT) for an unknown or closed ticket
     */
    public TimelineEntry.Attachment collect(long ticketId, Target target, HostConnector connector,
                                            Progress progress) {
        throw new UnsupportedOperationException("not yet");
    }
}
