package io.camfleet.console.domain.images;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutdatedRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static MachineImage image(String id, String created, String state) {
        return new MachineImage(id, "camos-" + id, "eu-west-1", Instant.parse(created), state, null, Map.of());
    }

    @Test
    void anImageOlderThanTheMostDaysIsOutdatedAndOneExactlyThatOldIsNot() {
        // 2026-09-07T12:00Z to 2026-12-06T12:00Z: 23 (rest of Sep) + 31 (Oct) + 30 (Nov) + 6 = 90 whole days
        MachineImage ninety = image("ami-00000001", "2026-09-07T12:00:00Z", "available");
        // one second earlier: still 90 whole days (90 d 0 h 0 m 1 s), not more than 90
        MachineImage ninetyAndASecond = image("ami-00000002", "2026-09-07T11:59:59Z", "available");
        // one day earlier: 91 whole days, more than 90
        MachineImage ninetyOne = image("ami-00000003", "2026-09-06T12:00:00Z", "available");
        OutdatedRule rule = new OutdatedRule(90, false);
        assertThat(ninety.ageDays(NOW)).isEqualTo(90);
        assertThat(rule.judge(ninety, List.of(ninety), NOW).outdated()).isFalse();
        assertThat(rule.judge(ninetyAndASecond, List.of(), NOW).outdated()).isFalse();
        assertThat(rule.judge(ninetyOne, List.of(), NOW)).isEqualTo(new OutdatedRule.Verdict(true, ""));
    }

    @Test
    void aNewerAvailableImageOfTheLineageMakesTheOlderOnesOutdatedAndNamesTheNewest() {
        MachineImage oldest = image("ami-00000001", "2026-10-01T00:00:00Z", "available");
        MachineImage middle = image("ami-00000002", "2026-11-01T00:00:00Z", "available");
        MachineImage newest = image("ami-00000003", "2026-12-01T00:00:00Z", "available");
        List<MachineImage> lineage = List.of(oldest, middle, newest);
        OutdatedRule rule = new OutdatedRule(0, true);
        assertThat(rule.judge(oldest, lineage, NOW)).isEqualTo(new OutdatedRule.Verdict(false, "ami-00000003"));
        assertThat(rule.judge(middle, lineage, NOW)).isEqualTo(new OutdatedRule.Verdict(false, "ami-00000003"));
        assertThat(rule.judge(newest, lineage, NOW).outdated()).isFalse();
    }

    @Test
    void aNewerImageStillBuildingOrFailedDoesNotCountAndNeitherDoesOneOfTheSameMoment() {
        MachineImage current = image("ami-00000001", "2026-11-01T00:00:00Z", "available");
        MachineImage building = image("ami-00000002", "2026-12-01T00:00:00Z", "pending");
        MachineImage failed = image("ami-00000003", "2026-12-02T00:00:00Z", "failed");
        MachineImage twin = image("ami-00000004", "2026-11-01T00:00:00Z", "available");
        assertThat(new OutdatedRule(0, true).judge(current, List.of(current, building, failed, twin), NOW)
                .outdated()).isFalse();
    }

    @Test
    void withBothRulesOffNothingIsOutdated() {
        MachineImage ancient = image("ami-00000001", "2020-01-01T00:00:00Z", "available");
        MachineImage newer = image("ami-00000002", "2026-12-01T00:00:00Z", "available");
        assertThat(new OutdatedRule(0, false).judge(ancient, List.of(ancient, newer), NOW).outdated()).isFalse();
    }

    @Test
    void bothReasonsAreGivenWhenBothHold() {
        // 2026-01-01 to 2026-12-06 is 339 days: more than 30
        MachineImage old = image("ami-00000001", "2026-01-01T00:00:00Z", "available");
        MachineImage newer = image("ami-00000002", "2026-12-01T00:00:00Z", "available");
        assertThat(new OutdatedRule(30, true).judge(old, List.of(old, newer), NOW))
                .isEqualTo(new OutdatedRule.Verdict(true, "ami-00000002"));
    }

    @Test
    void aNegativeMostDaysIsRefused() {
        assertThatThrownBy(() -> new OutdatedRule(-1, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
