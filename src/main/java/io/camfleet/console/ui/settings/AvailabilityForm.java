package io.camfleet.console.ui.settings;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.availability.SlaTargets;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings, Availability, without its controls: the site-down rule, whether DEGRADED counts, each SLA tier's target
 * and how long health history is kept, as the operator types them. A value that cannot be used gets a sentence of its
 * own, next to its field, and nothing is saved until every one can.
 */
final class AvailabilityForm {

    private static final DecimalFormat PERCENT = new DecimalFormat("0.0##", DecimalFormatSymbols.getInstance(Locale.ROOT));

    final ObjectProperty<SiteDownRule.Kind> kind = new SimpleObjectProperty<>();
    final StringProperty threshold = new SimpleStringProperty("");
    final BooleanProperty degradedCounts = new SimpleBooleanProperty();
    final Map<SlaTier, StringProperty> targets = new EnumMap<>(SlaTier.class);
    final StringProperty retentionDays = new SimpleStringProperty("");

    final StringProperty thresholdProblem = new SimpleStringProperty("");
    final Map<SlaTier, StringProperty> targetProblems = new EnumMap<>(SlaTier.class);
    final StringProperty retentionProblem = new SimpleStringProperty("");

    private final Messages m;

    AvailabilityForm(Messages messages, AvailabilitySettings current) {
        this.m = messages;
        SiteDownRule rule = current.rule();
        kind.set(rule.kind());
        threshold.set(rule.kind() == SiteDownRule.Kind.DARK ? "" : Integer.toString(rule.threshold()));
        degradedCounts.set(rule.degradedCounts());
        for (SlaTier tier : SlaTier.values()) {
            targets.put(tier, new SimpleStringProperty(PERCENT.format(current.targets().target(tier))));
            targetProblems.put(tier, new SimpleStringProperty(""));
        }
        retentionDays.set(Integer.toString(current.retentionDays()));
        // A sentence is about the value it was said of: it goes as soon as that value is changed.
        threshold.addListener(o -> thresholdProblem.set(""));
        kind.addListener(o -> thresholdProblem.set(""));
        targets.forEach((tier, value) -> value.addListener(o -> targetProblems.get(tier).set("")));
        retentionDays.addListener(o -> retentionProblem.set(""));
    }

    /** The settings as entered; empty, with a sentence beside each field that cannot be used, when one cannot. */
    Optional<AvailabilitySettings> result() {
        boolean ok = true;
        SiteDownRule rule = null;
        thresholdProblem.set("");
        if (kind.get() == SiteDownRule.Kind.DARK) {
            rule = new SiteDownRule(SiteDownRule.Kind.DARK, 0, degradedCounts.get());
        } else {
            Integer n = whole(threshold.get());
            int most = kind.get() == SiteDownRule.Kind.AT_LEAST_PERCENT ? 100 : Integer.MAX_VALUE;
            if (n == null || n < 1 || n > most) {
                thresholdProblem.set(m.text(kind.get() == SiteDownRule.Kind.AT_LEAST_PERCENT
                        ? "settings.availability.bad.percent" : "settings.availability.bad.count", threshold.get()));
                ok = false;
            } else {
                rule = new SiteDownRule(kind.get(), n, degradedCounts.get());
            }
        }
        Map<SlaTier, Double> percent = new EnumMap<>(SlaTier.class);
        for (SlaTier tier : SlaTier.values()) {
            Double p = decimal(targets.get(tier).get());
            if (p == null || !(p > 0 && p < 100)) {
                targetProblems.get(tier).set(m.text("settings.availability.bad.target", m.text("sla." + tier.name()),
                        targets.get(tier).get()));
                ok = false;
            } else {
                targetProblems.get(tier).set("");
                percent.put(tier, p);
            }
        }
        Integer days = whole(retentionDays.get());
        if (days == null || days < 31 || days > 3660) {
            retentionProblem.set(m.text("settings.availability.bad.retention", retentionDays.get()));
            ok = false;
        } else {
            retentionProblem.set("");
        }
        return ok ? Optional.of(new AvailabilitySettings(rule, new SlaTargets(percent), days)) : Optional.empty();
    }

    private static Integer whole(String text) {
        try {
            return Integer.valueOf(text.strip().replace("%", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "99.95", "99,95" or "99.95 %": operators type what their keyboard gives them. */
    private static Double decimal(String text) {
        try {
            double d = Double.parseDouble(text.strip().replace("%", "").strip().replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
