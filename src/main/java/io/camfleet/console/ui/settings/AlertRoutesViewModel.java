package io.camfleet.console.ui.settings;

import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.DeliveryState;
import io.camfleet.console.service.alerts.AlertRoute;
import io.camfleet.console.service.alerts.AlertRoutes;
import io.camfleet.console.service.alerts.AlertRoutesSettings;
import io.camfleet.console.service.alerts.Delivery;
import io.camfleet.console.service.alerts.RouteKind;
import io.camfleet.console.service.alerts.SecretSource;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settings › Alert routes without its controls: the routes with their last delivery, add, edit, remove and "Send a
 * test", and the desktop options. Every change is saved at once (off the FX thread) and used from then on; what
 * cannot work is a sentence, and nothing is saved.
 */
public final class AlertRoutesViewModel {

    /** One route as listed: what it goes to, and how its last delivery went (or why it cannot send). */
    public record Row(AlertRoute route, String kind, String target, String severity, String last, boolean failing) {
    }

    private final AlertRoutes routes;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final DateTimeFormatter time;
    private final String user;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty notification = new SimpleBooleanProperty(true);
    private final BooleanProperty sound = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private AlertRoutesSettings shown = AlertRoutesSettings.DEFAULT;
    private boolean loading;

    /** @param user who sends a test, as the test notice says */
    public AlertRoutesViewModel(AlertRoutes routes, BackgroundTasks tasks, Messages messages, ZoneId zone,
                                String user) {
        this.routes = routes;
        this.tasks = tasks;
        this.m = messages;
        this.time = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", messages.locale()).withZone(zone);
        this.user = user;
        notification.addListener((o, was, now) -> desktopChanged());
        sound.addListener((o, was, now) -> desktopChanged());
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public BooleanProperty notificationProperty() {
        return notification;
    }

    public BooleanProperty soundProperty() {
        return sound;
    }

    /** Why routes cannot be changed or saved now, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the routes were read and may be changed. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Whether a test is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the routes and their last deliveries, off the FX thread. */
    public void load() {
        tasks.job(m.text("settings.tab.alertRoutes"), p -> {
            AlertRoutesSettings s = routes.current();
            return new Loaded(s, rowsOf(s));
        }).onSuccess(this::show).onFailure(e -> {
            editable.set(false);
            problem.set(e instanceof Problem p ? m.text(p) : String.valueOf(e.getMessage()));
        }).quiet().start();
    }

    private record Loaded(AlertRoutesSettings settings, List<Row> rows) {
    }

    private void show(Loaded l) {
        shown = l.settings();
        loading = true;
        notification.set(shown.notification());
        sound.set(shown.sound());
        loading = false;
        rows.setAll(l.rows());
        editable.set(true);
    }

    /** Reads secrets and the delivery log: off the FX thread. */
    private List<Row> rowsOf(AlertRoutesSettings s) {
        List<Row> out = new ArrayList<>();
        for (AlertRoute r : s.routes()) {
            Optional<Problem> cannot = r.enabled() ? routes.delivery().check(r) : Optional.empty();
            Optional<Delivery> last = routes.delivery().latest(r.name());
            String lastText = cannot.map(m::text).orElseGet(() -> last.map(this::lastText)
                    .orElse(m.text("alertRoutes.last.none")));
            boolean failing = cannot.isPresent() || last.map(d -> d.state() != DeliveryState.DELIVERED).orElse(false);
            out.add(new Row(r, m.text("alertRoutes.kind." + r.kind().name()), target(r),
                    m.text("alertRoutes.severity." + r.minSeverity().name()), lastText, failing));
        }
        return out;
    }

    String target(AlertRoute r) {
        return switch (r.kind()) {
            case SLACK -> m.text("alertRoutes.target.slack", r.secret());
            case PAGERDUTY -> m.text("alertRoutes.target.pagerDuty", r.url(), r.secret());
            case WEBHOOK -> r.secret().isNone() ? m.text("alertRoutes.target.webhook", r.url())
                    : m.text("alertRoutes.target.webhookSecret", r.url(), r.secret());
        };
    }

    String lastText(Delivery d) {
        String text = m.text("alertRoutes.last." + d.state().name(), time.format(d.nextAt()), d.attempts(),
                d.detail());
        return d.test() ? text + " " + m.text("alertRoutes.last.test") : text;
    }

    /**
     * Adds a route ({@code editing} null) or changes one, and saves the routes.
     *
     * @return the sentence saying what cannot work, when nothing was saved; empty when it was handed to be saved
     */
    public Optional<String> put(AlertRoute editing, String name, RouteKind kind, String url,
                                SecretSource.Kind secretKind, String secretName, AlertSeverity minSeverity,
                                boolean enabled) {
        try {
            AlertRoute route = new AlertRoute(name, kind, url, new SecretSource(secretKind, secretName), minSeverity,
                    enabled);
            List<AlertRoute> changed = new ArrayList<>(shown.routes());
            int at = editing == null ? -1 : changed.indexOf(editing);
            if (at < 0) {
                changed.add(route);
            } else {
                changed.set(at, route);
            }
            save(shown.withRoutes(changed));
            return Optional.empty();
        } catch (Problem p) {
            return Optional.of(m.text(p));
        }
    }

    public void remove(Row row) {
        List<AlertRoute> changed = new ArrayList<>(shown.routes());
        changed.remove(row.route());
        save(shown.withRoutes(changed));
    }

    /** Sends a test through {@code row}'s route now; its row then shows how it went. */
    public void test(Row row) {
        busy.set(true);
        tasks.job(m.text("alertRoutes.test.task", row.route().name()), p -> {
            routes.delivery().test(row.route(), user);
            return rowsOf(shown);
        }).onSuccess(r -> {
            busy.set(false);
            rows.setAll(r);
        }).onFailure(e -> {
            busy.set(false);
            problem.set(e instanceof Problem p ? m.text(p) : String.valueOf(e.getMessage()));
        }).start();
    }

    private void desktopChanged() {
        if (!loading && editable.get()) {
            save(shown.withDesktop(notification.get(), sound.get()));
        }
    }

    /** Shows {@code changed} at once and writes it off the FX thread; a failed write says so, and reloads. */
    private void save(AlertRoutesSettings changed) {
        shown = changed;
        problem.set("");
        tasks.job(m.text("settings.tab.alertRoutes"), p -> {
            routes.save(changed);
            return rowsOf(changed);
        }).onSuccess(rows::setAll).onFailure(e -> {
            problem.set(e instanceof Problem p ? m.text(p) : String.valueOf(e.getMessage()));
            load();
        }).quiet().start();
    }
}
