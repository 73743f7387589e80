package io.camfleet.console.ui.deploy;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.TargetRow;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One bar per wave, its targets stacked by state: done, failed, under way, waiting, pending. */
final class WaveBars {

    private final Messages m;
    private final GridPane grid = new GridPane();

    WaveBars(Messages messages) {
        this.m = messages;
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 0, 4, 0));
        ColumnConstraints name = new ColumnConstraints(70);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setMinWidth(200);
        // As wide as its longest text (at least 250): the bars give way, the counts are never cut.
        ColumnConstraints counts = new ColumnConstraints(250, Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
        counts.setMinWidth(250);
        counts.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().addAll(name, bar, counts);
        grid.setId("wave-bars");
    }

    Node root() {
        return grid;
    }

    /** @param interrupted nobody runs the deployment: what was under way is not running; a resume re-probes it */
    void show(List<TargetRow> targets, int waves, boolean canary, boolean interrupted) {
        grid.getChildren().clear();
        for (int w = 0; w < waves; w++) {
            Map<TargetStyle.Group, Integer> counts = counts(targets, w);
            Label name = new Label(TargetStyle.waveName(m, w, canary));
            name.getStyleClass().add("wave-label");
            Label text = new Label(countsText(m, counts, interrupted));
            text.getStyleClass().add("muted");
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            Bar bar = new Bar(counts, total);
            StringBuilder tip = new StringBuilder();
            counts.forEach((g, n) -> tip.append(tip.isEmpty() ? "" : "\n").append(m.text(g.key())).append(": ")
                    .append(n));
            Tooltip.install(bar, new Tooltip(tip.toString()));
            grid.addRow(w, name, bar, text);
        }
    }

    /** How many targets of wave {@code wave} are in each group. */
    static Map<TargetStyle.Group, Integer> counts(List<TargetRow> targets, int wave) {
        Map<TargetStyle.Group, Integer> counts = new EnumMap<>(TargetStyle.Group.class);
        for (TargetRow t : targets) {
            if (t.record().wave() == wave) {
                counts.merge(TargetStyle.group(t.state()), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * A wave's counts in words: done of all, failed (failed or contact lost), running; and, once some were rolled
     * back, how many, which are no longer counted as failed: a rolled-back camera runs its old version again; and how
     * many the error-budget guard held back.
     */
    static String countsText(Messages m, Map<TargetStyle.Group, Integer> counts, boolean interrupted) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int done = counts.getOrDefault(TargetStyle.Group.SUCCEEDED, 0);
        int failed = counts.getOrDefault(TargetStyle.Group.FAILED, 0)
                + counts.getOrDefault(TargetStyle.Group.UNKNOWN, 0);
        int rolledBack = counts.getOrDefault(TargetStyle.Group.ROLLED_BACK, 0);
        int going = counts.getOrDefault(TargetStyle.Group.UNDER_WAY, 0);
        String text = m.text(interrupted ? "deploy.wave.countsInterrupted" : "deploy.wave.counts", done, total,
                failed, going);
        text = rolledBack == 0 ? text : m.text("deploy.wave.rolledBack", text, rolledBack);
        int held = counts.getOrDefault(TargetStyle.Group.HELD_BACK, 0);
        return held == 0 ? text : m.text("deploy.wave.heldBack", text, held);
    }

    /** Segments laid out by their share of the wave. */
    private static final class Bar extends Pane {
        private final Map<TargetStyle.Group, Integer> counts;
        private final int total;

        Bar(Map<TargetStyle.Group, Integer> counts, int total) {
            this.counts = counts;
            this.total = total;
            getStyleClass().add("wave-bar");
            setMinHeight(16);
            setPrefHeight(16);
            for (TargetStyle.Group g : TargetStyle.Group.values()) {
                if (counts.containsKey(g)) {
                    Region r = new Region();
                    r.getStyleClass().add(g.styleClass());
                    r.setUserData(g);
                    getChildren().add(r);
                }
            }
        }

        @Override
        protected void layoutChildren() {
            double x = 1;
            double width = getWidth() - 2;
            double h = getHeight() - 2;
            for (Node n : getChildren()) {
                double w = total == 0 ? 0 : width * counts.get((TargetStyle.Group) n.getUserData()) / total;
                ((Region) n).resizeRelocate(Math.round(x), 1, Math.max(1, Math.round(x + w) - Math.round(x)), h);
                x += w;
            }
        }
    }
}
