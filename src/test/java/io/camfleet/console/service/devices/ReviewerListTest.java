package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.camfleet.console.service.devices.TestDevices.chromebook;
import static org.assertj.core.api.Assertions.assertThat;

class ReviewerListTest {

    @TempDir
    Path dir;

    private static DeviceSettings reviewers(String file, String group) {
        DeviceSettings d = DeviceSettings.DEFAULTS;
        return new DeviceSettings(d.customerId(), d.adminSubject(), d.keyFile(), d.scopes(), d.apiBaseUrl(),
                d.tokenUrl(), d.orgUnit(), file, group, d.rules());
    }

    @Test
    void aFileGivesOneEmailALineWithCommentsAndNamesItsBadLines() throws IOException {
        Path f = dir.resolve("reviewers.txt");
        Files.writeString(f, "# image reviewers, Lisbon\nana@example.com\n  Bob@Example.COM   # lead\n\n"
                + "carl at example.com\ndora@example\n");
        ReviewerList list = new ReviewerList();

        List<Problem> warnings = list.refresh(reviewers(f.toString(), ""), new FakeDirectory(List.of()), true);

        assertThat(list.current()).containsExactlyInAnyOrder("ana@example.com", "bob@example.com");
        assertThat(warnings).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("devices.reviewersBadLines");
            assertThat(p.args()).containsExactly(f.toString(), 2, "5, 6", "carl at example.com");
            assertThat(p.getMessage()).contains("has 2 lines that are not email addresses (line 5, 6");
        });
    }

    @Test
    void aGroupAndAFileTogetherMakeOneList() throws IOException {
        Path f = dir.resolve("reviewers.txt");
        Files.writeString(f, "ana@example.com\n");
        FakeDirectory directory = new FakeDirectory(List.of());
        directory.group = Set.of("Eve@Example.com");
        ReviewerList list = new ReviewerList();

        assertThat(list.refresh(reviewers(f.toString(), "reviewers@example.com"), directory, true)).isEmpty();
        assertThat(list.current()).containsExactlyInAnyOrder("ana@example.com", "eve@example.com");
    }

    @Test
    void aSourceThatCannotBeReadKeepsTheListLastRead() throws IOException {
        Path f = dir.resolve("reviewers.txt");
        Files.writeString(f, "ana@example.com\n");
        FakeDirectory directory = new FakeDirectory(List.of());
        ReviewerList list = new ReviewerList();
        list.refresh(reviewers(f.toString(), ""), directory, true);

        Files.delete(f);
        List<Problem> warnings = list.refresh(reviewers(f.toString(), ""), directory, true);
        assertThat(warnings).singleElement().satisfies(p -> assertThat(p.key())
                .isEqualTo("devices.reviewersUnreadable"));
        assertThat(list.current()).containsExactly("ana@example.com");

        directory.groupFailure = new Problem("devices.google.denied.groups", "members.list", "admin@example.com",
                DeviceSettings.GROUP_MEMBERS_SCOPE, "Not Authorized");
        ReviewerList fromGroup = new ReviewerList();
        assertThat(fromGroup.refresh(reviewers("", "reviewers@example.com"), directory, true))
                .singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("devices.reviewersGroupFailed"));
        assertThat(fromGroup.current()).as("never read: the rule is not judged rather than flag everyone").isNull();
    }

    @Test
    void withNoListConfiguredUnknownReviewersAreNotJudged() {
        ReviewerList list = new ReviewerList();
        assertThat(list.refresh(DeviceSettings.DEFAULTS, new FakeDirectory(List.of()), true)).isEmpty();
        assertThat(list.current()).isNull();
    }

    @Test
    void theSyncReadsTheListAndTheServiceJudgesAndCountsAgainstIt() throws IOException {
        Path f = dir.resolve("reviewers.txt");
        Files.writeString(f, "ana@example.com\nbad line\n");
        DevicesRig rig = new DevicesRig(List.of(chromebook("cb-1", "SN1", "ACTIVE", "ANA@example.com"),
                chromebook("cb-2", "SN2", "ACTIVE", "mallory@example.com"), chromebook("cb-3", "SN3", "ACTIVE", "")));
        rig.settings.set(reviewers(f.toString(), ""));

        SyncReport report = rig.service.sync(Progress.NONE);

        assertThat(report.warnings()).extracting(Problem::key).containsExactly("devices.reviewersBadLines");
        assertThat(rig.service.judged()).extracting(j -> j.device().id(), JudgedDevice::broken).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cb-1", Set.of()),
                org.assertj.core.groups.Tuple.tuple("cb-2", Set.of(ComplianceRule.UNKNOWN_REVIEWER)),
                org.assertj.core.groups.Tuple.tuple("cb-3", Set.of(ComplianceRule.NO_REVIEWER)));
        assertThat(rig.service.counts()).containsEntry(ComplianceRule.UNKNOWN_REVIEWER, 1)
                .containsEntry(ComplianceRule.NO_REVIEWER, 1).containsEntry(ComplianceRule.OS_BEHIND, 0);
    }

    @Test
    void theCacheIsJudgedOfflineAgainstTheFileBeforeAnySync() throws IOException {
        Path f = dir.resolve("reviewers.txt");
        Files.writeString(f, "ana@example.com\n");
        DevicesRig online = new DevicesRig(List.of(chromebook("cb-2", "SN2", "ACTIVE", "mallory@example.com")));
        online.service.sync(Progress.NONE);
        // A console started later on the same cache, with no network: nothing synced in this run.
        DevicesRig offline = new DevicesRig(online.directory, online.store, "alice");
        offline.settings.set(reviewers(f.toString(), ""));

        assertThat(offline.service.counts()).containsEntry(ComplianceRule.UNKNOWN_REVIEWER, 1);
        assertThat(offline.directory.listCalls).hasSize(2);
    }
}
