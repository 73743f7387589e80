package io.camfleet.console.ui.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.service.alerts.AlertService;
import io.camfleet.console.service.alerts.MemoryAlertStore;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.ui.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts screen's model with no toolkit: results come back on a queue the test runs itself. */
class AlertsViewModelTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    final TestClock clock = new TestClock(T0);
    final MemoryAlertStore store = new MemoryAlertStore();
    final Queue<Runnable> ui = new ConcurrentLinkedQueue<>();
    final List<String> mapped = new ArrayList<>();
    AlertService alerts;
    AlertsViewModel vm;

    @BeforeEach
    void start() {
        AuditService audit = new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(),
                new Operator("nina", ""), clock);
        alerts = new AlertService(store, n -> { }, audit, clock);
        store.raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "ams", "ams",
                "Site Amsterdam Docks (ams) is down: 8 of 8 cameras offline for 1 min.", T0, false));
        store.raise(Alert.raise(AlertKind.CAMERA_DEGRADED, AlertSeverity.WARNING, "R7", "rtm",
                "Camera cam-r7 at Rotterdam Port has been degraded for 15 min.", T0.plusSeconds(60), false));
        Alert sync = store.raise(Alert.raise(AlertKind.SYNC_STALE, AlertSeverity.WARNING, "aws", "",
                "No successful sync from aws for 15 min.", T0.plusSeconds(120), false));
        store.update(sync, sync.resolveAutomatically(T0.plusSeconds(600)), null, T0, "", "");
        vm = new AlertsViewModel(alerts, BackgroundTasks.unlisted(Runnable::run, ui::add),
                new Messages(Locale.ENGLISH), mapped::add);
        vm.refresh();
        drain();
    }

    @AfterEach
    void stop() {
        alerts.close();
    }

    void drain() {
        for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
            r.run();
        }
    }

    List<String> subjects() {
        return vm.alerts().stream().map(Alert::subject).toList();
    }

    @Test
    void whatNobodyTookOnComesFirstCriticalBeforeWarningNewestFirst() {
        // A newer warning and an older critical nobody took on: the critical leads; then a newer critical that is
        // acknowledged goes below both, and the resolved one stays last.
        Alert old = store.raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "lis", "lis",
                "Site Lisbon (lis) is down.", T0.minusSeconds(3600), false));
        Alert taken = store.raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "opo", "opo",
                "Site Porto (opo) is down.", T0.plusSeconds(300), false));
        store.update(taken, taken.acknowledge("nina", "on it", T0.plusSeconds(360)), null, T0, "nina", "on it");
        vm.showProperty().set(AlertsViewModel.Show.ALL);
        vm.refresh();
        drain();
        assertThat(subjects()).containsExactly("ams", "lis", "R7", "opo", "aws");
        assertThat(old.id()).isPositive();
    }

    @Test
    void theOpenAlertsShowFirstAndTheFiltersNarrowThem() {
        assertThat(subjects()).containsExactly("ams", "R7");
        assertThat(vm.needingSomeoneProperty().get()).isEqualTo(2);
        assertThat(vm.statusProperty().get()).isEqualTo("2 shown; 2 open, 2 not acknowledged");

        vm.showProperty().set(AlertsViewModel.Show.ALL);
        assertThat(subjects()).containsExactlyInAnyOrder("ams", "R7", "aws");
        vm.severityProperty().set(AlertSeverity.WARNING);
        assertThat(subjects()).containsExactlyInAnyOrder("R7", "aws");
        vm.kindProperty().set(AlertKind.SYNC_STALE);
        assertThat(subjects()).containsExactly("aws");
        vm.kindProperty().set(null);
        vm.textProperty().set("rotterdam");
        assertThat(subjects()).containsExactly("R7");
        vm.showProperty().set(AlertsViewModel.Show.RESOLVED);
        assertThat(subjects()).isEmpty();
    }

    @Test
    void acknowledgingTheSelectedAlertTakesItOffTheBadgeAndItsButtonsFollowItsState() {
        vm.selectedProperty().set(vm.alerts().getFirst());
        assertThat(vm.canAcknowledge().get()).isTrue();
        assertThat(vm.canOpenOnMap().get()).isTrue();

        vm.acknowledge("Calling the site");
        drain();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.needingSomeoneProperty().get()).isEqualTo(1);
        assertThat(vm.selectedProperty().get().status()).as("still selected, as it is now")
                .isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(vm.canAcknowledge().get()).isFalse();
        assertThat(vm.canResolve().get()).isTrue();

        vm.resolve("Power back");
        drain();
        assertThat(subjects()).as("resolved leaves the open list").containsExactly("R7");
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void aRefusedStepIsOneSentenceAndNothingChanges() {
        vm.selectedProperty().set(vm.alerts().getFirst());
        vm.acknowledge("   ");
        drain();
        assertThat(vm.problemProperty().get()).startsWith("The note is missing");
        assertThat(store.find(1)).get().extracting(Alert::status).isEqualTo(AlertStatus.RAISED);
    }

    @Test
    void silencingCoversTheSelectedAlertsKindAtItsSite() {
        vm.selectedProperty().set(vm.alerts().get(1));
        vm.silence(Duration.ofHours(4), "Known: camera replaced tomorrow");
        drain();
        assertThat(alerts.silences()).singleElement().satisfies(s -> {
            assertThat(s.siteId()).isEqualTo("rtm");
            assertThat(s.kind()).isEqualTo(AlertKind.CAMERA_DEGRADED);
            assertThat(s.until()).isEqualTo(T0.plus(Duration.ofHours(4)));
            assertThat(s.by()).isEqualTo("nina");
        });
    }

    @Test
    void openOnMapAsksForTheAlertsSiteAndIsOffForAnAlertWithoutOne() {
        vm.selectedProperty().set(vm.alerts().getFirst());
        vm.openOnMap();
        assertThat(mapped).containsExactly("ams");
        vm.showProperty().set(AlertsViewModel.Show.ALL);
        vm.selectedProperty().set(vm.alerts().stream().filter(a -> a.subject().equals("aws")).findFirst()
                .orElseThrow());
        assertThat(vm.canOpenOnMap().get()).isFalse();
    }
}
