package io.camfleet.console.ui.settings;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.Messages;
import io.camfleet.console.service.map.TileSettings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Settings: for now the map's optional online tile layer (off by default; the offline basemap is always there).
 * Nothing secret is asked for or stored.
 */
public final class SettingsDialog {

    private final Messages m;

    public SettingsDialog(Messages messages) {
        this.m = messages;
    }

    /** Shows the dialog; the new settings when the operator saved valid ones. */
    public Optional<TileSettings> edit(Window owner, TileSettings current) {
        Dialog<TileSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.text("settings.title"));
        dialog.setHeaderText(m.text("settings.tiles.header"));

        CheckBox enabled = new CheckBox(m.text("settings.tiles.enabled"));
        enabled.setSelected(current.enabled());
        enabled.setId("settings-tiles-enabled");
        TextField url = new TextField(current.urlTemplate());
        url.setPromptText("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        url.setPrefColumnCount(40);
        url.setId("settings-tiles-url");
        TextField attribution = new TextField(current.attribution());
        attribution.setPromptText(m.text("settings.tiles.attribution.prompt"));
        attribution.setId("settings-tiles-attribution");
        Spinner<Integer> cache = new Spinner<>(10, 10_000, current.cacheMegabytes(), 50);
        cache.setEditable(true);
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(520);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(m.text("settings.tiles.url")), url);
        form.addRow(1, new Label(m.text("settings.tiles.attribution")), attribution);
        form.addRow(2, new Label(m.text("settings.tiles.cache")), cache);
        Label note = new Label(m.text("settings.tiles.note"));
        note.setWrapText(true);
        note.setMaxWidth(560);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox content = new VBox(12, enabled, form, note, problem);
        content.setPadding(new Insets(8, 4, 4, 4));
        url.disableProperty().bind(enabled.selectedProperty().not());
        attribution.disableProperty().bind(enabled.selectedProperty().not());
        cache.disableProperty().bind(enabled.selectedProperty().not());

        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(m.text("settings.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        // A template that cannot work keeps the dialog open with a sentence saying why.
        dialog.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            TileSettings t = read(enabled, url, attribution, cache, current);
            if (t.enabled() && !t.hasValidTemplate()) {
                problem.setText(m.text("settings.tiles.invalid"));
                e.consume();
            } else if (t.enabled() && t.attribution().isEmpty()) {
                problem.setText(m.text("settings.tiles.noAttribution"));
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == save ? read(enabled, url, attribution, cache, current) : null);
        return dialog.showAndWait();
    }

    private static TileSettings read(CheckBox enabled, TextField url, TextField attribution, Spinner<Integer> cache,
                                     TileSettings current) {
        return new TileSettings(enabled.isSelected(), url.getText(), attribution.getText(), cache.getValue(),
                current.timeout());
    }
}
