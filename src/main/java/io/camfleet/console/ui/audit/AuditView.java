package io.camfleet.console.ui.audit;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.audit.AuditVerification;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.common.SearchField;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The audit trail: who did what, when, with what outcome; filterable, and the chain can be checked. */
public final class AuditView implements ScreenView {

    private final AuditViewModel vm;
    private final Messages m;
    private final DateTimeFormatter time;
    private final VBox root = new VBox(10);
    private final CustomTextField search;

    public AuditView(AuditViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.m = messages;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", messages.locale()).withZone(zone);
        this.search = SearchField.create(messages, "audit.search.prompt");
        root.setPadding(new Insets(16, 20, 12, 20));
        root.getStyleClass().add("audit");

        Label title = new Label(m.text("screen.AUDIT"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());

        search.setPrefWidth(320);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setId("audit-search");

        ComboBox<AuditOutcome> outcome = new ComboBox<>();
        outcome.getItems().add(null);
        outcome.getItems().addAll(AuditOutcome.values());
        outcome.setButtonCell(outcomeCell());
        outcome.setCellFactory(l -> outcomeCell());
        outcome.valueProperty().bindBidirectional(vm.outcomeProperty());

        Button refresh = new Button(m.text("audit.refresh"), new FontIcon(Material2MZ.REFRESH));
        refresh.setOnAction(e -> vm.refresh());
        Button verify = new Button(m.text("audit.verify"), new FontIcon(Material2MZ.VERIFIED_USER));
        verify.getStyleClass().add(Styles.ACCENT);
        verify.setOnAction(e -> vm.verify());
        verify.setId("audit-verify");

        HBox header = new HBox(12, title, status, new Spacer(), search, outcome, refresh, verify);
        header.setAlignment(Pos.CENTER_LEFT);

        Label verdict = new Label();
        verdict.setId("audit-verdict");
        verdict.setWrapText(true);
        vm.verificationProperty().addListener((o, a, v) -> renderVerdict(verdict, v));
        verdict.managedProperty().bind(verdict.textProperty().isNotEmpty());

        TableView<AuditEvent> table = new TableView<>(vm.events());
        table.setId("audit-events");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(28);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.text("audit.empty")));
        table.getColumns().setAll(java.util.List.of(
                col("audit.col.seq", 70, e -> Long.toString(e.seq())),
                col("audit.col.time", 160, e -> time.format(e.at())),
                col("audit.col.actor", 120, AuditEvent::actor),
                col("audit.col.action", 160, AuditEvent::action),
                col("audit.col.target", 200, AuditEvent::target),
                col("audit.col.outcome", 110, e -> m.text("audit.outcome." + e.outcome().name())),
                col("audit.col.parameters", 360, e -> e.parameters().entrySet().stream()
                        .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining("  ")))));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header, verdict, table);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.refresh();
            }
        });
    }

    private ListCell<AuditOutcome> outcomeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(AuditOutcome item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? m.text("audit.outcome.any") : m.text("audit.outcome." + item));
            }
        };
    }

    private TableColumn<AuditEvent, AuditEvent> col(String key, double width, Function<AuditEvent, String> text) {
        TableColumn<AuditEvent, AuditEvent> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> Cells.text(text));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void renderVerdict(Label label, AuditVerification v) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (v == null) {
            label.setText("");
            return;
        }
        if (v.intact()) {
            StringBuilder text = new StringBuilder(m.text("audit.verdict.intact", v.checked()));
            v.earlierTrails().forEach(t -> text.append(' ').append(m.text("audit.verdict.earlier",
                    t.at().truncatedTo(ChronoUnit.SECONDS).toString(), t.movedAside())));
            label.setText(text.toString());
            label.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE));
            label.getStyleClass().add(Styles.SUCCESS);
        } else {
            label.setText(v.firstBroken() > 0 ? m.text("audit.verdict.broken", v.firstBroken(), m.text(v))
                    : m.text("audit.verdict.brokenFiles", m.text(v)));
            label.setGraphic(new FontIcon(Material2AL.ERROR));
            label.getStyleClass().add(Styles.DANGER);
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public boolean focusSearch() {
        search.requestFocus();
        return true;
    }
}
