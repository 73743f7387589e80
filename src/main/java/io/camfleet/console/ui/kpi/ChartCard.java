package io.camfleet.console.ui.kpi;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** One chart of the dashboard in its frame: a title, extra controls, PNG and CSV buttons, and the chart itself. */
final class ChartCard extends VBox {

    private final StackPane body = new StackPane();
    private final HBox header;
    /** The title, for a card whose chart changes with what is known (the images card). */
    final Label caption;
    final Button png;
    final Button csv;

    ChartCard(String id, String title, Messages m) {
        super(6);
        setId(id);
        getStyleClass().add("kpi-card");
        caption = new Label(title);
        caption.getStyleClass().add("kpi-card-title");
        png = new Button(m.text("kpi.export.png"), new FontIcon(Material2AL.IMAGE));
        png.setTooltip(new Tooltip(m.text("kpi.export.png.tip")));
        csv = new Button(m.text("kpi.export.csv"), new FontIcon(Material2AL.GRID_ON));
        csv.setTooltip(new Tooltip(m.text("kpi.export.csv.tip")));
        for (Button b : new Button[]{png, csv}) {
            b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        }
        header = new HBox(8, caption, new Spacer(), png, csv);
        header.setAlignment(Pos.CENTER_LEFT);
        body.getStyleClass().add("kpi-chart");
        body.setMinHeight(280);
        body.setPrefHeight(300);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, body);
    }

    /** Puts controls (a toggle, a picker) before the export buttons. */
    void controls(Node... nodes) {
        header.getChildren().addAll(2, java.util.List.of(nodes));
    }

    /** The chart, or another node such as a table; exports are offered. */
    void show(Node chart) {
        body.getChildren().setAll(chart);
        body.setPrefHeight(Math.max(300, chart instanceof javafx.scene.layout.Region r ? r.getMinHeight() : 0));
        png.setDisable(false);
        csv.setDisable(false);
    }

    /** A sentence instead of a chart (no data); nothing to export. */
    void say(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        body.getChildren().setAll(l);
        png.setDisable(true);
        csv.setDisable(true);
    }

    /** As tall as what it shows (a table sized to its rows), not a chart's height. */
    void fitContent() {
        body.setMinHeight(USE_COMPUTED_SIZE);
        body.setPrefHeight(USE_COMPUTED_SIZE);
    }

    /** What the PNG export draws: the chart area with its own background. */
    Node picture() {
        return body;
    }
}
