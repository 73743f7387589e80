package io.camfleet.console.ui.estate;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.RelativeTime;
import io.camfleet.console.ui.common.SearchField;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Terraform state tab of the AWS estate screen: the picked environment's state (serial, lineage, last modified,
 * Terraform version, resources by type, and each type's resources) and its drift hints, as last read, with Refresh to
 * read them again; for an environment with no state in the settings, the form to add its S3 backend.
 */
public final class StateTab implements EstateTab {

    private final StateTabModel model;
    private final Messages m;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final VBox root = new VBox(8);
    private final Label location = new Label();
    private final Label facts = new Label();
    private final Label asOf = new Label();
    private final Label problem = new Label();
    private final Label noEnvironment = new Label();
    private final TableView<StateSummary.TypeCount> types = new TableView<>();
    private final TableView<StateSummary.Resource> resources = new TableView<>();
    private final Label listed = new Label();
    private final TextField search;
    private final DriftTable drift;
    private final Label driftTitle = new Label();
    private final StateSetupForm setup;
    private final SplitPane content = new SplitPane();
    private FilteredList<StateSummary.Resource> shown = new FilteredList<>(FXCollections.observableArrayList());

    public StateTab(StateTabModel model, Messages messages, ZoneId zone, Clock clock) {
        this.model = model;
        this.m = messages;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", m.locale()).withZone(zone);
        this.search = SearchField.create(m, "estate.state.search");
        this.drift = new DriftTable(m);
        this.setup = new StateSetupForm(model, m);
        root.setId("estate-state");
        root.setPadding(new Insets(10, 0, 0, 0));
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                model.refresh();
            }
        });

        location.setId("estate-state-location");
        location.getStyleClass().add(Styles.TITLE_4);
        facts.setId("estate-state-facts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        asOf.setId("estate-state-as-of");
        asOf.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button(m.text("estate.state.cancel"));
        cancel.setId("estate-state-cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Button refresh = new Button(m.text("estate.refresh"));
        refresh.setId("estate-state-refresh");
        refresh.disableProperty().bind(model.busyProperty().or(model.modeProperty()
                .isNotEqualTo(StateTabModel.Mode.STATE)));
        refresh.visibleProperty().bind(model.modeProperty().isNotEqualTo(StateTabModel.Mode.SETUP)
                .and(model.modeProperty().isNotEqualTo(StateTabModel.Mode.NO_ENVIRONMENT)));
        refresh.managedProperty().bind(refresh.visibleProperty());
        refresh.setOnAction(e -> model.refresh());
        HBox head = new HBox(10, new VBox(2, location, facts), new Spacer(), asOf, progress, cancel, refresh);
        head.setAlignment(Pos.CENTER_LEFT);
        head.visibleProperty().bind(model.modeProperty().isNotEqualTo(StateTabModel.Mode.SETUP));
        head.managedProperty().bind(head.visibleProperty());

        problem.setId("estate-state-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE); // wraps instead of clipping the sentence
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        noEnvironment.setText(m.text("estate.state.noEnvironment"));
        noEnvironment.setWrapText(true);
        StackPane body = new StackPane(content(), setup.root(), noEnvironment);
        StackPane.setAlignment(setup.root(), Pos.TOP_LEFT);
        StackPane.setAlignment(noEnvironment, Pos.TOP_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(head, problem, body);

        model.modeProperty().addListener((o, was, now) -> {
            showMode();
            showSummary(model.summaryProperty().get());
            showAsOf(model.asOfProperty().get());
        });
        model.summaryProperty().addListener((o, was, now) -> showSummary(now));
        model.asOfProperty().addListener((o, was, now) -> showAsOf(now));
        search.textProperty().addListener((o, was, now) -> filter());
        showMode();
        showSummary(null);
    }

    private Node content() {
        types.setId("estate-state-types");
        types.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        types.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        types.getColumns().setAll(List.of(
                column("estate.state.column.type", 220, StateSummary.TypeCount::type),
                column("estate.state.column.count", 80, StateSummary.TypeCount::count)));
        types.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> listResources());

        resources.setId("estate-state-resources");
        resources.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        resources.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        resources.getColumns().setAll(List.of(
                column("estate.state.column.address", 360, StateSummary.Resource::address),
                column("estate.state.column.id", 220, StateSummary.Resource::id),
                column("estate.state.column.name", 180, StateSummary.Resource::name)));
        listed.setId("estate-state-listed");
        listed.getStyleClass().add(Styles.TEXT_MUTED);
        search.setId("estate-state-search");
        search.setPrefWidth(300);
        HBox resourcesHead = new HBox(10, listed, new Spacer(), search);
        resourcesHead.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(6, resourcesHead, resources);
        VBox.setVgrow(resources, Priority.ALWAYS);
        SplitPane top = new SplitPane(types, right);
        top.setDividerPositions(0.3);

        driftTitle.setId("estate-state-drift-title");
        driftTitle.getStyleClass().add(Styles.TITLE_4);
        VBox bottom = new VBox(6, driftTitle, drift.table());
        bottom.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(drift.table(), Priority.ALWAYS);
        content.setOrientation(Orientation.VERTICAL);
        content.getItems().setAll(top, bottom);
        content.setDividerPositions(0.58);
        return content;
    }

    private <S, T> TableColumn<S, T> column(String key, double width, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(m.text(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> Cells.text(String::valueOf));
        return c;
    }

    private void showMode() {
        StateTabModel.Mode mode = model.modeProperty().get();
        content.setVisible(mode == StateTabModel.Mode.STATE || mode == StateTabModel.Mode.OPENING);
        setup.root().setVisible(mode == StateTabModel.Mode.SETUP);
        noEnvironment.setVisible(mode == StateTabModel.Mode.NO_ENVIRONMENT);
        if (mode == StateTabModel.Mode.SETUP) {
            setup.show(model.environment());
            location.setText(m.text("estate.state.noState", model.environment().label()));
            facts.setText("");
        }
    }

    private void showSummary(StateSummary s) {
        boolean read = s != null;
        types.setPlaceholder(new Label(m.text(model.modeProperty().get() == StateTabModel.Mode.OPENING
                ? "estate.state.opening" : "estate.state.empty")));
        resources.setPlaceholder(new Label(m.text(read ? "estate.state.pickType" : "estate.state.empty")));
        SortedList<StateSummary.TypeCount> sorted = new SortedList<>(FXCollections.observableArrayList(
                read ? s.types() : List.of()));
        sorted.comparatorProperty().bind(types.comparatorProperty());
        types.setItems(sorted);
        drift.show(read ? s.hints() : List.of(), read);
        if (read) {
            location.setText(m.text("estate.state.location", s.location()));
            facts.setText(m.text("estate.state.facts", s.terraformVersion(), s.serial(), s.lineage(),
                    s.lastModified() == null ? "?" : time.format(s.lastModified()), s.managed(), s.dataSources()));
            driftTitle.setText(m.text("estate.state.drift.title", s.hints().size(), s.checked(), s.managedTag()));
        } else if (model.modeProperty().get() != StateTabModel.Mode.SETUP) {
            Environment env = model.environment();
            location.setText(env == null ? "" : model.locationProperty().get() == null
                    ? m.text("estate.state.title", env.label()) : m.text("estate.state.location",
                    model.locationProperty().get()));
            facts.setText("");
            driftTitle.setText(m.text("estate.state.drift.titleNone"));
        }
        listResources();
    }

    /** Lists the resources of the type selected, or all of them when none is. */
    private void listResources() {
        StateSummary s = model.summaryProperty().get();
        StateSummary.TypeCount type = types.getSelectionModel().getSelectedItem();
        List<StateSummary.Resource> list = s == null ? List.of() : type == null ? s.all()
                : s.byType().getOrDefault(type.type(), List.of());
        shown = new FilteredList<>(FXCollections.observableArrayList(list));
        SortedList<StateSummary.Resource> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(resources.comparatorProperty());
        resources.setItems(sorted);
        filter();
    }

    private void filter() {
        String needle = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(needle.isEmpty() ? null : r -> r.address().toLowerCase(Locale.ROOT).contains(needle)
                || r.id().toLowerCase(Locale.ROOT).contains(needle)
                || r.name().toLowerCase(Locale.ROOT).contains(needle));
        StateSummary.TypeCount type = types.getSelectionModel().getSelectedItem();
        listed.setText(type == null ? m.text("estate.state.listed.all", shown.size())
                : m.text("estate.state.listed.type", shown.size(), type.type()));
    }

    private void showAsOf(Instant at) {
        boolean nothing = model.environment() == null || model.modeProperty().get() == StateTabModel.Mode.SETUP;
        asOf.setText(nothing ? "" : at == null ? m.text("estate.asOf.never")
                : m.text("estate.asOf", time.format(at), RelativeTime.format(at, clock.instant(), m)));
    }

    @Override
    public String id() {
        return "state";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void show(Environment environment) {
        types.getSelectionModel().clearSelection();
        search.clear();
        model.show(environment);
        showAsOf(null);
    }

    @Override
    public boolean focusSearch() {
        if (model.modeProperty().get() == StateTabModel.Mode.SETUP) {
            setup.focus();
        } else {
            search.requestFocus();
        }
        return true;
    }
}
