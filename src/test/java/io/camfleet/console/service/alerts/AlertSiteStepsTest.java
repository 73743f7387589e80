package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStep;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's alert steps as any store answers them (the port's own answer, which the memory store keeps). */
class AlertSiteStepsTest {

    @Test
    void theStepsOfOneSitesAlertsInAWindowComeNewestFirst() {
        MemoryAlertStore store = new MemoryAlertStore();
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        Alert a = store.raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "ams", "ams", "down", t,
                false));
        store.update(a, a.acknowledge("nina", "", t.plusSeconds(60)), AlertStep.ACKNOWLEDGE, t.plusSeconds(60),
                "nina", "");
        store.raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "rtm", "rtm", "down", t, false));

        assertThat(store.siteSteps("ams", t, t.plusSeconds(61), 10)).extracting(s -> s.step().step())
                .containsExactly(AlertStep.ACKNOWLEDGE, AlertStep.RAISE);
        assertThat(store.siteSteps("ams", t, t.plusSeconds(60), 10)).extracting(s -> s.step().step())
                .containsExactly(AlertStep.RAISE);
        assertThat(store.siteSteps("ams", t, t.plusSeconds(61), 1)).extracting(s -> s.alert().id())
                .containsExactly(a.id());
    }
}
