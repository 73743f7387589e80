package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.alerts.Silence;
import io.camfleet.console.service.alerts.AlertStore;
import io.camfleet.console.service.alerts.AlertTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcAlertStoreTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcAlertStore store;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new JdbcAlertStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Alert dark(String site, Instant at) {
        return Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, site, site,
                "Site " + site + " is down: 8 of 8 cameras offline for 1 min.", at, false);
    }

    @Test
    void anAlertComesBackAsRaisedAndEachStepOfItsLifeIsKept() {
        Alert raised = store.raise(dark("ams", T0));
        assertThat(raised.id()).isPositive();
        assertThat(store.find(raised.id())).contains(raised);

        Alert acked = raised.acknowledge("nina", "On it: calling the site", T0.plusSeconds(90));
        assertThat(store.update(raised, acked, AlertStep.ACKNOWLEDGE, T0.plusSeconds(90), "nina", "On it: calling "
                + "the site")).isTrue();
        Alert clearing = acked.clearing(T0.plusSeconds(300));
        assertThat(store.update(acked, clearing, null, T0.plusSeconds(300), "", "")).isTrue();
        Alert flapped = clearing.reopen();
        assertThat(store.update(clearing, flapped, AlertStep.REOPEN, T0.plusSeconds(330), "", "")).isTrue();
        Alert resolved = flapped.clearing(T0.plusSeconds(400)).resolveAutomatically(T0.plusSeconds(520));
        assertThat(store.update(flapped, resolved, AlertStep.RESOLVE, T0.plusSeconds(520), "", "")).isTrue();

        assertThat(store.find(raised.id())).contains(resolved);
        assertThat(store.steps(raised.id())).extracting(AlertStore.StepRecord::step, AlertStore.StepRecord::at,
                        AlertStore.StepRecord::by)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertStep.RAISE, T0, ""),
                        org.assertj.core.groups.Tuple.tuple(AlertStep.ACKNOWLEDGE, T0.plusSeconds(90), "nina"),
                        org.assertj.core.groups.Tuple.tuple(AlertStep.REOPEN, T0.plusSeconds(330), ""),
                        org.assertj.core.groups.Tuple.tuple(AlertStep.RESOLVE, T0.plusSeconds(520), ""));
    }

    @Test
    void aStepOnAnAlertThatMovedOnMeanwhileIsNotWrittenOverIt() {
        Alert raised = store.raise(dark("ams", T0));
        Alert ackedElsewhere = raised.acknowledge("omar", "mine", T0.plusSeconds(60));
        assertThat(store.update(raised, ackedElsewhere, AlertStep.ACKNOWLEDGE, T0.plusSeconds(60), "omar", "mine"))
                .isTrue();
        Alert staleResolve = raised.resolveAutomatically(T0.plusSeconds(120));
        assertThat(store.update(raised, staleResolve, AlertStep.RESOLVE, T0.plusSeconds(120), "", "")).isFalse();
        assertThat(store.find(raised.id())).contains(ackedElsewhere);
        assertThat(store.steps(raised.id())).hasSize(2);
    }

    @Test
    void openAlertsSurviveClosingAndOpeningTheDatabaseAgain() {
        Alert open = store.raise(dark("ams", T0));
        Alert other = store.raise(dark("rtm", T0.plusSeconds(10)));
        store.update(other, other.resolve("nina", "fixed", T0.plusSeconds(20)), AlertStep.RESOLVE,
                T0.plusSeconds(20), "nina", "fixed");
        db.close();
        db = engine.open(dir);
        store = new JdbcAlertStore(db.dataSource());
        assertThat(store.open()).containsExactly(open);
        assertThat(store.recent(10)).extracting(Alert::subject).containsExactly("rtm", "ams");
        assertThat(store.recent(1)).hasSize(1);
    }

    @Test
    void theKpiQueryGivesEachAlertRaisedInThePeriodWithItsTimes() {
        Alert before = store.raise(dark("early", T0.minusSeconds(1)));
        Alert a = store.raise(dark("ams", T0));
        Alert acked = a.acknowledge("nina", "on it", T0.plus(Duration.ofMinutes(4)));
        store.update(a, acked, AlertStep.ACKNOWLEDGE, acked.acknowledgedAt(), "nina", "on it");
        Alert b = store.raise(Alert.raise(AlertKind.SYNC_STALE, AlertSeverity.WARNING, "aws", "", "stale",
                T0.plus(Duration.ofHours(1)), false));
        store.raise(dark("late", T0.plus(Duration.ofDays(1))));

        assertThat(store.raisedBetween(T0, T0.plus(Duration.ofDays(1)))).containsExactly(
                new AlertTimes(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, T0, T0.plus(Duration.ofMinutes(4)),
                        null),
                new AlertTimes(AlertKind.SYNC_STALE, AlertSeverity.WARNING, b.raisedAt(), null, null));
        assertThat(store.raisedBetween(T0, T0.plus(Duration.ofDays(1))).getFirst().timeToAcknowledge())
                .contains(Duration.ofMinutes(4));
        assertThat(before.status()).isEqualTo(AlertStatus.RAISED);
    }

    @Test
    void silencesAreKeptUntilTheyEnd() {
        Silence site = store.silence(new Silence(0, "ams", null, T0, T0.plusSeconds(3600), "nina", "power work"));
        Silence kind = store.silence(new Silence(0, "", AlertKind.CAMERA_DEGRADED, T0, T0.plusSeconds(60), "omar",
                "known"));
        assertThat(site.id()).isPositive();
        assertThat(store.silences(T0)).containsExactly(kind, site);
        assertThat(store.silences(T0.plusSeconds(60))).containsExactly(site);
        assertThat(store.silences(T0.plusSeconds(3600))).isEmpty();
    }
}
