package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.service.common.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The confirmations of the image actions, each naming the image and what will change: the regions of a copy, the
 * date of a deprecation, and for a deregister first who still runs it, refused while anything does unless the
 * operator ticks "deregister anyway" having seen the list.
 */
final class ImageActionDialogs {

    private ImageActionDialogs() {
    }

    /** The regions to copy to: the configured copy regions as ticks, others typed; empty when cancelled. */
    static Optional<List<String>> copy(Window owner, Messages m, ImageRow row, List<String> configured,
                                       String home) {
        Dialog<ButtonType> d = dialog(owner, m.text("estate.images.copy.title"),
                m.text("estate.images.copy.header", row.id(), row.name(), home));
        List<CheckBox> ticks = new ArrayList<>();
        FlowPane boxes = new FlowPane(12, 6);
        for (String r : configured) {
            if (r.equals(home)) {
                continue;
            }
            boolean has = row.entry().copies().contains(r);
            CheckBox c = new CheckBox(has ? m.text("estate.images.copy.has", r) : r);
            c.setId("images-copy-" + r);
            c.setUserData(r);
            c.setDisable(has);
            ticks.add(c);
            boxes.getChildren().add(c);
        }
        TextField other = new TextField();
        other.setId("images-copy-other");
        other.setPromptText(m.text("estate.images.copy.other.prompt"));
        VBox body = body(new Label(m.text(ticks.isEmpty() ? "estate.images.copy.noneConfigured"
                : "estate.images.copy.pick")), boxes, new Label(m.text("estate.images.copy.other")), other);
        ButtonType go = primary(d, m.text("estate.images.copy.go"), false);
        d.getDialogPane().setContent(body);
        var chosen = Bindings.createBooleanBinding(() -> ticks.stream().anyMatch(CheckBox::isSelected)
                || !other.getText().isBlank(), other.textProperty());
        ticks.forEach(c -> c.selectedProperty().addListener(o -> chosen.invalidate()));
        d.getDialogPane().lookupButton(go).disableProperty().bind(chosen.not());
        return d.showAndWait().filter(b -> b == go).map(b -> {
            List<String> regions = new ArrayList<>(ticks.stream().filter(CheckBox::isSelected)
                    .map(c -> (String) c.getUserData()).toList());
            Arrays.stream(other.getText().split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(regions::add);
            return regions;
        });
    }

    /** When EC2 is to deprecate the image, in the console's zone; empty when cancelled. */
    static Optional<Instant> deprecate(Window owner, Messages m, ImageRow row, ZoneId zone, Clock clock) {
        Dialog<ButtonType> d = dialog(owner, m.text("estate.images.deprecate.title"),
                m.text("estate.images.deprecate.header", row.id(), row.name()));
        DatePicker date = new DatePicker(LocalDate.now(clock.withZone(zone)).plusDays(30));
        date.setId("images-deprecate-date");
        // "5 Jan 2099", not 1/5/2099, which reads as May in half the world
        var day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", m.locale());
        date.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : day.format(d);
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip(), day);
                } catch (DateTimeParseException e) {
                    return date.getValue(); // what was typed is not a date: the last one stays
                }
            }
        });
        TextField time = new TextField("00:00");
        time.setId("images-deprecate-time");
        time.setPrefColumnCount(5);
        Label bad = new Label();
        bad.getStyleClass().add(Styles.DANGER);
        time.textProperty().addListener(o -> bad.setText(""));
        HBox when = new HBox(8, date, time, new Label(zone.getId()));
        when.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        d.getDialogPane().setContent(body(new Label(m.text("estate.images.deprecate.when")), when, bad));
        ButtonType go = primary(d, m.text("estate.images.deprecate.go"), false);
        Instant[] at = new Instant[1];
        d.getDialogPane().lookupButton(go).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                at[0] = date.getValue().atTime(LocalTime.parse(time.getText().strip())).atZone(zone).toInstant();
            } catch (DateTimeParseException | NullPointerException x) {
                bad.setText(m.text("estate.images.deprecate.badTime", time.getText().strip()));
                e.consume();
            }
        });
        return d.showAndWait().filter(b -> b == go).map(b -> at[0]);
    }

    /**
     * The deregister confirmation: who runs the image now, first. Returns whether to force (the list was shown and
     * "deregister anyway" ticked); empty when cancelled.
     */
    static Optional<Boolean> deregister(Window owner, Messages m, ImageRow row, ImageUsage usage) {
        Dialog<ButtonType> d = dialog(owner, m.text("estate.images.deregister.title"),
                m.text("estate.images.deregister.header", row.id(), row.name()));
        ButtonType go = primary(d, m.text("estate.images.deregister.go"), true);
        CheckBox anyway = new CheckBox(m.text("estate.images.deregister.anyway"));
        anyway.setId("images-deregister-anyway");
        if (usage.unused()) {
            Label none = new Label(m.text("estate.images.deregister.unused"));
            none.setId("images-deregister-unused");
            d.getDialogPane().setContent(body(none));
        } else {
            List<String> users = new ArrayList<>();
            usage.cameras().forEach(c -> users.add(m.text("estate.images.usage.camera", c)));
            usage.instances().forEach(i -> users.add(m.text("estate.images.usage.instance", i)));
            ListView<String> list = new ListView<>(javafx.collections.FXCollections.observableArrayList(users));
            list.setId("images-deregister-users");
            list.getStyleClass().add(Styles.DENSE);
            list.setFixedCellSize(26);
            list.setPrefHeight(Math.min(10, users.size()) * 26 + 4);
            Label warn = new Label(m.text("estate.images.deregister.inUse", usage.cameras().size(),
                    usage.instances().size()));
            warn.setWrapText(true);
            warn.getStyleClass().add(Styles.WARNING);
            d.getDialogPane().setContent(body(warn, list, anyway));
            d.getDialogPane().lookupButton(go).disableProperty().bind(anyway.selectedProperty().not());
        }
        return d.showAndWait().filter(b -> b == go).map(b -> !usage.unused());
    }

    private static ButtonType primary(Dialog<ButtonType> d, String text, boolean danger) {
        ButtonType go = new ButtonType(text, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(go).getStyleClass().add(danger ? Styles.DANGER : Styles.ACCENT);
        d.getDialogPane().lookupButton(go).setId("images-dialog-go");
        return go;
    }

    private static VBox body(javafx.scene.Node... nodes) {
        VBox body = new VBox(8, nodes);
        body.setPadding(new Insets(10, 10, 0, 10));
        return body;
    }

    static Dialog<ButtonType> dialog(Window owner, String title, String header) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().setPrefWidth(620);
        d.setOnShown(e -> Platform.runLater(() -> d.getDialogPane().requestFocus()));
        return d;
    }
}
