package io.camfleet.console.ui.common;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.SiteHealth;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetSnapshot;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * A site's state in words, and the rule it was judged by, as every screen that shows site states says them: a site
 * that is not down but has cameras offline reads "Degraded · 1 offline".
 */
public final class SiteStates {

    private SiteStates() {
    }

    /** "Degraded · 1 offline", "Offline", "Online". */
    public static String text(Messages m, SiteHealth h) {
        String state = m.text(HealthStyle.key(h.state()));
        return h.state() != HealthState.OFFLINE && h.offline() > 0
                ? m.text("site.state.withOffline", state, h.offline()) : state;
    }

    /** The rule in force: "A site is down when all its cameras are offline". */
    public static String rule(Messages m, SiteDownRule rule) {
        return m.text(rule.messageKey(), rule.threshold());
    }

    /** Keeps {@code label}'s text and tooltip at the rule of the fleet shown, as Settings changes it. */
    public static void showRule(Label label, Messages m, ObservableValue<FleetSnapshot> fleet) {
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        label.setTooltip(tip);
        ChangeListener<FleetSnapshot> update = (o, was, now) -> {
            String text = rule(m, now == null ? SiteDownRule.DEFAULT : now.rule());
            if (!text.equals(label.getText())) {
                label.setText(text);
                tip.setText(m.text("site.rule.tip", text));
            }
        };
        fleet.addListener(update);
        update.changed(fleet, null, fleet.getValue());
    }
}
