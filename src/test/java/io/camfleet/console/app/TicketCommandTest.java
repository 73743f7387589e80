package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.jira.FakeJira;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.tracker.TrackerSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet ticket} end to end on a real data folder on the demo fleet, and its push to the loopback Jira. */
class TicketCommandTest {

    @TempDir
    Path dir;
    private Cli cli;
    private String data;
    private Site site;
    private List<String> cameras;

    @BeforeEach
    void fleet() {
        cli = new Cli(dir.resolve("home"));
        data = dir.resolve("data").toString();
        FleetData demo = new DemoFleetSource(DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED)
                .load(Instant.now(), Progress.NONE);
        site = demo.sites().getFirst();
        cameras = demo.cameras().stream().filter(c -> c.siteId().equals(site.id())).map(CameraSystem::id)
                .limit(2).toList();
        assertThat(cameras).hasSize(2);
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", "--data-dir", data));
        assertThat(cli.run(all.toArray(String[]::new))).as(cli.err()).isZero();
        return new ObjectMapper().readTree(cli.out());
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", data));
        return cli.run(all.toArray(String[]::new));
    }

    private static List<Long> ids(JsonNode tickets) {
        List<Long> out = new ArrayList<>();
        tickets.forEach(t -> out.add(t.get("id").asLong()));
        return out;
    }

    @Test
    void ticketsAreCreatedPrefilledWorkedListedByTheQueuesFiltersAndShownWithTheirTimeline() throws Exception {
        assertThat(run("ticket", "create", "--site", site.id())).as(cli.err()).isZero();
        // A site: "NAME is offline" at P1 when it is dark, else "NAME: site problem" at P2.
        assertThat(cli.out()).matches("(?s)Ticket 1 created \\((P1\\): " + site.name() + " is offline|P2\\): "
                + site.name() + ": site problem)\\R");
        assertThat(run("ticket", "create", "--site", site.id(), "--camera", cameras.get(0), "--camera",
                cameras.get(1), "--description", "Frames drop every 10 minutes")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Ticket 2 created (P3): 2 cameras at " + site.name());
        assertThat(run("ticket", "create", "--site", site.id(), "--title", "Lobby camera is dark", "--severity",
                "p4")).as(cli.err()).isZero();

        assertThat(run("ticket", "comment", "2", "Checked the switch: port 4 flaps")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Comment added to ticket 2.");
        assertThat(run("ticket", "move", "2", "in-progress", "--note", "On it")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Ticket 2 moved from New to In progress.");
        assertThat(run("ticket", "escalate", "2", "--note", "Firmware bug suspected")).as(cli.err()).isZero();
        assertThat(run("ticket", "assign", "2", "--me")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Ticket 2 assigned to tester.");
        assertThat(run("ticket", "assign", "3", "omar")).as(cli.err()).isZero();
        try (CacheDatabase db = CacheDatabase.open(Path.of(data), Clock.systemUTC())) {
            db.tickets().append(2, TimelineEntry.output(Instant.now(), "tester", new TimelineEntry.CommandOutput(
                    "service-status", cameras.get(0), 3, Duration.ofMillis(1340), "camfleet-agent: inactive\n"
                            + "Main PID: 812 (code=exited)\n")));
            // Opened two days ago at P1: its 15-minute response and 4-hour resolution targets are long past.
            Instant old = Instant.now().minus(Duration.ofDays(2));
            db.tickets().create(Ticket.open("Old outage", Severity.P1, "Elsewhere Ltd", List.of("zz-00001"), List.of(),
                    "nina", old), TimelineEntry.status(old, "nina", null, TicketStatus.NEW, ""));
        }

        JsonNode all = json("ticket", "list");
        assertThat(ids(all)).containsExactly(4L, 1L, 2L, 3L);
        JsonNode two = all.get(2);
        assertThat(two.get("severity").asText()).isEqualTo("P3");
        assertThat(two.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(two.get("level").asText()).isEqualTo("L3");
        assertThat(two.get("cameras")).extracting(JsonNode::asText).containsExactlyElementsOf(cameras);
        assertThat(two.get("customer").asText()).isEqualTo(site.customer());
        assertThat(all.get(3).get("severity").asText()).isEqualTo("P4");
        assertThat(ids(json("ticket", "list", "--mine"))).containsExactly(2L);
        assertThat(ids(json("ticket", "list", "--unassigned"))).containsExactly(4L, 1L);
        assertThat(ids(json("ticket", "list", "--breaching"))).containsExactly(4L);
        assertThat(ids(json("ticket", "list", "--site", site.id()))).containsExactly(1L, 2L, 3L);
        assertThat(ids(json("ticket", "list", "--customer", "Elsewhere Ltd"))).containsExactly(4L);
        assertThat(ids(json("ticket", "list", "--status", "in-progress,triage"))).containsExactly(2L);
        assertThat(ids(json("ticket", "list", "--status", "NEW"))).containsExactly(4L, 1L, 3L);

        assertThat(run("ticket", "list", "--breaching")).isZero();
        assertThat(cli.out().lines().toList()).hasSize(2).first().asString()
                .startsWith("ID").contains("SEV", "STATUS", "DUE", "JIRA", "TITLE");
        assertThat(cli.out()).contains("[breached]", "Old outage");

        assertThat(run("ticket", "show", "2")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Ticket 2 \u00b7 P3 \u00b7 In progress \u00b7 L3: 2 cameras at " + site.name(),
                "Sites: " + site.id(), "Assignee: tester", "Response due ", "Resolution due ", "Timeline:",
                "Opened: New", "      | Frames drop every 10 minutes", "Comment",
                "      | Checked the switch: port 4 flaps", "Moved from New to In progress", "      | On it",
                "Escalated from L2 to L3", "Assigned to tester",
                "Ran service-status on " + cameras.get(0) + ": exit 3 in 1.3 s",
                "      | camfleet-agent: inactive", "      | Main PID: 812 (code=exited)");
        JsonNode shown = json("ticket", "show", "2");
        assertThat(shown.get("timeline")).extracting(e -> e.get("kind").asText()).containsExactly("STATUS",
                "COMMENT", "STATUS", "ESCALATION", "ASSIGNMENT", "COMMAND_OUTPUT");
        assertThat(shown.get("timeline").get(5).get("exitCode").asInt()).isEqualTo(3);
        assertThat(shown.get("sla").get("responseBreached").asBoolean()).isFalse();
    }

    @Test
    void badInputIsOneSentenceAUsageExitAndChangesNothing() throws Exception {
        assertThat(run("ticket", "create", "--site", site.id())).as(cli.err()).isZero();

        assertThat(run("ticket", "show", "abc")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).isEqualToIgnoringNewLines(
                "camfleet: 'abc' is not a ticket number: give the number 'camfleet ticket list' shows.");
        assertThat(run("ticket", "show", "99")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("There is no ticket 99");
        assertThat(run("ticket", "create", "--site", "nowhere-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("There is no site 'nowhere-1' in the fleet");
        assertThat(run("ticket", "create", "--site", site.id(), "--camera", "cam-elsewhere"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("There is no camera 'cam-elsewhere' at site " + site.id());
        assertThat(run("ticket", "create", "--site", site.id(), "--severity", "P7")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'P7' is not a severity");
        assertThat(run("ticket", "create", "--site", site.id(), "--title", " ")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("The ticket needs a title");
        assertThat(run("ticket", "move", "1", "resolved")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Ticket 1 cannot move from New to Resolved");
        assertThat(run("ticket", "move", "1", "sideways")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'sideways' is not a ticket status: use one of new, triage, in-progress");
        assertThat(run("ticket", "list", "--mine", "--unassigned")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--mine and --unassigned exclude each other");
        assertThat(run("ticket", "comment", "1", "  ")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("The comment is empty");
        assertThat(run("ticket", "escalate", "1")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("The escalation needs a note");
        assertThat(run("ticket", "assign", "1")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Say who takes the ticket");
        assertThat(run("ticket", "push", "1")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("No Jira link is set up");
        assertThat(cli.err().lines().count()).isEqualTo(1);

        JsonNode tickets = json("ticket", "list", "--all");
        assertThat(ids(tickets)).containsExactly(1L);
        assertThat(tickets.get(0).get("status").asText()).isEqualTo("NEW");
        assertThat(json("ticket", "show", "1").get("timeline")).hasSize(1);
    }

    @Test
    void pushSendsTheTicketToJiraOnceKeepsItsKeyAndStatusAndARefusedTokenNamesTheVariable() throws Exception {
        try (FakeJira jira = FakeJira.start()) {
            assertThat(run("ticket", "create", "--site", site.id(), "--title", "Lobby camera is dark")).isZero();
            new Cli(dir.resolve("home")).runtime().settings(Path.of(data)).write(TrackerSettings.SECTION,
                    jira.settings());

            Cli refused = new Cli(dir.resolve("home"), Map.of(TrackerSettings.TOKEN_VARIABLE, "ATATT-revoked"));
            assertThat(refused.run("ticket", "push", "1", "--data-dir", data)).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(refused.err()).contains("refused the API token", "CAMFLEET_JIRA_TOKEN")
                    .doesNotContain("ATATT-revoked");
            assertThat(json("ticket", "show", "1").get("jiraKey").asText()).isEmpty();

            cli = new Cli(dir.resolve("home"), Map.of(TrackerSettings.TOKEN_VARIABLE, FakeJira.TOKEN));
            assertThat(run("ticket", "push", "1")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("Ticket 1 is SUP-1 in Jira (To Do): " + jira.baseUrl() + "/browse/SUP-1");
            jira.setStatus("SUP-1", "In Progress", "indeterminate");
            assertThat(run("ticket", "push", "1")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("Ticket 1 is SUP-1 in Jira (In Progress)");

            assertThat(jira.issues()).hasSize(1);
            assertThat(run("ticket", "show", "1")).isZero();
            assertThat(cli.out()).contains("Jira: SUP-1 (In Progress) " + jira.baseUrl() + "/browse/SUP-1",
                    "Pushed to Jira as SUP-1 (To Do)", "Jira SUP-1 moved from To Do to In Progress");
            assertThat(run("ticket", "list")).isZero();
            assertThat(cli.out()).contains("SUP-1");
        }
    }
}
