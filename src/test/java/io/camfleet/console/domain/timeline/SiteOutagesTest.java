package io.camfleet.console.domain.timeline;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.timeline.SiteOutages.CameraSpan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.camfleet.console.domain.fleet.HealthState.DEGRADED;
import static io.camfleet.console.domain.fleet.HealthState.MAINTENANCE;
import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;

class SiteOutagesTest {

    private static final List<String> CAMERAS = List.of("a", "b", "c");

    private static Instant t(String hhmm) {
        return Instant.parse("2026-12-01T" + hhmm + ":00Z");
    }

    private static CameraSpan span(String camera, HealthState state, String from, String to) {
        return new CameraSpan(camera, state, t(from), to == null ? null : t(to));
    }

    private static final List<CameraSpan> SPANS = List.of(
            span("a", OFFLINE, "10:00", "10:30"), span("b", OFFLINE, "10:10", "10:40"),
            span("c", OFFLINE, "10:20", "10:25"),
            span("c", MAINTENANCE, "11:00", "12:00"), span("a", OFFLINE, "11:10", "11:20"),
            span("b", OFFLINE, "11:15", "11:30"),
            span("a", OFFLINE, "13:00", null), span("c", OFFLINE, "13:00", null), span("b", OFFLINE, "13:05", null),
            span("x", OFFLINE, "09:00", "09:30")); // not one of the site's cameras

    @Test
    void aDarkSiteIsDownWhileEveryCameraExpectedToWorkIsOffline() {
        // All three offline from 10:20 (c joins a and b) to 10:25 (c back). At 11:00-12:00 c is in maintenance, so
        // only a and b are expected: both offline 11:15 (b joins) to 11:20 (a back). From 13:05 all three are, with
        // no end yet.
        assertThat(SiteOutages.of(SiteDownRule.DEFAULT, CAMERAS, SPANS)).containsExactly(
                new Timeline.Outage(t("10:20"), t("10:25")),
                new Timeline.Outage(t("11:15"), t("11:20")),
                new Timeline.Outage(t("13:05"), null));
    }

    @Test
    void aSiteDownFromTwoCamerasIsDownWhileAnyTwoAre() {
        // a and b from 10:10 to 10:30 (a back; b and c overlap only to 10:25, inside it); a and b 11:15 to 11:20;
        // a and c from 13:00.
        assertThat(SiteOutages.of(new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 2, false), CAMERAS, SPANS))
                .containsExactly(new Timeline.Outage(t("10:10"), t("10:30")),
                        new Timeline.Outage(t("11:15"), t("11:20")),
                        new Timeline.Outage(t("13:00"), null));
    }

    @Test
    void aCameraMovingStraightFromOfflineToDegradedEndsTheOutageOnlyWhenTheRuleSaysSo() {
        List<CameraSpan> spans = List.of(span("a", OFFLINE, "10:00", "10:10"), span("a", DEGRADED, "10:10", "10:20"));
        // one camera: dark from 10:00 until it is merely degraded at 10:10
        assertThat(SiteOutages.of(SiteDownRule.DEFAULT, List.of("a"), spans))
                .containsExactly(new Timeline.Outage(t("10:00"), t("10:10")));
        // when degraded counts against the site, it stays down until 10:20, in one outage
        assertThat(SiteOutages.of(new SiteDownRule(SiteDownRule.Kind.DARK, 0, true), List.of("a"), spans))
                .containsExactly(new Timeline.Outage(t("10:00"), t("10:20")));
    }

    @Test
    void aSiteWithNoStretchesHadNoOutage() {
        assertThat(SiteOutages.of(SiteDownRule.DEFAULT, CAMERAS, List.of())).isEmpty();
        assertThat(SiteOutages.of(SiteDownRule.DEFAULT, List.of(), SPANS)).isEmpty();
    }
}
