package io.camfleet.console.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.camfleet.console.adapter.jira.FakeJira.Issue;
import io.camfleet.console.adapter.jira.FakeJira.Kind;
import io.camfleet.console.service.tracker.ExternalIssue;
import io.camfleet.console.service.tracker.ExternalStatus;
import io.camfleet.console.service.tracker.LocalTicket;
import io.camfleet.console.service.tracker.TrackerAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pushing tickets and reading them back against the loopback Jira. */
class JiraCloudTrackerTest {

    private final FakeJira jira = FakeJira.start();
    private final JiraRig rig = new JiraRig();
    private final JiraCloudTracker tracker = rig.open(jira.link());

    @AfterEach
    void stop() {
        tracker.close();
        jira.close();
    }

    @Test
    void aPushedTicketReadsBackItsKeyUrlAndStatusAndFollowsTheAgentsChanges() {
        ExternalIssue issue = tracker.push(JiraRig.ticket("T-42"));

        assertThat(issue.key()).isEqualTo("SUP-1");
        assertThat(issue.url()).isEqualTo(jira.baseUrl() + "/browse/SUP-1");
        assertThat(issue.status()).isEqualTo(new ExternalStatus("To Do", ExternalStatus.Category.TO_DO));
        Issue made = jira.issues().getFirst();
        assertThat(made.summary()).isEqualTo("Site LIS-04 is dark");
        assertThat(made.labels()).containsExactly("camfleet-ticket-T-42");
        assertThat(made.fields().path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(made.fields().path("priority").path("name").asText()).isEqualTo("High"); // P2 -> High

        jira.setStatus("SUP-1", "Waiting for customer", "indeterminate");
        assertThat(tracker.status("SUP-1"))
                .isEqualTo(new ExternalStatus("Waiting for customer", ExternalStatus.Category.IN_PROGRESS));
        jira.setStatus("SUP-1", "Resolved", "done");
        assertThat(tracker.status("SUP-1").category()).isEqualTo(ExternalStatus.Category.DONE);
    }

    @Test
    void pushingTheSameTicketAgainFindsItsIssueInsteadOfMakingASecond() {
        ExternalIssue first = tracker.push(JiraRig.ticket("T-42"));
        jira.setStatus(first.key(), "In Progress", "indeterminate");
        ExternalIssue again = tracker.push(JiraRig.ticket("T-42"));
        ExternalIssue other = tracker.push(JiraRig.ticket("T-43"));

        assertThat(again.key()).isEqualTo(first.key());
        assertThat(again.status().name()).isEqualTo("In Progress");
        assertThat(other.key()).isEqualTo("SUP-2");
        assertThat(jira.issues()).hasSize(2);
        assertThat(jira.requests(Kind.CREATE)).hasSize(2);
    }

    @Test
    void theDescriptionIsPlainTextInAnAdfDocumentAndMarkupInItIsNeverRead() {
        String typed = "Customer says *all* cameras are [down](http://evil.test) {code}rm -rf /{code}\n"
                + "<b>since</b> 03:12 | h1. Heading\n\n\n  \nSecond paragraph\u0007 with a bell";
        tracker.push(new LocalTicket("T-7", "Line one\nline two\t*markup*", LocalTicket.Severity.P1, typed,
                List.of("LIS-04"), List.of()));

        JsonNode fields = jira.issues().getFirst().fields();
        assertThat(fields.path("summary").asText()).isEqualTo("Line one line two *markup*");
        JsonNode doc = fields.path("description");
        assertThat(FakeJiraDocuments.isAdf(doc)).isTrue();
        List<List<String>> paragraphs = new ArrayList<>();
        for (JsonNode p : doc.path("content")) {
            List<String> inline = new ArrayList<>();
            p.path("content").forEach(n -> inline.add(n.path("type").asText().equals("text")
                    ? n.path("text").asText() : "<" + n.path("type").asText() + ">"));
            paragraphs.add(inline);
        }
        // Two blocks of typed text (the blank and the whitespace-only line between them make one gap), the first
        // with its two lines joined by a hard break; the bell is dropped; then the sites and the ticket's line.
        assertThat(paragraphs).containsExactly(
                List.of("Customer says *all* cameras are [down](http://evil.test) {code}rm -rf /{code}", "<hardBreak>",
                        "<b>since</b> 03:12 | h1. Heading"),
                List.of("Second paragraph with a bell"),
                List.of("Sites: LIS-04"),
                List.of("CamFleet Console ticket T-7 (P1)"));
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("Highest");
    }

    @Test
    void aTicketWithNoTitleOrDescriptionStillMakesAnIssueJiraAccepts() {
        ExternalIssue issue = tracker.push(new LocalTicket("T-9", " ", LocalTicket.Severity.P4, "", null, null));

        assertThat(issue.key()).isEqualTo("SUP-1");
        assertThat(jira.issues().getFirst().summary()).isEqualTo("CamFleet ticket T-9");
        assertThat(jira.issues().getFirst().fields().path("priority").path("name").asText()).isEqualTo("Low");
    }

    @Test
    void aVeryLongTitleIsCutToJirasLimit() {
        tracker.push(new LocalTicket("T-10", "x".repeat(400), LocalTicket.Severity.P3, "d", List.of(), List.of()));

        assertThat(jira.issues().getFirst().summary()).hasSize(255).endsWith("\u2026");
    }

    @Test
    void checkSaysWhoTheTokenActsAs() {
        assertThat(tracker.check())
                .isEqualTo(new TrackerAccount(FakeJira.ACCOUNT_ID, "Support Bot", FakeJira.EMAIL));
        assertThat(jira.requests(Kind.MYSELF)).hasSize(1);
        assertThat(jira.requests(Kind.MYSELF).getFirst().authorization()).startsWith("Basic ");
    }

    @Test
    void labelsKeepTicketIdsApartAndCarryNoSpaces() {
        assertThat(JiraCloudTracker.label("T-42")).isEqualTo("camfleet-ticket-T-42");
        assertThat(JiraCloudTracker.label("T 42")).isNotEqualTo(JiraCloudTracker.label("T_42"))
                .doesNotContainAnyWhitespaces();
        assertThat(JiraCloudTracker.label("T\"42")).doesNotContain("\"");
    }
}
