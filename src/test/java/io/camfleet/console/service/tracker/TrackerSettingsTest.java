package io.camfleet.console.service.tracker;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.tracker.LocalTicket.Severity;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackerSettingsTest {

    private static final String TOKEN = "ATATT3x-a-real-looking-token";
    private static final TrackerSettings SET_UP = new TrackerSettings("https://camfleet.atlassian.net", "SUP",
            "Task", "", TrackerSettings.DEFAULT_PRIORITIES);
    private static final Messages TEXT = new Messages(Locale.ROOT);

    @Test
    void withNothingSetThereIsNoLinkAndNoError() {
        TrackerLink link = TrackerSettings.DEFAULTS.link(Map.of(TrackerSettings.TOKEN_VARIABLE, TOKEN));

        assertThat(link).isEqualTo(new TrackerLink.NotConfigured("jira.link.off"));
        assertThat(TEXT.text("jira.link.off")).contains("stay in the console's own desk");
    }

    @Test
    void aSiteWithoutItsTokenOrEmailIsNotConfiguredAndSaysWhichVariableToSet() {
        assertThat(SET_UP.link(Map.of(TrackerSettings.TOKEN_VARIABLE, TOKEN)))
                .isEqualTo(new TrackerLink.NotConfigured("jira.link.noEmail", TrackerSettings.EMAIL_VARIABLE));
        TrackerLink noToken = SET_UP.link(Map.of(TrackerSettings.EMAIL_VARIABLE, "bot@camfleet.test",
                TrackerSettings.TOKEN_VARIABLE, "  "));
        assertThat(noToken).isEqualTo(new TrackerLink.NotConfigured("jira.link.noToken",
                TrackerSettings.TOKEN_VARIABLE));
        TrackerLink.NotConfigured n = (TrackerLink.NotConfigured) noToken;
        assertThat(TEXT.text(n.reasonKey(), n.args().toArray())).contains("CAMFLEET_JIRA_TOKEN");
        assertThat(new TrackerSettings("https://camfleet.atlassian.net", "", "Task", "x@y", Map.of())
                .link(Map.of(TrackerSettings.TOKEN_VARIABLE, TOKEN)))
                .isEqualTo(new TrackerLink.NotConfigured("jira.link.incomplete"));
    }

    @Test
    void theEmailInTheSettingsWinsOverTheEnvironmentAndTheTokenNeverPrints() {
        TrackerSettings withEmail = new TrackerSettings(SET_UP.baseUrl(), "SUP", "Task", "lead@camfleet.test",
                Map.of());
        TrackerLink link = withEmail.link(Map.of(TrackerSettings.TOKEN_VARIABLE, TOKEN,
                TrackerSettings.EMAIL_VARIABLE, "bot@camfleet.test"));

        assertThat(link).isInstanceOfSatisfying(TrackerLink.Configured.class,
                c -> assertThat(c.email()).isEqualTo("lead@camfleet.test"));
        assertThat(link.toString()).doesNotContain(TOKEN).contains("hidden");
        assertThat(SET_UP.link(Map.of(TrackerSettings.TOKEN_VARIABLE, TOKEN, TrackerSettings.EMAIL_VARIABLE,
                "bot@camfleet.test"))).isInstanceOfSatisfying(TrackerLink.Configured.class,
                c -> assertThat(c.email()).isEqualTo("bot@camfleet.test"));
    }

    @Test
    void missingPrioritiesAreEmptyNotAbsentSoNoneIsSent() {
        TrackerSettings s = new TrackerSettings("https://x.atlassian.net", "SUP", "Task", "", Map.of(Severity.P1,
                " Blocker "));

        assertThat(s.priorities()).containsEntry(Severity.P1, "Blocker").containsEntry(Severity.P4, "");
    }

    @Test
    void theFileIsReadWithItsValuesCheckedAndDefaultsForWhatItLacks() {
        TrackerSettings read = TrackerSettings.SECTION.read(new TrackerSettings.Stored(
                "https://camfleet.atlassian.net/", "SUP", null, null, Map.of("P2", "Urgent")));

        assertThat(read.issueType()).isEqualTo("Task");
        assertThat(read.priorities()).containsEntry(Severity.P2, "Urgent").containsEntry(Severity.P1, "Highest");
        assertThat(TrackerSettings.SECTION.read(TrackerSettings.SECTION.write(read))).isEqualTo(read);
    }

    @Test
    void aBadAddressProjectKeyOrSeverityInTheFileIsNamed() {
        assertThatThrownBy(() -> TrackerSettings.SECTION.read(new TrackerSettings.Stored("ftp://jira", "SUP", null,
                null, null))).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("jira.settings.badUrl"));
        assertThatThrownBy(() -> TrackerSettings.SECTION.read(new TrackerSettings.Stored("https://x.atlassian.net",
                "sup desk", null, null, null))).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("jira.settings.badProjectKey"));
        assertThatThrownBy(() -> TrackerSettings.SECTION.read(new TrackerSettings.Stored("https://x.atlassian.net",
                "SUP", null, null, Map.of("P5", "Low")))).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("jira.settings.badSeverity"));
    }
}
