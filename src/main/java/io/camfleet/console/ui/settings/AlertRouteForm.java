package io.camfleet.console.ui.settings;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.service.alerts.AlertRoute;
import io.camfleet.console.service.alerts.RouteKind;
import io.camfleet.console.service.alerts.SecretSource;
import io.camfleet.console.service.common.Messages;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The form that adds or edits one alert route: name, kind, URL, where its secret is, the severities it takes, on or
 * off. What cannot work shows as a sentence under the fields, and the form stays open.
 */
final class AlertRouteForm {

    private final AlertRoutesViewModel vm;
    private final Messages m;

    AlertRouteForm(AlertRoutesViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
    }

    /** Shows the form over {@code owner}; {@code editing} is null to add a route. */
    void show(Window owner, AlertRoute editing) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.text(editing == null ? "alertRoutes.form.addTitle" : "alertRoutes.form.editTitle"));

        TextField name = new TextField();
        name.setId("alert-route-name");
        name.setPromptText(m.text("alertRoutes.form.name.prompt"));
        ChoiceBox<RouteKind> kind = choice(RouteKind.values(), k -> m.text("alertRoutes.kind." + k.name()));
        kind.setId("alert-route-kind");
        TextField url = new TextField();
        url.setId("alert-route-url");
        url.setPrefColumnCount(34);
        ChoiceBox<SecretSource.Kind> secretKind = choice(SecretSource.Kind.values(),
                k -> m.text("alertRoutes.form.secret." + k.name().toLowerCase(Locale.ROOT)));
        secretKind.setId("alert-route-secret-kind");
        TextField secret = new TextField();
        secret.setId("alert-route-secret");
        HBox.setHgrow(secret, Priority.ALWAYS);
        ChoiceBox<AlertSeverity> severity = choice(new AlertSeverity[] {AlertSeverity.WARNING,
                AlertSeverity.CRITICAL}, s -> m.text("alertRoutes.severity." + s.name()));
        severity.setId("alert-route-severity");
        CheckBox enabled = new CheckBox(m.text("alertRoutes.form.enabled"));
        enabled.setId("alert-route-enabled");

        AlertRoute r = editing;
        name.setText(r == null ? "" : r.name());
        kind.setValue(r == null ? RouteKind.WEBHOOK : r.kind());
        url.setText(r == null || r.kind() == RouteKind.SLACK ? "" : r.url());
        secretKind.setValue(r == null ? SecretSource.Kind.NONE : r.secret().kind());
        secret.setText(r == null ? "" : r.secret().name());
        severity.setValue(r == null ? AlertSeverity.WARNING : r.minSeverity());
        enabled.setSelected(r == null || r.enabled());

        Label kindNote = new Label();
        kindNote.setWrapText(true);
        kindNote.setMinHeight(Region.USE_PREF_SIZE);
        kindNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Runnable kindChanged = () -> {
            RouteKind k = kind.getValue();
            url.setDisable(!k.hasUrl());
            url.setPromptText(k == RouteKind.PAGERDUTY ? m.text("alertRoutes.form.url.pagerDuty")
                    : k == RouteKind.WEBHOOK ? m.text("alertRoutes.form.url.webhook") : "");
            if (k.needsSecret() && secretKind.getValue() == SecretSource.Kind.NONE) {
                secretKind.setValue(SecretSource.Kind.ENV);
            }
            kindNote.setText(m.text("alertRoutes.form.note." + k.name()));
        };
        Runnable secretChanged = () -> {
            SecretSource.Kind k = secretKind.getValue();
            secret.setDisable(k == SecretSource.Kind.NONE);
            secret.setPromptText(k == SecretSource.Kind.FILE ? m.text("alertRoutes.form.secret.file.prompt")
                    : k == SecretSource.Kind.ENV ? m.text("alertRoutes.form.secret.env.prompt") : "");
        };
        kind.valueProperty().addListener((o, was, now) -> kindChanged.run());
        secretKind.valueProperty().addListener((o, was, now) -> secretChanged.run());
        kindChanged.run();
        secretChanged.run();

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label(m.text("alertRoutes.form.name")), name);
        grid.addRow(1, new Label(m.text("alertRoutes.form.kind")), kind);
        grid.addRow(2, new Label(m.text("alertRoutes.form.url")), url);
        grid.addRow(3, new Label(m.text("alertRoutes.form.secret")), new HBox(8, secretKind, secret));
        grid.addRow(4, new Label(m.text("alertRoutes.form.severity")), severity);
        grid.add(enabled, 1, 5);
        Label problem = new Label();
        problem.setId("alert-route-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox content = new VBox(14, grid, kindNote, problem);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);

        ButtonType ok = new ButtonType(m.text("alertRoutes.form.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ok).setId("alert-route-ok");
        dialog.getDialogPane().lookupButton(ok).addEventFilter(ActionEvent.ACTION, e -> {
            Optional<String> wrong = vm.put(editing, name.getText(), kind.getValue(), url.getText(),
                    secretKind.getValue(), secret.getText(), severity.getValue(), enabled.isSelected());
            if (wrong.isPresent()) {
                problem.setText(wrong.get());
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                e.consume();
            }
        });
        dialog.setOnShown(e -> name.requestFocus());
        dialog.showAndWait();
    }

    private static <T> ChoiceBox<T> choice(T[] values, Function<T, String> text) {
        ChoiceBox<T> box = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return box;
    }
}
