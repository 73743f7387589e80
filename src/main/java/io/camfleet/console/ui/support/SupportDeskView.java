package io.camfleet.console.ui.support;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.support.TicketDraft;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

import java.time.ZoneId;

/**
 * The support desk screen: the queue, and a ticket opened from it (Enter) in its place, Esc going back. A ticket
 * started elsewhere (a site on the map or in the table, an alert) arrives here as a prefilled draft: the dialog shows
 * it, Enter creates it, and the ticket opens.
 */
public final class SupportDeskView implements ScreenView {

    /** The desk's stylesheet, for its dialogs too. */
    static final String STYLESHEET = SupportDeskView.class.getResource("support-desk.css").toExternalForm();

    /** The timers are measured again this often while the screen shows. */
    private static final Duration TICK = Duration.seconds(30);

    private final QueueViewModel queue;
    private final TicketViewModel ticket;
    private final Messages m;
    private final QueueView queuePage;
    private final TicketView ticketPage;
    private final StackPane root = new StackPane();

    public SupportDeskView(QueueViewModel queue, TicketViewModel ticket, Messages messages, ZoneId zone,
                           TicketTools tools, BackgroundTasks tasks) {
        this.queue = queue;
        this.ticket = ticket;
        this.m = messages;
        this.queuePage = new QueueView(queue, messages, this::open, () -> newTicket(null));
        this.ticketPage = new TicketView(ticket, messages, zone, tools, tasks, this::back);
        root.setPadding(new Insets(16, 20, 12, 20));
        root.getStyleClass().add("support-desk");
        root.getStylesheets().add(STYLESHEET);
        root.getChildren().setAll(queuePage.root());
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (ticketPage.root().getParent() == root) {
                ticketPage.key(e);
            } else {
                queuePage.key(e);
            }
        });
        Timeline tick = new Timeline(new KeyFrame(TICK, e -> {
            if (root.getScene() != null) {
                if (ticketPage.root().getParent() == root) {
                    ticket.reload();
                } else {
                    queue.refresh();
                }
            }
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                queue.refresh();
                tick.play();
                // the keyboard is on the queue (or the ticket) at once: arrows, Enter, N work without a click
                javafx.application.Platform.runLater(() -> {
                    if (ticketPage.root().getParent() == root) {
                        ticketPage.focus();
                    } else {
                        queuePage.focusTable();
                    }
                });
            } else {
                tick.stop();
            }
        });
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public boolean focusSearch() {
        back();
        return queuePage.focusSearch();
    }

    /** Shows ticket {@code id} in place of the queue. */
    public void open(long id) {
        ticket.open(id);
        root.getChildren().setAll(ticketPage.root());
        ticketPage.focus();
    }

    /** Back to the queue, on the ticket that was open. */
    public void back() {
        if (ticketPage.root().getParent() != root) {
            return;
        }
        long was = ticket.id();
        root.getChildren().setAll(queuePage.root());
        queue.select(was);
        queue.refresh();
        queuePage.focusTable();
    }

    /**
     * Shows the new-ticket dialog over the desk with {@code draft} (a blank one for null); Enter creates the ticket
     * and opens it. Call once the desk is in the window.
     */
    public void newTicket(TicketDraft draft) {
        TicketDraft d = draft == null ? new TicketDraft("", Severity.P3, "", null, null, "") : draft;
        NewTicketDialog.show(root.getScene().getWindow(), m, d, ticket::create, created -> open(created.id()));
    }
}
