package io.camfleet.console.ui.reports;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.util.List;

/**
 * Saves the screen's report under a name, with a period relative to the day it runs, for
 * {@code camfleet report run NAME}. A bad name is refused in the dialog, with the sentence why.
 */
final class SaveReportDialog {

    static final List<String> PERIODS = List.of("last-7-days", "last-30-days", "last-90-days", "previous-month",
            "month-to-date");

    private final Dialog<ButtonType> dialog = new Dialog<>();

    SaveReportDialog(ReportsViewModel vm, Messages m, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle(m.text("report.screen.saveAs"));
        dialog.setHeaderText(m.text("report.screen.save.header"));
        TextField name = new TextField();
        name.setId("report-save-name");
        name.setPromptText("monthly-compliance");
        ComboBox<String> period = new ComboBox<>();
        period.setId("report-save-period");
        PERIODS.forEach(p -> period.getItems().add(p));
        period.setValue("previous-month");
        period.setEditable(true);
        Label problem = new Label();
        problem.setId("report-save-problem");
        problem.getStyleClass().add(Styles.DANGER);
        Label hint = new Label(m.text("report.screen.save.hint"));
        for (Label wrapped : List.of(problem, hint)) {
            wrapped.setWrapText(true);
            wrapped.setMaxWidth(500);
            wrapped.setMinHeight(Region.USE_PREF_SIZE); // the grid would cut a wrapped sentence to one line
        }
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label(m.text("report.screen.save.name")), name);
        grid.addRow(1, new Label(m.text("report.screen.save.period")), period);
        grid.add(hint, 0, 2, 2, 1);
        grid.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("report-save-ok");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String said = vm.saveAs(name.getText(), period.getEditor().getText());
            if (!said.isEmpty()) {
                problem.setText(said);
                e.consume(); // stays open: the operator fixes the name
            }
        });
    }

    void show() {
        dialog.show();
    }
}
