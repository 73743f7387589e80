package io.camfleet.console.ui.estate;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.images.ImageActions;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.RelativeTime;
import io.camfleet.console.ui.common.SearchField;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Images tab of the AWS estate: the environment's image catalogue as last read (Refresh reads EC2 again), searched
 * and filtered to the outdated ones, the selected image's tags and users, and the actions on images: build, copy to
 * regions, deprecate, deregister.
 */
public final class ImagesTab implements EstateTab {

    private final VBox root = new VBox(8);
    private final ImagesTabModel model;
    private final ImageActionRunner runner;
    private final Messages m;
    private final ZoneId zone;
    private final Clock clock;
    private final CustomTextField search;
    private final TableView<ImageRow> table;
    private final ImagesTable images;

    /** @param pollEvery how often a build looks at its new image's state (EC2 takes minutes) */
    public ImagesTab(Supplier<ImageCatalogue> catalogue, Supplier<ImageActions> actions, Supplier<EstateCache> cache,
                     BackgroundTasks tasks, Messages messages, ZoneId zone, Clock clock, Duration pollEvery) {
        this.m = messages;
        this.zone = zone;
        this.clock = clock;
        this.model = new ImagesTabModel(catalogue, cache, tasks, messages, clock);
        this.runner = new ImageActionRunner(model, actions, catalogue, tasks, messages, pollEvery);
        root.setId("images-tab");
        root.setPadding(new Insets(10, 2, 0, 2));
        images = new ImagesTable(model, messages, zone);
        table = images.table();
        search = SearchField.create(messages, "estate.images.search.prompt");
        search.setId("images-search");
        search.setPrefWidth(380);
        search.textProperty().bindBidirectional(model.search());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && model.selected().get() != null) {
                deregister(); // asks first, listing who runs the image
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selected().set(now));
        model.selected().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        SplitPane split = new SplitPane(table, new ImageDetail(model, messages).root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header(), filters(), lines(), actionBar(), split);
        model.shown().addListener((ListChangeListener<ImageRow>) c -> emptyState());
        model.asOf().addListener(o -> emptyState());
    }

    private Node header() {
        Label asOf = new Label();
        asOf.setId("images-as-of");
        asOf.getStyleClass().add(Styles.TEXT_MUTED);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", m.locale()).withZone(zone);
        asOf.textProperty().bind(Bindings.createStringBinding(() -> model.asOf().get() == null
                ? m.text("estate.asOf.never") : m.text("estate.asOf", time.format(model.asOf().get()),
                RelativeTime.format(model.asOf().get(), clock.instant(), m)), model.asOf()));
        Label counts = new Label();
        counts.setId("images-counts");
        counts.getStyleClass().add(Styles.TEXT_BOLD);
        counts.textProperty().bind(model.counts());
        ProgressBar progress = new ProgressBar(-1);
        progress.setId("images-refresh-progress");
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(model.refreshing().isNotNull());
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button(m.text("estate.images.refresh.cancel"));
        cancel.setId("images-refresh-cancel");
        cancel.visibleProperty().bind(progress.visibleProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancelRefresh());
        Button refresh = new Button(m.text("estate.refresh"), new FontIcon(Material2MZ.REFRESH));
        refresh.setId("images-refresh");
        refresh.getStyleClass().add(Styles.ACCENT);
        refresh.disableProperty().bind(model.refreshing().isNotNull());
        refresh.setOnAction(e -> model.refresh());
        HBox row = new HBox(12, counts, asOf, new Spacer(), progress, cancel, refresh);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node filters() {
        CheckBox outdated = new CheckBox(m.text("estate.images.outdatedOnly"));
        outdated.setId("images-outdated-only");
        outdated.selectedProperty().bindBidirectional(model.outdatedOnly());
        Label rule = new Label();
        rule.setId("images-rule");
        rule.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        rule.textProperty().bind(model.rule());
        rule.setMinWidth(0);
        HBox row = new HBox(12, search, outdated, rule);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node actionBar() {
        Button build = button("images-build", "estate.images.action.build", Material2AL.BUILD, this::build);
        build.disableProperty().unbind();
        build.setDisable(false);
        HBox row = new HBox(8, build,
                button("images-copy", "estate.images.action.copy", Material2AL.CONTENT_COPY, this::copy),
                button("images-deprecate", "estate.images.action.deprecate", Material2AL.EVENT_BUSY, this::deprecate),
                button("images-deregister", "estate.images.action.deregister", Material2AL.DELETE, this::deregister));
        row.setAlignment(Pos.CENTER_LEFT);
        ContextMenu menu = new ContextMenu(item("estate.images.action.copy", this::copy),
                item("estate.images.action.deprecate", this::deprecate),
                item("estate.images.action.deregister", this::deregister));
        menu.setOnShowing(e -> menu.getItems().forEach(i -> i.setDisable(model.selected().get() == null)));
        table.setContextMenu(menu);
        return row;
    }

    private Button button(String id, String key, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button(m.text(key), new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(model.selected().isNull());
        return b;
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem i = new MenuItem(m.text(key));
        i.setOnAction(e -> action.run());
        return i;
    }

    /** The problem (what failed, the catalogue shown stays) and the report of the last action. */
    private Node lines() {
        Label problem = line("images-problem", Styles.DANGER, new FontIcon(Material2AL.ERROR));
        problem.textProperty().bind(model.problem());
        Label report = line("images-report", Styles.SUCCESS, new FontIcon(Material2AL.CHECK_CIRCLE));
        report.textProperty().bind(model.report());
        VBox box = new VBox(4, problem, report);
        box.managedProperty().bind(problem.visibleProperty().or(report.visibleProperty()));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private static Label line(String id, String style, FontIcon icon) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        l.setGraphic(icon);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private void emptyState() {
        Environment env = model.environment();
        images.emptySays(env == null ? m.text("estate.images.empty.noEnvironment")
                : model.asOf().get() == null ? m.text("estate.images.empty.never", env.label())
                : model.all().isEmpty() ? m.text("estate.images.empty.none", env.region())
                : m.text("estate.images.empty.filtered", model.all().size()));
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    private void build() {
        if (model.environment() == null) {
            return;
        }
        ImageRow from = model.selected().get();
        var keys = model.settings().keys();
        String name = from == null ? "" : from.entry().lineage() + "-"
                + LocalDate.now(clock.withZone(zone)).format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
        Map<String, String> tags = from == null ? Map.of()
                : new java.util.TreeMap<>(Map.of(keys.lineage(), from.entry().lineage(), keys.source(), from.id()));
        ImageBuildDialog.show(window(), m, runner, name, tags);
    }

    private void copy() {
        ImageRow row = model.selected().get();
        if (row != null) {
            ImageActionDialogs.copy(window(), m, row, model.settings().copyRegions(), model.environment().region())
                    .ifPresent(regions -> runner.copy(row, regions));
        }
    }

    private void deprecate() {
        ImageRow row = model.selected().get();
        if (row != null) {
            DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", m.locale()).withZone(zone);
            ImageActionDialogs.deprecate(window(), m, row, zone, clock)
                    .ifPresent(at -> runner.deprecate(row, at, time.format(at)));
        }
    }

    /** Who runs it is read from EC2 and the fleet cache first, then the confirmation lists it. */
    private void deregister() {
        ImageRow row = model.selected().get();
        if (row != null) {
            runner.usageNow(row, usage -> ImageActionDialogs.deregister(window(), m, row, usage)
                    .ifPresent(force -> runner.deregister(row, force, usage)));
        }
    }

    @Override
    public String id() {
        return "images";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void show(Environment environment) {
        model.show(environment);
        emptyState();
    }

    @Override
    public boolean focusSearch() {
        search.requestFocus();
        search.selectAll();
        return true;
    }

    ImagesTabModel model() {
        return model;
    }
}
