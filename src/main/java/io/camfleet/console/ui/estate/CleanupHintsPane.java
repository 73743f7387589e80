package io.camfleet.console.ui.estate;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.SafeCsv;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cleanup hints of the cost tab: what may be left over, each with its monthly storage cost and the total. They
 * change nothing: the operator copies a resource id (button, Ctrl+C or the context menu) to act on it elsewhere.
 */
final class CleanupHintsPane {

    static final List<String> CSV_HEADER = List.of("kind", "environment", "resource", "detail", "size_gb",
            "monthly_usd");

    private final VBox root = new VBox(6);
    private final TableView<CleanupHint> table = new TableView<>();
    private final Label summary = new Label();
    private final Label empty = new Label();
    private final CostTabModel model;
    private final Messages m;

    CleanupHintsPane(CostTabModel model, Messages messages) {
        this.model = model;
        this.m = messages;
        Label title = new Label(m.text("estate.cost.hints.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        summary.setId("estate-cost-hints-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Button copy = new Button(m.text("estate.cost.hints.copy"), new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("estate-cost-hints-copy");
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copySelected());
        Button csv = new Button(m.text("estate.cost.csv"), new FontIcon(Material2AL.GRID_ON));
        csv.setId("estate-cost-hints-csv");
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.hints()));
        csv.setOnAction(e -> saveCsv());
        HBox head = new HBox(10, title, summary, new Spacer(), copy, csv);
        head.setAlignment(Pos.CENTER_LEFT);

        table.setId("estate-cost-hints");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("estate.cost.hints.kind", 230, h -> m.text("cost.hint." + h.kind().cliName())),
                column("estate.cost.hints.resource", 210, CleanupHint::resource),
                column("estate.cost.hints.detail", 220, CleanupHint::detail),
                number("estate.cost.hints.size", 90, h -> BigDecimal.valueOf(h.sizeGb()), false),
                number("estate.cost.hints.monthly", 120, CleanupHint::monthly, true)));
        SortedList<CleanupHint> sorted = new SortedList<>(model.hints());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(empty);
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        MenuItem copyItem = new MenuItem(m.text("estate.cost.hints.copy"));
        copyItem.setOnAction(e -> copySelected());
        table.setContextMenu(new ContextMenu(copyItem));
        KeyCombination ctrlC = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(e -> {
            if (ctrlC.match(e)) {
                copySelected();
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(head, table);
        model.hints().addListener((javafx.collections.ListChangeListener<CleanupHint>) c -> describe());
        model.hintsAsOfProperty().addListener(o -> describe());
        describe();
    }

    /** Says what the list holds or why it is empty; called again when the environment changes. */
    void describe() {
        List<CleanupHint> hints = model.hints();
        BigDecimal total = hints.stream().map(CleanupHint::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
        String where = model.environment() == null ? "" : model.environment().label();
        summary.setText(model.hintsAsOfProperty().get() == null || hints.isEmpty() ? ""
                : m.text("estate.cost.hints.summary", hints.size(), CostTab.money(total)));
        empty.setText(model.environment() == null ? m.text("estate.cost.noEnvironment")
                : model.hintsAsOfProperty().get() == null ? m.text("estate.cost.hints.never")
                : m.text("estate.cost.hints.none", where));
    }

    /** Puts the selected hints' resource ids on the clipboard, one a line. */
    void copySelected() {
        String ids = table.getSelectionModel().getSelectedItems().stream().map(CleanupHint::resource)
                .collect(Collectors.joining("\n"));
        if (!ids.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(ids);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void saveCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.text("estate.cost.exportTitle"));
        chooser.setInitialFileName("cleanup-" + (model.environment() == null ? "" : model.environment().label())
                + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            model.exportHintsCsv(f.toPath(), new ArrayList<>(table.getItems()));
        }
    }

    /** The hints as CSV, monthly cost in USD to the cent. */
    static String csv(List<CleanupHint> hints) {
        StringBuilder out = new StringBuilder(SafeCsv.line(CSV_HEADER)).append("\r\n");
        for (CleanupHint h : hints) {
            out.append(SafeCsv.line(Arrays.asList(h.kind().cliName(), h.environment(), h.resource(), h.detail(),
                    h.sizeGb(), h.monthly()))).append("\r\n");
        }
        return out.toString();
    }

    private TableColumn<CleanupHint, String> column(String key, double width,
                                                    java.util.function.Function<CleanupHint, String> value) {
        TableColumn<CleanupHint, String> c = new TableColumn<>(m.text(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private TableColumn<CleanupHint, BigDecimal> number(String key, double width,
                                                        java.util.function.Function<CleanupHint, BigDecimal> value,
                                                        boolean money) {
        TableColumn<CleanupHint, BigDecimal> c = new TableColumn<>(m.text(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> Cells.text(v -> money ? CostTab.money(v) : v.toPlainString()));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    VBox root() {
        return root;
    }

    TableView<CleanupHint> table() {
        return table;
    }
}
