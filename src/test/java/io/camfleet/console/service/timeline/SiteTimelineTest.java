package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.domain.timeline.SiteEvent.Kind;
import io.camfleet.console.domain.timeline.Timeline;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetInventory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class SiteTimelineTest {

    static final Instant DAY0 = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant NOW = DAY0.plus(Duration.ofDays(10));
    static final Messages M = new Messages(Locale.ROOT);

    static final FleetInventory FLEET = FleetInventory.of(
            List.of(new Site("ams", "Amsterdam", "Acme", "NL", "EU", 52.3, 4.9, "UTC", SlaTier.GOLD, ""),
                    new Site("rtm", "Rotterdam", "Acme", "NL", "EU", 51.9, 4.4, "UTC", SlaTier.GOLD, "")),
            List.of(camera("a-1", "ams"), camera("a-2", "ams"), camera("r-1", "rtm")));

    private static CameraSystem camera(String id, String site) {
        return new CameraSystem(id, site, id, "", "", "", "", "", "6.4.2");
    }

    /** Day {@code day}, at hh:mm. */
    static Instant at(int day, String hhmm) {
        return DAY0.plus(Duration.ofDays(day)).plus(Duration.between(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T" + hhmm + ":00Z")));
    }

    /** A source that gives the events it was given that fall in the window asked, the latest {@code limit}. */
    record Given(List<SiteEvent> events) implements SiteHistorySource {
        @Override
        public List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit) {
            List<SiteEvent> in = events.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                    .sorted(SiteEvent.ORDER).toList();
            return in.subList(Math.max(0, in.size() - limit), in.size());
        }
    }

    static SiteEvent event(Instant at, Kind kind, String camera, String summary, long sequence) {
        return new SiteEvent(at, kind, camera, summary, sequence);
    }

    private static SiteTimeline timeline(SpanList history, SiteHistorySource... sources) {
        return new SiteTimeline(() -> FLEET, new HealthChanges(history, () -> SiteDownRule.DEFAULT, M),
                List.of(sources));
    }

    @Test
    void theTimelineStartsAtTheLastChangeBeforeTheLatestOutage() {
        SpanList history = new SpanList()
                // an earlier outage on day 2, 10:00-11:00
                .add("a-1", OFFLINE, at(2, "10:00"), at(2, "11:00")).add("a-2", OFFLINE, at(2, "10:00"), at(2, "11:00"))
                // the latest: a-1 from 12:00, a-2 from 12:05 (dark from 12:05), a-1 back at 12:30 (up again)
                .add("a-1", OFFLINE, at(8, "12:00"), at(8, "12:30")).add("a-2", OFFLINE, at(8, "12:05"), at(8, "12:40"))
                .add("r-1", OFFLINE, at(8, "11:00"), at(8, "13:00")); // another site's camera
        var changes = new Given(List.of(
                event(at(7, "09:00"), Kind.DEPLOYMENT, "a-1", "deployment d-1", 1),
                event(at(8, "11:50"), Kind.CONFIG, "a-2", "config restored", 1),
                event(at(8, "12:10"), Kind.AUDIT, "a-2", "service restarted", 1)));
        var alerts = new Given(List.of(event(at(8, "12:06"), Kind.ALERT, "", "Site ams is down", 7)));

        Timeline t = timeline(history, changes, alerts).of("ams", NOW);

        // Latest outage: 12:05 to 12:30 on day 8. The last change at or before 12:05 is the config restore at 11:50
        // (the deployment of day 7 is older, the audited restart of 12:10 came after). The window starts one hour
        // before it, at 10:50, and ends now.
        assertThat(t.start()).isEqualTo(Timeline.Start.LAST_CHANGE_BEFORE_OUTAGE);
        assertThat(t.outage()).isEqualTo(new Timeline.Outage(at(8, "12:05"), at(8, "12:30")));
        assertThat(t.from()).isEqualTo(at(8, "10:50"));
        assertThat(t.to()).isEqualTo(NOW);
        assertThat(t.events()).extracting(SiteEvent::at, SiteEvent::kind, SiteEvent::cameraId, SiteEvent::summary)
                .containsExactly(
                        tuple(at(8, "11:50"), Kind.CONFIG, "a-2", "config restored"),
                        tuple(at(8, "12:00"), Kind.HEALTH, "a-1", "Went OFFLINE"),
                        tuple(at(8, "12:05"), Kind.HEALTH, "a-2", "Went OFFLINE"),
                        tuple(at(8, "12:05"), Kind.HEALTH, "", M.text("timeline.health.siteDown")),
                        tuple(at(8, "12:06"), Kind.ALERT, "", "Site ams is down"),
                        tuple(at(8, "12:10"), Kind.AUDIT, "a-2", "service restarted"),
                        tuple(at(8, "12:30"), Kind.HEALTH, "a-1", "Back ONLINE (was OFFLINE)"),
                        tuple(at(8, "12:30"), Kind.HEALTH, "", M.text("timeline.health.siteUp")),
                        tuple(at(8, "12:40"), Kind.HEALTH, "a-2", "Back ONLINE (was OFFLINE)"));
        assertThat(t.focus()).isZero();
        assertThat(t.focused()).get().extracting(SiteEvent::summary).isEqualTo("config restored");
        assertThat(t.olderNotShown()).isFalse();
    }

    @Test
    void aChangeAtTheVeryInstantTheSiteWentDownCountsAsBeforeIt() {
        SpanList history = new SpanList().add("a-1", OFFLINE, at(5, "08:00"), null)
                .add("a-2", OFFLINE, at(5, "08:00"), null);
        var changes = new Given(List.of(event(at(4, "08:00"), Kind.DEPLOYMENT, "", "older", 1),
                event(at(5, "08:00"), Kind.DEPLOYMENT, "a-1", "install started", 2)));

        Timeline t = timeline(history, changes).of("ams", NOW);

        assertThat(t.outage()).isEqualTo(new Timeline.Outage(at(5, "08:00"), null));
        assertThat(t.focused()).get().extracting(SiteEvent::summary).isEqualTo("install started");
        // at one instant a change comes before what it caused: the install, then the cameras, then the site
        assertThat(t.events()).extracting(SiteEvent::kind, SiteEvent::cameraId).containsExactly(
                tuple(Kind.DEPLOYMENT, "a-1"), tuple(Kind.HEALTH, "a-1"), tuple(Kind.HEALTH, "a-2"),
                tuple(Kind.HEALTH, ""));
        assertThat(t.from()).isEqualTo(at(5, "07:00"));
    }

    @Test
    void anOutageWithNoChangeBeforeItOpensOnTheOutageWithTheDayBefore() {
        SpanList history = new SpanList().add("a-1", OFFLINE, at(9, "06:00"), at(9, "07:00"))
                .add("a-2", OFFLINE, at(9, "06:00"), at(9, "07:00"));
        var alerts = new Given(List.of(event(at(8, "12:00"), Kind.ALERT, "a-1", "a-1 degraded", 1),
                event(at(9, "06:02"), Kind.ALERT, "", "Site ams is down", 2)));

        Timeline t = timeline(history, alerts).of("ams", NOW);

        assertThat(t.start()).isEqualTo(Timeline.Start.OUTAGE_WITHOUT_CHANGE);
        assertThat(t.from()).isEqualTo(at(8, "06:00"));
        // rows: the alert of day 8, a-1 and a-2 went OFFLINE, the site went down (06:00), ...: the first row at the
        // outage's start is a-1 going OFFLINE, index 1
        assertThat(t.focus()).isEqualTo(1);
        assertThat(t.focused()).get().extracting(SiteEvent::cameraId, SiteEvent::at).containsExactly("a-1",
                at(9, "06:00"));
    }

    @Test
    void aSiteWithNoOutageShowsTheLastSevenDaysOnItsNewestEvent() {
        SpanList history = new SpanList().add("a-1", OFFLINE, at(9, "06:00"), at(9, "07:00")); // a-2 stayed up
        var alerts = new Given(List.of(event(at(2, "12:00"), Kind.ALERT, "", "too old", 1),
                event(at(3, "00:00"), Kind.ALERT, "", "exactly 7 days ago", 2),
                event(at(9, "12:00"), Kind.ALERT, "", "newest", 3)));

        Timeline t = timeline(history, alerts).of("ams", NOW);

        assertThat(t.start()).isEqualTo(Timeline.Start.LAST_DAYS);
        assertThat(t.outage()).isNull();
        assertThat(t.from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(t.events()).extracting(SiteEvent::summary).containsExactly("exactly 7 days ago", "Went OFFLINE",
                "Back ONLINE (was OFFLINE)", "newest");
        assertThat(t.focus()).isEqualTo(3);
    }

    @Test
    void eventsAreOrderedByTimeThenKindThenTheirSourcesSequenceWhateverTheOrderOfTheSources() {
        Instant same = at(9, "10:00");
        List<SiteEvent> all = List.of(
                event(same, Kind.TICKET, "", "ticket opened", 1),
                event(same, Kind.CONFIG, "a-1", "config backup v2", 2),
                event(same, Kind.CONFIG, "a-2", "config backup v1", 1), // written first: shown first
                event(same, Kind.AUDIT, "a-1", "restart", 40),
                event(same, Kind.DEPLOYMENT, "a-2", "install", 9),
                event(same, Kind.ALERT, "", "alert raised", 3),
                event(same, Kind.ALERT, "", "alert acknowledged", 4),
                event(at(9, "09:59"), Kind.TICKET, "", "a minute earlier", 99));
        List<String> expected = List.of("a minute earlier", "install", "config backup v1", "config backup v2",
                "restart", "alert raised", "alert acknowledged", "ticket opened");
        Random random = new Random(13);
        for (int round = 0; round < 20; round++) {
            // each kind from its own source, the sources in a shuffled order, each source's events shuffled
            List<SiteHistorySource> sources = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                List<SiteEvent> mine = new ArrayList<>(all.stream().filter(e -> e.kind() == kind).toList());
                Collections.shuffle(mine, random);
                sources.add((site, cameras, from, to, limit) -> mine);
            }
            Collections.shuffle(sources, random);
            Timeline t = new SiteTimeline(() -> FLEET, new HealthChanges(new SpanList(), () -> SiteDownRule.DEFAULT,
                    M), sources).of("ams", NOW);
            assertThat(t.events()).extracting(SiteEvent::summary).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aTimelineKeepsItsLatestEventsAndSaysOlderOnesAreNotShown() {
        List<SiteEvent> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(event(at(9, "10:0" + i), Kind.ALERT, "", "alert " + i, i));
        }
        Timeline t = new SiteTimeline(() -> FLEET, new HealthChanges(new SpanList(), () -> SiteDownRule.DEFAULT, M),
                List.of(new Given(many)), 5).of("ams", NOW);
        assertThat(t.olderNotShown()).isTrue();
        assertThat(t.events()).extracting(SiteEvent::summary)
                .containsExactly("alert 3", "alert 4", "alert 5", "alert 6", "alert 7");
        assertThat(t.focus()).isEqualTo(4);

        Timeline few = new SiteTimeline(() -> FLEET, new HealthChanges(new SpanList(), () -> SiteDownRule.DEFAULT,
                M), List.of(new Given(many)), 8).of("ams", NOW);
        assertThat(few.olderNotShown()).isFalse();
        assertThat(few.events()).hasSize(8);
    }

    @Test
    void whenTheChangeToOpenOnIsBeyondTheBoundTheOldestRowShownIsSelected() {
        SpanList history = new SpanList().add("a-1", OFFLINE, at(9, "12:00"), null)
                .add("a-2", OFFLINE, at(9, "12:00"), null);
        List<SiteEvent> events = new ArrayList<>(List.of(event(at(9, "11:00"), Kind.DEPLOYMENT, "", "deploy", 1)));
        for (int i = 0; i < 6; i++) {
            events.add(event(at(9, "13:0" + i), Kind.ALERT, "", "alert " + i, i));
        }
        Timeline t = new SiteTimeline(() -> FLEET, new HealthChanges(history, () -> SiteDownRule.DEFAULT, M),
                List.of(new Given(events)), 4).of("ams", NOW);
        assertThat(t.start()).isEqualTo(Timeline.Start.LAST_CHANGE_BEFORE_OUTAGE);
        assertThat(t.olderNotShown()).isTrue();
        assertThat(t.events()).extracting(SiteEvent::summary).containsExactly("alert 2", "alert 3", "alert 4",
                "alert 5");
        assertThat(t.focus()).isZero();
    }

    @Test
    void aSiteTheFleetDoesNotHaveIsRefusedWithItsName() {
        SiteTimeline timeline = timeline(new SpanList());
        assertThatThrownBy(() -> timeline.of(" nowhere ", NOW)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
            assertThat(p.key()).isEqualTo("timeline.unknownSite");
            assertThat(p.getMessage()).contains("'nowhere'");
        });
        assertThatThrownBy(() -> timeline.of(null, NOW)).isInstanceOf(Problem.class);
    }
}
