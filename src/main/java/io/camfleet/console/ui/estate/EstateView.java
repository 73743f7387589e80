package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenView;
import atlantafx.base.controls.Spacer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The AWS estate in one place for the DevOps lead: an environment picker over tabs for the images, the patches and
 * findings, the Terraform state with its drift, and the cost. The environments are read from the settings off the FX
 * thread each time the screen is shown, so one added in Settings appears without a restart.
 */
public final class EstateView implements ScreenView {

    private final VBox root = new VBox(10);
    private final ComboBox<Environment> picker = new ComboBox<>();
    private final Label none = new Label();
    private final TabPane tabs = new TabPane();
    private final List<EstateTab> all;
    private final Map<EstateTab, Environment> told = new HashMap<>();
    private final Supplier<List<Environment>> environments;
    private final BackgroundTasks tasks;
    private final Messages m;

    /**
     * @param environments the AWS environments as the settings name them now (called off the FX thread)
     * @param each         the tabs, in order
     */
    public EstateView(Supplier<List<Environment>> environments, List<EstateTab> each, BackgroundTasks tasks,
                      Messages messages) {
        this.environments = environments;
        this.all = List.copyOf(each);
        this.tasks = tasks;
        this.m = messages;
        root.setId("estate");
        root.setPadding(new Insets(14, 16, 12, 16));

        Label title = new Label(m.text("screen.ESTATE"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label pick = new Label(m.text("estate.environment"));
        picker.setId("estate-environment");
        picker.setPrefWidth(320);
        picker.setCellFactory(l -> new EnvironmentCell());
        picker.setButtonCell(new EnvironmentCell());
        picker.valueProperty().addListener((o, was, now) -> tellShown());
        none.setId("estate-none");
        none.setText(m.text("estate.none"));
        none.getStyleClass().add(Styles.WARNING);
        none.setWrapText(true);
        none.setVisible(false);
        none.managedProperty().bind(none.visibleProperty());
        HBox head = new HBox(10, title, new Spacer(), pick, picker);
        head.setAlignment(Pos.CENTER_LEFT);

        tabs.setId("estate-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (EstateTab t : all) {
            Tab tab = new Tab(m.text("estate.tab." + t.id()), t.root());
            tab.setId("estate-tab-" + t.id());
            tab.setUserData(t);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> tellShown());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(head, none, tabs);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                readEnvironments();
            }
        });
    }

    private void readEnvironments() {
        tasks.job(m.text("estate.task.environments"), p -> environments.get()).quiet()
                .onSuccess(list -> {
                    Environment was = picker.getValue();
                    picker.getItems().setAll(list);
                    none.setVisible(list.isEmpty());
                    Environment keep = was == null ? null : list.stream()
                            .filter(e -> e.label().equals(was.label())).findFirst().orElse(null);
                    picker.setValue(keep != null ? keep : list.isEmpty() ? null : list.getFirst());
                    tellShown();
                })
                .onFailure(e -> {
                    none.setText(m.text("estate.environments.failed", Objects.requireNonNullElse(e.getMessage(),
                            e.getClass().getSimpleName())));
                    none.setVisible(true);
                })
                .start();
    }

    /** Tells the tab shown which environment is picked, once per change. */
    private void tellShown() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown == null) {
            return;
        }
        EstateTab tab = (EstateTab) shown.getUserData();
        Environment env = picker.getValue();
        if (!told.containsKey(tab) || !Objects.equals(told.get(tab), env)) {
            told.put(tab, env);
            tab.show(env);
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public boolean focusSearch() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        return shown != null && ((EstateTab) shown.getUserData()).focusSearch();
    }

    private final class EnvironmentCell extends ListCell<Environment> {
        @Override
        protected void updateItem(Environment e, boolean empty) {
            super.updateItem(e, empty);
            setText(empty || e == null ? null : m.text("estate.environment.item", e.label(), e.region()));
        }
    }
}
