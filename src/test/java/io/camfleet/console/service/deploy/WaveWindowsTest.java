package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.MaintenanceWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WaveWindowsTest {

    // Thursday 10:00 UTC.
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");

    private static Rollout.Placement at(String window, ZoneId zone) {
        return new Rollout.Placement(new Target("C", "S", "", "", ""), MaintenanceWindow.parse(window), zone);
    }

    @Test
    void windowsOpenNowShareThisVeryInstant() {
        assertThat(WaveWindows.firstCommonOpening(List.of(at("", ZoneOffset.UTC), at("Thu 09:00-11:00",
                ZoneOffset.UTC)), now, WaveWindows.HORIZON)).contains(now);
        assertThat(WaveWindows.firstCommonOpening(List.of(), now, Duration.ZERO)).contains(now);
    }

    @Test
    void theFirstSharedInstantIsTheLatestOpeningWhenTheWindowsOverlapThere() {
        // 12:00-13:00 UTC and 13:30-15:00 in Amsterdam (12:30-14:00 UTC): both open from 12:30 UTC.
        assertThat(WaveWindows.firstCommonOpening(List.of(at("Thu 12:00-13:00", ZoneOffset.UTC),
                at("Thu 13:30-15:00", ZoneId.of("Europe/Amsterdam"))), now, WaveWindows.HORIZON))
                .contains(Instant.parse("2026-11-26T12:30:00Z"));
    }

    @Test
    void theSearchJumpsPastOpeningsThatDoNotOverlapToOneThatDoes() {
        // Thursday noon's window opens first, but the other is closed then: Friday 12:30 is the first they share.
        assertThat(WaveWindows.firstCommonOpening(List.of(at("Thu,Fri 12:00-13:00", ZoneOffset.UTC),
                at("Fri 12:30-14:00", ZoneOffset.UTC)), now, WaveWindows.HORIZON))
                .contains(Instant.parse("2026-11-27T12:30:00Z"));
        // Three windows of which two are on different days: no instant has all three.
        assertThat(WaveWindows.firstCommonOpening(List.of(at("Thu,Fri 12:00-13:00", ZoneOffset.UTC),
                at("Thu 14:00-15:00", ZoneOffset.UTC), at("Fri 11:00-12:30", ZoneOffset.UTC)), now,
                WaveWindows.HORIZON)).isEmpty();
    }

    @Test
    void windowsThatNeverMeetShareNothing() {
        assertThat(WaveWindows.firstCommonOpening(List.of(at("Mon 01:00-02:00", ZoneOffset.UTC),
                at("Tue 01:00-02:00", ZoneOffset.UTC)), now, WaveWindows.HORIZON)).isEmpty();
    }

    @Test
    void anOpeningExactlyAtTheEndOfTheSearchStillCounts() {
        List<Rollout.Placement> noon = List.of(at("Thu 12:00-13:00", ZoneOffset.UTC));

        assertThat(WaveWindows.firstCommonOpening(noon, now, Duration.ofHours(2)))
                .contains(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(WaveWindows.firstCommonOpening(noon, now, Duration.ofHours(2).minusSeconds(1))).isEmpty();
    }
}
