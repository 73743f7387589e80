package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One demo camera as its host tells it: its health in the fleet, why it is in that state, and its log of the last day,
 * one event a minute. Everything follows from the seed, the camera and the fleet's moment, so that a demo shows alike
 * twice.
 *
 * @param since when it entered its health state (null: not known)
 * @param now   the fleet's moment: the host's clock
 */
record DemoCamera(CameraSystem camera, HealthState health, Instant since, CameraTelemetry telemetry, Instant now,
                  long seed) {

    /** The cloud endpoint the agent talks to (the reachability runbook's default host). */
    static final String ENDPOINT = "iot.eu-west-1.amazonaws.com";
    static final Duration LOG_SPAN = Duration.ofHours(24);
    /**
     * How long the agent keeps trying the cloud before it gives up and systemd marks it failed: less than the 90 s of
     * silence that make a camera OFFLINE, so that every OFFLINE camera shows its agent failed.
     */
    static final Duration GIVES_UP_AFTER = Duration.ofSeconds(60);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(ZoneOffset.UTC);

    /** Why an OFFLINE camera cannot reach the cloud: the same at every camera of a site (they share the uplink). */
    enum Cause { DNS, UPLINK }

    /** One line of the agent's log. */
    record Event(Instant at, String level, String component, String message) {
    }

    boolean offline() {
        return health == HealthState.OFFLINE;
    }

    boolean degraded() {
        return health == HealthState.DEGRADED;
    }

    Cause cause() {
        return (random("cause-" + camera.siteId()).nextInt(2) == 0) ? Cause.DNS : Cause.UPLINK;
    }

    SplittableRandom random(String what) {
        return new SplittableRandom(seed ^ camera.id().hashCode() * 31L ^ what.hashCode() * 1_000_003L);
    }

    int agentPid() {
        return 700 + random("pid").nextInt(400);
    }

    /** The start of trouble, within the log's span: for an OFFLINE camera, its last heartbeat. */
    private Instant troubleSince() {
        Instant start = now.minus(LOG_SPAN);
        Instant since = offline() && telemetry != null && telemetry.lastHeartbeat() != null
                ? telemetry.lastHeartbeat() : this.since;
        if (since == null || since.isBefore(start)) {
            return start.plus(Duration.ofHours(2));
        }
        return since.isAfter(now) ? now : since;
    }

    /** When the agent gave up (OFFLINE only): it has logged nothing since, and systemd shows it failed. */
    Instant failedAt() {
        return troubleSince().plus(GIVES_UP_AFTER);
    }

    boolean agentFailed() {
        return offline() && !failedAt().isAfter(now);
    }

    /** The agent's events from {@code from} to {@code to}, one a minute (more while in trouble). */
    List<Event> events(Instant from, Instant to) {
        List<Event> out = new ArrayList<>();
        Instant trouble = troubleSince();
        long seq = from.getEpochSecond() / 60;
        for (Instant t = from.truncatedTo(ChronoUnit.MINUTES); t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            seq++;
            SplittableRandom r = random("minute-" + t.getEpochSecond());
            Instant at = t.plusMillis(r.nextInt(59_000));
            boolean inTrouble = !t.isBefore(trouble);
            if (offline()) {
                Instant failed = failedAt();
                if (!t.isBefore(failed)) {
                    continue; // the agent has exited: it logs nothing more
                }
                Instant next = t.plus(Duration.ofMinutes(1));
                if (at.isBefore(trouble)) {
                    usual(out, t, at, r, seq, false);
                }
                // from the last heartbeat to giving up, every 10 s: what it tried and what failed
                for (Instant w = trouble.plusSeconds(1); w.isBefore(failed) && w.isBefore(next); w = w.plusSeconds(10)) {
                    if (!w.isBefore(t)) {
                        out.addAll(trying(w, r));
                    }
                }
                if (!next.isBefore(failed)) { // it gives up within this minute
                    out.add(new Event(failed, "FATAL", "agent", "cloud endpoint " + ENDPOINT + " unreachable for "
                            + GIVES_UP_AFTER.toSeconds() + " s; exiting with status 1"));
                }
                continue;
            }
            usual(out, t, at, r, seq, degraded() && inTrouble);
        }
        out.sort(java.util.Comparator.comparing(Event::at));
        return out;
    }

    /** A minute of a working agent: its heartbeat, an upload every ten minutes, frames dropped when degraded. */
    private static void usual(List<Event> out, Instant t, Instant at, SplittableRandom r, long seq,
                              boolean dropping) {
        out.add(new Event(at, "INFO", "heartbeat", "sent (seq " + seq + ", rtt " + (40 + r.nextInt(80)) + " ms)"));
        if (dropping) {
            out.add(new Event(at.plusMillis(300), "WARN", "stream", "dropped " + (20 + r.nextInt(200))
                    + " frames in the last 60 s (decoder queue full)"));
        }
        if (t.getEpochSecond() / 60 % 10 == 0) {
            out.add(new Event(at.plusMillis(700), "INFO", "upload", "clip " + LOG_TIME.format(t).substring(0, 16)
                    .replace(" ", "T") + ".mp4 sent (" + (2 + r.nextInt(9)) + "." + r.nextInt(10) + " MB)"));
        }
    }

    /** One attempt to reach the cloud that fails, as the cause has it. */
    private List<Event> trying(Instant at, SplittableRandom r) {
        return cause() == Cause.DNS
                ? List.of(new Event(at, "WARN", "dns", "no answer from " + dnsServer() + " for " + ENDPOINT
                                + " (timed out after 5 s)"),
                        new Event(at.plusMillis(5_000), "ERROR", "mqtt", "cannot connect to " + ENDPOINT
                                + ":8883: Temporary failure in name resolution"))
                : List.of(new Event(at, "WARN", "uplink", "wwan0 down: no carrier (signal -" + (105 + r.nextInt(12))
                                + " dBm)"),
                        new Event(at.plusMillis(2_000), "ERROR", "mqtt", "connect to " + ENDPOINT
                                + ":8883 timed out; telemetry buffered locally"));
    }

    String dnsServer() {
        return "10." + (random("dns").nextInt(200) + 1) + ".0.2";
    }

    static String logLine(Event e) {
        return LOG_TIME.format(e.at()) + " " + String.format(Locale.ROOT, "%-5s", e.level()) + " " + e.component()
                + ": " + e.message();
    }

    /** The systemd journal's view: the agent's lines, then systemd's own once the agent failed. */
    List<String> journal(int lines) {
        List<String> out = new ArrayList<>();
        String host = camera.hostname();
        String prefix = " " + host + " camos-agent[" + agentPid() + "]: ";
        // a failed agent logs nothing more: its last lines are those before it gave up
        Instant end = agentFailed() ? failedAt().plus(Duration.ofMinutes(1)) : now;
        for (Event e : events(end.minus(Duration.ofMinutes(lines + 10L)), end)) {
            out.add(ISO_TIME.format(e.at()) + prefix + e.level() + " " + e.component() + ": " + e.message());
        }
        if (agentFailed()) {
            String at = ISO_TIME.format(failedAt().plusSeconds(1)) + " " + host + " systemd[1]: ";
            out.add(at + "camos-agent.service: Main process exited, code=exited, status=1/FAILURE");
            out.add(at + "camos-agent.service: Failed with result 'exit-code'.");
            out.add(at + "camos-agent.service: Start request repeated too quickly.");
            out.add(at + "Failed to start camos-agent.service - CamOS camera agent.");
        }
        return out.size() <= lines ? out : out.subList(out.size() - lines, out.size());
    }

    static String isoTime(Instant t) {
        return ISO_TIME.format(t);
    }
}
