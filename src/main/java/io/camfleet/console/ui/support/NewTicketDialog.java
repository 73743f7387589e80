package io.camfleet.console.ui.support;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.support.TicketDraft;
import io.camfleet.console.service.support.TicketService;
import javafx.event.ActionEvent;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A new ticket, prefilled from where the operator stood (a site, cameras, an alert): everything can still be changed,
 * Enter creates it. The dialog stays open, with what was typed, when the ticket is refused, and says why.
 */
final class NewTicketDialog {

    /** Creates the ticket of a draft off the FX thread: {@code created} or {@code refused} is called back. */
    interface Creator {
        void create(TicketDraft draft, Consumer<Ticket> created, Consumer<String> refused);
    }

    private NewTicketDialog() {
    }

    /** Shows the draft; {@code opened} gets the ticket once it is stored. */
    static void show(Window owner, Messages m, TicketDraft draft, Creator creator, Consumer<Ticket> opened) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.text("desk.newTicket.title"));
        dialog.setHeaderText(m.text("desk.newTicket.header"));
        dialog.setGraphic(new FontIcon(Material2AL.ADD_TASK));
        ButtonType create = new ButtonType(m.text("desk.newTicket.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(640);
        dialog.getDialogPane().setId("desk-new-ticket");
        dialog.getDialogPane().getStylesheets().add(SupportDeskView.STYLESHEET);

        TextField title = new TextField(draft.title());
        title.setId("new-ticket-title");
        TicketDialogs.limit(title, TicketService.TITLE_LIMIT);
        ToggleGroup severities = new ToggleGroup();
        HBox severity = new HBox();
        severity.getStyleClass().add("segmented");
        for (Severity s : Severity.values()) {
            ToggleButton b = new ToggleButton(s.name());
            b.setId("new-ticket-" + s.name());
            b.setUserData(s);
            b.setToggleGroup(severities);
            b.setSelected(s == draft.severity());
            b.setTooltip(new Tooltip(m.text("desk.severity." + s.name())));
            b.getStyleClass().add(s == Severity.P1 ? Styles.LEFT_PILL : s == Severity.P4 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            severity.getChildren().add(b);
        }
        // one severity is always chosen
        severities.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        Label severityWords = new Label();
        severityWords.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable words = () -> severityWords.setText(m.text("desk.severity."
                + ((Severity) severities.getSelectedToggle().getUserData()).name()));
        severities.selectedToggleProperty().addListener(o -> words.run());
        words.run();
        HBox severityRow = new HBox(12, severity, severityWords);
        severityRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TextField customer = new TextField(draft.customer());
        customer.setId("new-ticket-customer");
        TextField sites = new TextField(String.join(", ", draft.siteIds()));
        sites.setId("new-ticket-sites");
        sites.setPromptText(m.text("desk.newTicket.sites.prompt"));
        TextField cameras = new TextField(String.join(", ", draft.cameraIds()));
        cameras.setId("new-ticket-cameras");
        cameras.setPromptText(m.text("desk.newTicket.cameras.prompt"));
        TextArea description = new TextArea(draft.description());
        description.setId("new-ticket-description");
        description.setPromptText(m.text("desk.newTicket.description.prompt"));
        description.setPrefRowCount(4);
        description.setWrapText(true);
        TicketDialogs.limit(description, TicketService.TEXT_LIMIT);

        Label problem = new Label();
        problem.setId("new-ticket-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setGraphic(new FontIcon(Material2AL.ERROR));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.setPadding(new Insets(12, 10, 0, 10));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, label(m, "desk.newTicket.titleLabel"), title);
        form.addRow(1, label(m, "desk.newTicket.severity"), severityRow);
        form.addRow(2, label(m, "desk.newTicket.customer"), customer);
        form.addRow(3, label(m, "desk.newTicket.sites"), sites);
        form.addRow(4, label(m, "desk.newTicket.cameras"), cameras);
        form.addRow(5, label(m, "desk.newTicket.description"), description);
        form.add(problem, 1, 6);
        dialog.getDialogPane().setContent(form);

        Button ok = (Button) dialog.getDialogPane().lookupButton(create);
        ok.setId("new-ticket-create");
        ok.setDefaultButton(true);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ok.setDisable(true);
            problem.setText("");
            TicketDraft edited = new TicketDraft(title.getText(),
                    (Severity) severities.getSelectedToggle().getUserData(), customer.getText(), ids(sites.getText()),
                    ids(cameras.getText()), description.getText());
            creator.create(edited, ticket -> {
                dialog.setResult(create);
                dialog.close();
                opened.accept(ticket);
            }, sentence -> {
                ok.setDisable(false);
                problem.setText(sentence);
            });
        });
        dialog.setOnShown(e -> {
            title.requestFocus();
            title.end();
        });
        dialog.show();
    }

    private static Label label(Messages m, String key) {
        Label l = new Label(m.text(key));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** "a, b  c" as [a, b, c]. */
    static List<String> ids(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
