package io.camfleet.console.app;

import io.camfleet.console.adapter.ssh.SshjHostConnector;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.DiagnosticsBundle;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.service.support.TicketService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On the demo fleet, from a data folder: a ticket for an OFFLINE site gets a bundle from its camera, end to end. */
class DemoBundleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path dir;

    private ConsoleRuntime runtime() {
        return new ConsoleRuntime(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), dir.toString(),
                new Operator("nina", ""), new Messages(Locale.ENGLISH));
    }

    @Test
    void aBundleFromACameraOfAnOfflineSiteIsAttachedToItsTicketThroughTheDemoHosts() throws Exception {
        ConsoleRuntime runtime = runtime();
        try (ConsoleBackend.Session session = runtime.open(dir.resolve("data"))) {
            FleetSnapshot fleet = session.fleet().start(Progress.NONE);
            SiteSummary site = fleet.sites().stream().filter(s -> s.health().state() == HealthState.OFFLINE)
                    .findFirst().orElseThrow(() -> new AssertionError("the demo fleet has no OFFLINE site now"));
            // the site is down because its cameras are: one of those (a camera still heartbeating reaches the cloud)
            CameraStatus camera = fleet.cameras(site.id()).stream().filter(c -> c.health() == HealthState.OFFLINE)
                    .findFirst().orElseThrow();
            TicketService tickets = session.part(TicketService.class);
            Ticket ticket = tickets.create(new TicketDrafts(new Messages(Locale.ENGLISH))
                    .fromSite(site.id(), site.site().name(), site.site().customer(), true));
            Target target = new Target(camera.camera().id(), site.id(), camera.camera().sshAddress(),
                    camera.camera().jumpHost(), camera.camera().ssmNodeId());

            TimelineEntry.Attachment a = session.part(DiagnosticsBundle.class).collect(ticket.id(), target,
                    runtime.connector(ExecutorKind.DEMO, session.folder(), fleet, "camfleet"), Progress.NONE);

            Path zip = session.folder().resolve(a.storedPath());
            assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip))));
            Map<String, String> entries = unzip(zip);
            assertThat(entries).containsKeys("etc/camos/agent.conf", "etc/camos/stream.conf",
                    "var/log/camos/agent.log", "var/log/camos/agent.log.1", "MANIFEST.txt");
            assertThat(entries.get("var/log/camos/agent.log")).contains("FATAL agent: cloud endpoint")
                    .containsAnyOf("Temporary failure in name resolution", "no carrier");
            assertThat(entries.get("etc/camos/agent.conf")).contains("api_token = [redacted]")
                    .doesNotContain("cfk_");
            assertThat(entries.get("etc/camos/stream.conf")).contains("rtsp_password = [redacted]");
            assertThat(tickets.show(ticket.id()).timeline()).extracting(TimelineEntry::file).contains(a);
        }
    }

    @Test
    void bundlesNeedSshOrTheDemoAndSshUsesTheUsersOwnKeys() {
        ConsoleRuntime runtime = runtime();
        FleetSnapshot none = FleetSnapshot.empty("none");
        assertThatThrownBy(() -> runtime.connector(ExecutorKind.SSM, dir, none, "camfleet"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("diagnostics.needsSsh");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                });
        assertThat(runtime.connector(ExecutorKind.SSH, dir, none, "camfleet")).isInstanceOf(SshjHostConnector.class);
    }

    private static Map<String, String> unzip(Path zip) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
