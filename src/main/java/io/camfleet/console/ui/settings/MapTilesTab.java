package io.camfleet.console.ui.settings;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.map.TileSettings;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Optional;

/** Settings, Map tiles: the map's optional online tile layer (off by default; the offline basemap is always there). */
final class MapTilesTab {

    private final Messages m;
    private final TileSettings current;
    private final Tab tab;
    private final CheckBox enabled;
    private final TextField url;
    private final TextField attribution;
    private final Spinner<Integer> cache;
    private final Label problem = new Label();

    MapTilesTab(Messages messages, TileSettings current) {
        this.m = messages;
        this.current = current;
        enabled = new CheckBox(m.text("settings.tiles.enabled"));
        enabled.setSelected(current.enabled());
        enabled.setId("settings-tiles-enabled");
        url = new TextField(current.urlTemplate());
        url.setPromptText("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        url.setPrefColumnCount(40);
        url.setId("settings-tiles-url");
        attribution = new TextField(current.attribution());
        attribution.setPromptText(m.text("settings.tiles.attribution.prompt"));
        attribution.setId("settings-tiles-attribution");
        cache = new Spinner<>(10, 10_000, current.cacheMegabytes(), 50);
        cache.setEditable(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label(m.text("settings.tiles.url")), url);
        form.addRow(1, new Label(m.text("settings.tiles.attribution")), attribution);
        form.addRow(2, new Label(m.text("settings.tiles.cache")), cache);
        Label note = new Label(m.text("settings.tiles.note"));
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label header = new Label(m.text("settings.tiles.header"));
        header.getStyleClass().add(Styles.TITLE_4);
        VBox content = new VBox(12, header, enabled, form, note, problem);
        content.setPadding(new Insets(16, 16, 12, 16));
        url.disableProperty().bind(enabled.selectedProperty().not());
        attribution.disableProperty().bind(enabled.selectedProperty().not());
        cache.disableProperty().bind(enabled.selectedProperty().not());

        tab = new Tab(m.text("settings.tab.tiles"), content);
        tab.setId("settings-tab-tiles");
    }

    Tab tab() {
        return tab;
    }

    /** The settings as entered, or empty with a sentence on the tab when a template cannot work. */
    Optional<TileSettings> result() {
        TileSettings t = new TileSettings(enabled.isSelected(), url.getText(), attribution.getText(),
                cache.getValue(), current.timeout());
        if (t.enabled() && !t.hasValidTemplate()) {
            problem.setText(m.text("settings.tiles.invalid"));
            return Optional.empty();
        }
        if (t.enabled() && t.attribution().isEmpty()) {
            problem.setText(m.text("settings.tiles.noAttribution"));
            return Optional.empty();
        }
        problem.setText("");
        return Optional.of(t);
    }
}
