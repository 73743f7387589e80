package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet timeline} as a script sees it, on a new data folder of the demo fleet. */
class TimelineCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDemoSiteThatWentDownShowsItsTimelineFromBeforeItsLatestOutage() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        String data = dir.resolve("data").toString();
        // The demo's sites with an incident this month, within the timeline's 30 days. Availability also counts a
        // camera in maintenance outside its window as down; the timeline's outage is the site OFFLINE by the rule,
        // as the map shows it: the first of those sites with such an outage (the demo's ISP outages) is taken.
        assertThat(cli.run("availability", "--json", "--data-dir", data)).as(cli.err()).isEqualTo(ExitCodes.OK);
        ObjectMapper mapper = new ObjectMapper();
        List<String> down = new ArrayList<>();
        for (JsonNode f : mapper.readTree(cli.out()).get("figures")) {
            if (f.get("incidents").asInt() > 0 && f.get("cameraSecondsLost").asLong() > 0) {
                down.add(f.get("subject").asText());
            }
        }
        String site = null;
        JsonNode t = null;
        for (String candidate : down.subList(0, Math.min(10, down.size()))) {
            assertThat(cli.run("timeline", candidate, "--json", "--data-dir", data)).as(cli.err())
                    .isEqualTo(ExitCodes.OK);
            JsonNode read = mapper.readTree(cli.out());
            if (!read.get("outage").isNull()) {
                site = candidate;
                t = read;
                break;
            }
        }
        assertThat(site).as("a site among %s with an outage", down).isNotNull();
        assertThat(t.get("site").asText()).isEqualTo(site);
        assertThat(t.get("start").asText()).isIn("LAST_CHANGE_BEFORE_OUTAGE", "OUTAGE_WITHOUT_CHANGE");
        Instant outage = Instant.parse(t.get("outage").get("from").asText());
        Instant from = Instant.parse(t.get("from").asText());
        assertThat(from).isBefore(outage);
        JsonNode events = t.get("events");
        assertThat(events).isNotEmpty();
        // oldest first; the site's going down is among them, at the outage's start
        Instant previous = Instant.MIN;
        boolean wentDown = false;
        for (JsonNode e : events) {
            Instant at = Instant.parse(e.get("at").asText());
            assertThat(at).isAfterOrEqualTo(previous).isAfterOrEqualTo(from);
            previous = at;
            wentDown |= e.get("kind").asText().equals("HEALTH") && e.get("camera").asText().isEmpty()
                    && at.equals(outage) && e.get("summary").asText().startsWith("The site went down");
        }
        assertThat(wentDown).as(events.toString()).isTrue();
        JsonNode focused = events.get(t.get("focus").asInt());
        assertThat(Instant.parse(focused.get("at").asText())).isBetween(outage.minus(Duration.ofDays(30)), outage);

        assertThat(cli.run("timeline", site, "--data-dir", data)).as(cli.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("Site timeline of " + site + ", from ");
        assertThat(lines.get(1)).satisfiesAnyOf(l -> assertThat(l).startsWith("Opens on the last change before the "
                + "latest outage"), l -> assertThat(l).startsWith("No change was found in the 30 days"));
        assertThat(lines.get(2)).isEqualTo("The row marked > is where the window opens.");
        assertThat(lines.get(4)).contains("Time", "Kind", "Camera", "What happened");
        assertThat(lines.stream().filter(l -> l.startsWith(">"))).hasSize(1);
        assertThat(lines).anyMatch(l -> l.contains("Health") && l.contains("The site went down"));
    }

    @Test
    void aSiteTheFleetDoesNotHaveIsOneSentenceAndTheUsageExitCode() {
        Cli cli = new Cli(dir.resolve("home"));
        String data = dir.resolve("data").toString();
        assertThat(cli.run("timeline", "no-such-site", "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().strip()).isEqualTo("camfleet: There is no site 'no-such-site' in the fleet: check its "
                + "id on the map or with 'camfleet fleet'.");
        assertThat(cli.out()).isEmpty();
    }

    /** A registry imported again with one camera on another image: the change is an Image row of its site, once. */
    @Test
    void aCameraOnAnotherImageAfterAnImportIsAnImageRowOfItsSite() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        String data = dir.resolve("data").toString();
        String header = "site_id,site_name,customer,country,latitude,longitude,camera_id,image\n";
        Path before = java.nio.file.Files.writeString(dir.resolve("before.csv"), header
                + "NL-001,Amsterdam DC,Acme,NL,52.37,4.89,NL-001-C01,camos-24.04.3\n"
                + "NL-001,Amsterdam DC,Acme,NL,52.37,4.89,NL-001-C02,camos-24.04.3\n");
        Path after = java.nio.file.Files.writeString(dir.resolve("after.csv"), header
                + "NL-001,Amsterdam DC,Acme,NL,52.37,4.89,NL-001-C01,camos-24.04.4\n"
                + "NL-001,Amsterdam DC,Acme,NL,52.37,4.89,NL-001-C02,camos-24.04.3\n");
        assertThat(cli.run("import", before.toString(), "--data-dir", data)).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.run("import", after.toString(), "--data-dir", data)).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.run("import", after.toString(), "--data-dir", data)).as(cli.err()).isEqualTo(ExitCodes.OK);

        assertThat(cli.run("timeline", "NL-001", "--json", "--data-dir", data)).as(cli.err())
                .isEqualTo(ExitCodes.OK);

        List<String> images = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(cli.out()).get("events")) {
            if (e.get("kind").asText().equals("IMAGE")) {
                images.add(e.get("camera").asText() + ": " + e.get("summary").asText());
            }
        }
        assertThat(images).containsExactly("NL-001-C01: Image changed from camos-24.04.3 to camos-24.04.4");
    }
}
