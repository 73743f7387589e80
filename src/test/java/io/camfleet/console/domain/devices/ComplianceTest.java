package io.camfleet.console.domain.devices;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static io.camfleet.console.domain.devices.ComplianceRule.NOT_SYNCED;
import static io.camfleet.console.domain.devices.ComplianceRule.NO_REVIEWER;
import static io.camfleet.console.domain.devices.ComplianceRule.OS_BEHIND;
import static io.camfleet.console.domain.devices.ComplianceRule.UNKNOWN_REVIEWER;
import static io.camfleet.console.domain.devices.ComplianceRule.UPDATES_ENDED;
import static io.camfleet.console.domain.devices.ComplianceRule.UPDATES_ENDING;
import static org.assertj.core.api.Assertions.assertThat;

/** Each compliance rule at its edges, with the default thresholds: 2 milestones, 90 days, 14 days. */
class ComplianceTest {

    /** Sunday 6 December 2026, 10:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static ReviewDevice chromebook(String id, String os, LocalDate autoUpdateEnd, Instant lastSync) {
        return new ReviewDevice(id, DeviceType.CHROMEOS, "SN-" + id, "Chromebook", "ACTIVE", "ana@example.com", "",
                "", "/Review", os, lastSync, autoUpdateEnd, NOW.minus(Duration.ofDays(100)), List.of(), "");
    }

    private static ReviewDevice chromebook(String id, String os) {
        return chromebook(id, os, LocalDate.of(2031, 1, 1), NOW.minusSeconds(60));
    }

    private static ReviewDevice withStatusAndReviewer(DeviceType type, String status, String reviewer) {
        return new ReviewDevice("d", type, "SN", "", status, reviewer, "", "", "", "", NOW.minusSeconds(60), null,
                null, List.of(), "");
    }

    private static Set<ComplianceRule> judge(ReviewDevice d, List<ReviewDevice> fleet, Set<String> reviewers,
                                             Instant now) {
        return Compliance.of(ComplianceRules.DEFAULT, fleet, reviewers, now).judge(d).broken();
    }

    private static Set<ComplianceRule> judge(ReviewDevice d) {
        return judge(d, List.of(d), null, NOW);
    }

    @Test
    void theMilestoneIsTheNumberBeforeTheFirstDot() {
        assertThat(Compliance.milestone("126.0.6478.132")).isEqualTo(OptionalInt.of(126));
        assertThat(Compliance.milestone("14")).isEqualTo(OptionalInt.of(14));
        assertThat(Compliance.milestone(" 13.1 ")).isEqualTo(OptionalInt.of(13));
        assertThat(Compliance.milestone("")).isEmpty();
        assertThat(Compliance.milestone("R126-15886.44.0")).isEmpty();
        assertThat(Compliance.milestone("126beta")).isEmpty();
        assertThat(Compliance.milestone("1234567.0")).as("not a milestone, and no overflow").isEmpty();
        assertThat(Compliance.milestone(null)).isEmpty();
    }

    @Test
    void exactlyTwoMilestonesBehindIsFineAndThreeBreaks() {
        // Newest 126: 124 is 126 - 124 = 2 behind (allowed), 123 is 3 behind (more than 2).
        ReviewDevice newest = chromebook("a", "126.0.6478.132");
        ReviewDevice two = chromebook("b", "124.0.6367.225");
        ReviewDevice three = chromebook("c", "123.0.6312.132");
        List<ReviewDevice> fleet = List.of(newest, two, three);
        assertThat(judge(newest, fleet, null, NOW)).isEmpty();
        assertThat(judge(two, fleet, null, NOW)).doesNotContain(OS_BEHIND);
        assertThat(judge(three, fleet, null, NOW)).containsExactly(OS_BEHIND);
    }

    @Test
    void anUnreadableVersionIsNotJudgedAndIsNotTheNewest() {
        ReviewDevice odd = chromebook("odd", "999beta");
        ReviewDevice old = chromebook("old", "100.0.1.1");
        ReviewDevice current = chromebook("cur", "102.0.1.1");
        List<ReviewDevice> fleet = List.of(odd, old, current);
        // Newest readable is 102; 100 is 2 behind: fine. Had "999beta" counted, 100 would be far behind.
        assertThat(judge(odd, fleet, null, NOW)).doesNotContain(OS_BEHIND);
        assertThat(judge(old, fleet, null, NOW)).doesNotContain(OS_BEHIND);
        assertThat(Compliance.newestMilestones(fleet)).isEqualTo(Map.of(DeviceType.CHROMEOS, 102));
    }

    @Test
    void chromeOsAndAndroidMilestonesAreComparedWithinTheirOwnType() {
        ReviewDevice chrome = chromebook("c", "126.0.1.1");
        ReviewDevice android14 = new ReviewDevice("t1", DeviceType.ANDROID, "T1", "", "APPROVED", "ana@example.com",
                "", "", "", "14", NOW.minusSeconds(60), null, null, List.of(), "");
        ReviewDevice android11 = new ReviewDevice("t2", DeviceType.ANDROID, "T2", "", "APPROVED", "ana@example.com",
                "", "", "", "11", NOW.minusSeconds(60), null, null, List.of(), "");
        List<ReviewDevice> fleet = List.of(chrome, android14, android11);
        // Android 14 is measured against Android's newest (14), not ChromeOS's 126; Android 11 is 3 behind 14.
        assertThat(judge(android14, fleet, null, NOW)).isEmpty();
        assertThat(judge(android11, fleet, null, NOW)).containsExactly(OS_BEHIND);
    }

    @Test
    void updatesEndTheDayAfterTheAutoUpdateThroughDate() {
        // autoUpdateThrough 2026-12-06: the device still gets updates all of 6 December (UTC), none from the 7th.
        ReviewDevice d = chromebook("a", "126.0.1.1", TODAY, Instant.parse("2026-12-06T23:00:00Z"));
        Instant lastMomentOfUpdates = Instant.parse("2026-12-06T23:59:59.999Z");
        Instant firstMomentWithout = Instant.parse("2026-12-07T00:00:00Z");
        assertThat(judge(d, List.of(d), null, lastMomentOfUpdates)).containsExactly(UPDATES_ENDING);
        assertThat(judge(d, List.of(d), null, firstMomentWithout)).containsExactly(UPDATES_ENDED);
    }

    @Test
    void updatesEndingCountsNinetyDaysInclusive() {
        // From 2026-12-06: +25 days to 12-31, +31 to 01-31, +28 to 02-28, +6 to 03-06 = 90 days.
        assertThat(TODAY.plusDays(90)).isEqualTo(LocalDate.of(2027, 3, 6));
        ReviewDevice ninety = chromebook("a", "126.0.1.1", LocalDate.of(2027, 3, 6), NOW.minusSeconds(60));
        ReviewDevice ninetyOne = chromebook("b", "126.0.1.1", LocalDate.of(2027, 3, 7), NOW.minusSeconds(60));
        assertThat(judge(ninety)).containsExactly(UPDATES_ENDING);
        assertThat(judge(ninetyOne)).isEmpty();
    }

    @Test
    void aDeviceWithoutAnUpdateEndIsNotJudgedOnIt() {
        ReviewDevice d = chromebook("a", "126.0.1.1", null, NOW.minusSeconds(60));
        assertThat(judge(d)).isEmpty();
    }

    @Test
    void fourteenDaysWithoutSyncBreaksToTheInstant() {
        ReviewDevice exactly = chromebook("a", "126.0.1.1", LocalDate.of(2031, 1, 1), NOW.minus(Duration.ofDays(14)));
        ReviewDevice justLess = chromebook("b", "126.0.1.1", LocalDate.of(2031, 1, 1),
                NOW.minus(Duration.ofDays(14)).plusMillis(1));
        assertThat(judge(exactly)).containsExactly(NOT_SYNCED);
        assertThat(judge(justLess)).isEmpty();
    }

    @Test
    void aDeviceNeverSyncedIsJudgedFromItsEnrollmentOrBreaksWithoutOne() {
        ReviewDevice enrolledYesterday = new ReviewDevice("a", DeviceType.CHROMEOS, "A", "", "ACTIVE",
                "ana@example.com", "", "", "", "126.0.1.1", null, null, NOW.minus(Duration.ofDays(1)), List.of(), "");
        ReviewDevice enrolledLongAgo = new ReviewDevice("b", DeviceType.CHROMEOS, "B", "", "ACTIVE",
                "ana@example.com", "", "", "", "126.0.1.1", null, null, NOW.minus(Duration.ofDays(14)), List.of(),
                "");
        ReviewDevice nothingKnown = new ReviewDevice("c", DeviceType.CHROMEOS, "C", "", "ACTIVE", "ana@example.com",
                "", "", "", "126.0.1.1", null, null, null, List.of(), "");
        assertThat(judge(enrolledYesterday)).isEmpty();
        assertThat(judge(enrolledLongAgo)).containsExactly(NOT_SYNCED);
        assertThat(judge(nothingKnown)).containsExactly(NOT_SYNCED);
    }

    @Test
    void noReviewerOnlyForADeviceInUse() {
        assertThat(judge(withStatusAndReviewer(DeviceType.CHROMEOS, "ACTIVE", ""))).containsExactly(NO_REVIEWER);
        assertThat(judge(withStatusAndReviewer(DeviceType.CHROMEOS, "ACTIVE", "  "))).containsExactly(NO_REVIEWER);
        assertThat(judge(withStatusAndReviewer(DeviceType.CHROMEOS, "DISABLED", ""))).isEmpty();
        assertThat(judge(withStatusAndReviewer(DeviceType.ANDROID, "APPROVED", ""))).containsExactly(NO_REVIEWER);
        assertThat(judge(withStatusAndReviewer(DeviceType.ANDROID, "BLOCKED", ""))).isEmpty();
    }

    @Test
    void anUnknownReviewerIsJudgedOnlyAgainstAConfiguredListIgnoringCase() {
        ReviewDevice ana = withStatusAndReviewer(DeviceType.CHROMEOS, "ACTIVE", " Ana@Example.COM");
        ReviewDevice bob = withStatusAndReviewer(DeviceType.CHROMEOS, "ACTIVE", "bob@example.com");
        ReviewDevice nobody = withStatusAndReviewer(DeviceType.CHROMEOS, "ACTIVE", "");
        Set<String> list = Set.of("ana@example.com");
        assertThat(judge(ana, List.of(ana), list, NOW)).isEmpty();
        assertThat(judge(bob, List.of(bob), list, NOW)).containsExactly(UNKNOWN_REVIEWER);
        assertThat(judge(bob, List.of(bob), null, NOW)).as("no list configured").isEmpty();
        assertThat(judge(bob, List.of(bob), Set.of(), NOW)).as("an empty list").containsExactly(UNKNOWN_REVIEWER);
        assertThat(judge(nobody, List.of(nobody), list, NOW)).containsExactly(NO_REVIEWER);
    }

    @Test
    void theCountsNameEveryRuleAndCountEachDeviceOncePerRule() {
        ReviewDevice fine = chromebook("a", "126.0.1.1");
        ReviewDevice behindAndUnsynced = chromebook("b", "100.0.1.1", LocalDate.of(2031, 1, 1),
                NOW.minus(Duration.ofDays(30)));
        ReviewDevice ended = chromebook("c", "126.0.1.1", LocalDate.of(2026, 1, 1), NOW.minusSeconds(60));
        List<ReviewDevice> fleet = List.of(fine, behindAndUnsynced, ended);
        Map<ComplianceRule, Integer> counts = Compliance.count(
                Compliance.of(ComplianceRules.DEFAULT, fleet, null, NOW).judge(fleet));
        assertThat(counts).containsOnlyKeys(ComplianceRule.values());
        assertThat(counts).containsEntry(OS_BEHIND, 1).containsEntry(NOT_SYNCED, 1).containsEntry(UPDATES_ENDED, 1)
                .containsEntry(UPDATES_ENDING, 0).containsEntry(NO_REVIEWER, 0).containsEntry(UNKNOWN_REVIEWER, 0);
    }

    @Test
    void otherThresholdsMoveTheEdges() {
        ComplianceRules strict = new ComplianceRules(0, 30, 1);
        ReviewDevice newest = chromebook("a", "126.0.1.1");
        ReviewDevice oneBehind = chromebook("b", "125.0.1.1", LocalDate.of(2027, 1, 5),
                NOW.minus(Duration.ofDays(1)));
        // 0 milestones allowed: 125 breaks; 2027-01-05 is 30 days after 2026-12-06 (25 + 5): ending; synced 1 day ago.
        assertThat(Compliance.of(strict, List.of(newest, oneBehind), null, NOW).judge(oneBehind).broken())
                .containsExactlyInAnyOrder(OS_BEHIND, UPDATES_ENDING, NOT_SYNCED);
    }
}
