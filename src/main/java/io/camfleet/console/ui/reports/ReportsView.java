package io.camfleet.console.ui.reports;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.ScreenView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reports screen: on the left the report and its options, on the right a preview of its first pages, below the
 * export with its progress and the recent exports.
 */
public final class ReportsView implements ScreenView {

    private final ReportsViewModel vm;
    private final Messages m;
    private final Consumer<Path> open;
    private final BorderPane root = new BorderPane();

    /** @param open shows a file or folder in the desktop's own application (off the FX thread) */
    public ReportsView(ReportsViewModel vm, Messages messages, ZoneId zone, Consumer<Path> open) {
        this.vm = vm;
        this.m = messages;
        this.open = open;
        root.setId("reports-screen");
        root.setPadding(new Insets(16, 20, 12, 20));
        root.getStyleClass().add("reports");
        root.getStylesheets().add(ReportsView.class.getResource("reports.css").toExternalForm());
        Label title = new Label(m.text("screen.REPORTS"));
        title.getStyleClass().add(Styles.TITLE_3);
        root.setTop(new VBox(4, title, muted(m.text("report.screen.intro"))));
        BorderPane.setMargin(root.getTop(), new Insets(0, 0, 10, 0));
        SplitPane split = new SplitPane(form(), preview());
        split.setDividerPositions(0.34);
        root.setCenter(split);
        root.setBottom(new VBox(8, exportBar(), new RecentExportsTable(vm, m, zone, open).root()));
        BorderPane.setMargin(root.getBottom(), new Insets(10, 0, 0, 0));
        vm.load();
    }

    private Node form() {
        ToggleGroup kinds = new ToggleGroup();
        VBox kindBox = new VBox(4);
        for (ReportKind k : ReportKind.values()) {
            RadioButton b = new RadioButton(vm.label(k));
            b.setId("report-kind-" + k.cliName());
            b.setToggleGroup(kinds);
            b.setUserData(k);
            b.setSelected(vm.kind.get() == k);
            kindBox.getChildren().add(b);
        }
        kinds.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.kind.set((ReportKind) t.getUserData());
            }
        });
        DatePicker from = new DatePicker();
        from.setId("report-from");
        from.valueProperty().bindBidirectional(vm.from);
        DatePicker to = new DatePicker();
        to.setId("report-to");
        to.valueProperty().bindBidirectional(vm.to);
        HBox period = new HBox(8, from, new Label("–"), to);
        period.setAlignment(Pos.CENTER_LEFT);

        ListView<String> regions = new ListView<>(vm.regions);
        regions.setId("report-regions");
        regions.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        regions.getStyleClass().add(Styles.DENSE);
        regions.setFixedCellSize(26);
        // as tall as its regions, up to five; more scroll
        regions.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 26.0 * Math.max(1, Math.min(5, vm.regions.size())) + 4, vm.regions));
        regions.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<String>) c -> vm.chosenRegions.setAll(
                        List.copyOf(regions.getSelectionModel().getSelectedItems())));

        TextField prospect = field("report-prospect", vm.prospect, "report.screen.prospect.prompt");
        TextField sites = field("report-sites", vm.sites, "report.screen.sites.prompt");
        TextField prices = field("report-price-list", vm.priceList, "report.screen.priceList.prompt");
        Button browse = new Button(m.text("report.screen.browse"));
        browse.setId("report-price-list-browse");
        browse.setOnAction(e -> choose(false, vm.priceList.get(), "*.csv", "*.json").ifPresent(vm.priceList::set));
        VBox sales = new VBox(4, heading("report.screen.prospect"), prospect, heading("report.screen.sites"), sites,
                heading("report.screen.priceList"), grow(prices, browse));
        sales.visibleProperty().bind(vm.kind.isEqualTo(ReportKind.SALES));
        sales.managedProperty().bind(sales.visibleProperty());

        TextField out = field("report-out", vm.out, "report.screen.out.prompt");
        Button chooseOut = new Button(m.text("report.screen.choose"));
        chooseOut.setId("report-out-choose");
        chooseOut.setOnAction(e -> choose(true, vm.out.get(), "*" + vm.extension()).ifPresent(vm.out::set));

        Label problem = new Label();
        problem.setId("report-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        problem.textProperty().bind(vm.problem);
        problem.visibleProperty().bind(vm.problem.isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox form = new VBox(4, heading("report.screen.kind"), kindBox, heading("report.screen.period"), period,
                heading("report.screen.regions"), regions, muted(m.text("report.screen.regions.hint")), sales,
                heading("report.screen.out"), grow(out, chooseOut), problem);
        form.getStyleClass().add("report-form");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(340);
        return scroll;
    }

    private Node preview() {
        Button preview = new Button(m.text("report.screen.preview"), new FontIcon(Material2MZ.VISIBILITY));
        preview.setId("report-preview");
        preview.setOnAction(e -> vm.preview());
        preview.disableProperty().bind(vm.previewing.or(vm.exporting));
        Button openPdf = new Button(m.text("report.screen.open"), new FontIcon(Material2AL.LAUNCH));
        openPdf.setId("report-open");
        openPdf.disableProperty().bind(vm.previewFile.isNull());
        openPdf.setOnAction(e -> open.accept(vm.previewFile.get()));
        Label hint = muted(m.text("report.screen.preview.hint"));
        HBox bar = new HBox(8, preview, openPdf, hint);
        bar.setAlignment(Pos.CENTER_LEFT);

        HBox pages = new HBox(16);
        ScrollPane scroll = new ScrollPane(pages);
        pages.setId("report-pages");
        pages.getStyleClass().add("report-pages");
        Label empty = muted(m.text("report.screen.preview.empty"));
        pages.getChildren().add(empty);
        vm.previewPages.addListener((javafx.collections.ListChangeListener<byte[]>) c -> {
            pages.getChildren().clear();
            for (byte[] png : vm.previewPages) {
                ImageView page = new ImageView(new Image(new ByteArrayInputStream(png)));
                page.getStyleClass().add("report-page");
                page.setPreserveRatio(true);
                page.setSmooth(true);
                // whole pages side by side, as tall as the preview leaves room for
                page.fitHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> Math.max(120, scroll.getViewportBounds().getHeight() - 26),
                        scroll.viewportBoundsProperty()));
                pages.getChildren().add(page);
            }
            if (pages.getChildren().isEmpty()) {
                pages.getChildren().add(empty);
            }
        });
        scroll.setFitToHeight(true);
        // the grey page area fills the preview; pages wider than it scroll
        pages.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getWidth(), scroll.viewportBoundsProperty()));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(8, bar, scroll);
        box.setPadding(new Insets(0, 0, 0, 12));
        return box;
    }

    private Node exportBar() {
        Button export = new Button(m.text("report.screen.export"), new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("report-export");
        export.getStyleClass().add(Styles.ACCENT);
        export.setDefaultButton(true);
        export.setOnAction(e -> vm.export());
        export.disableProperty().bind(vm.exporting.or(vm.previewing));
        ProgressBar bar = new ProgressBar();
        bar.setId("report-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progress);
        bar.visibleProperty().bind(vm.exporting.or(vm.previewing));
        Label step = new Label();
        step.setId("report-step");
        step.textProperty().bind(vm.step);
        step.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button(m.text("report.screen.cancel"));
        cancel.setId("report-cancel");
        cancel.visibleProperty().bind(vm.exporting.or(vm.previewing));
        cancel.setOnAction(e -> vm.cancel());
        Button save = new Button(m.text("report.screen.saveAs"), new FontIcon(Material2MZ.SCHEDULE));
        save.setId("report-save");
        save.setOnAction(e -> new SaveReportDialog(vm, m, root.getScene().getWindow()).show());
        Label said = new Label();
        said.setId("report-result");
        said.setWrapText(true);
        said.textProperty().bind(vm.result);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(10, export, bar, step, cancel, gap, save);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, line, said);
    }

    private java.util.Optional<String> choose(boolean save, String current, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
        if (!current.isBlank()) {
            File f = new File(current.strip());
            if (f.getParentFile() != null && f.getParentFile().isDirectory()) {
                chooser.setInitialDirectory(f.getParentFile());
            }
            chooser.setInitialFileName(f.getName());
        }
        File picked = save ? chooser.showSaveDialog(root.getScene().getWindow())
                : chooser.showOpenDialog(root.getScene().getWindow());
        return java.util.Optional.ofNullable(picked).map(File::getPath);
    }

    private TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(m.text(prompt));
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static HBox grow(TextField field, Button button) {
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox line = new HBox(6, field, button);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Label heading(String key) {
        Label l = new Label(m.text(key));
        l.getStyleClass().add("report-form-heading");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }

    @Override
    public Node root() {
        return root;
    }
}
