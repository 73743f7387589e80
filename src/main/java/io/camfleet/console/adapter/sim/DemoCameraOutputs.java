package io.camfleet.console.adapter.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a demo camera prints for the built-in runbooks' commands, as its health has it: an OFFLINE camera's agent has
 * failed and it cannot reach the cloud (its DNS or its uplink, as {@link DemoCamera#cause()} says), a DEGRADED one
 * drops frames, the others are clean. Any other command is not found there.
 */
final class DemoCameraOutputs {

    /**
     * What a command came to.
     *
     * @param drops the connection goes with it (a reboot)
     * @param takes how long it runs, at a pace of 1
     */
    record Reply(int exitCode, String output, boolean drops, Duration takes) {
    }

    private DemoCameraOutputs() {
    }

    static Reply answer(DemoCamera c, String command) {
        List<String> w = words(command);
        String first = w.isEmpty() ? "" : w.getFirst();
        SplittableRandom r = c.random("took-" + command);
        Duration quick = Duration.ofMillis(150 + r.nextInt(400));
        return switch (first) {
            case "systemctl" -> w.size() > 1 && w.get(1).equals("status") ? status(c, w, quick)
                    : w.size() > 1 && w.get(1).equals("restart") ? restart(c, w)
                    : w.size() > 1 && w.get(1).equals("reboot") ? new Reply(0, "", true, quick)
                    : new Reply(1, "Unknown command verb " + (w.size() > 1 ? w.get(1) : "") + ".", false, quick);
            case "journalctl" -> new Reply(0, String.join("\n", c.journal(option(w, "--lines=", 10))), false, quick);
            case "df" -> diskAndMemory(c);
            case "getent" -> reachability(c, w);
            case "timeout" -> w.contains("ffprobe") ? stream(c, r) : notFound(first);
            case "timedatectl" -> timeSync(c, quick);
            case "du" -> new Reply(0, (1 + r.nextInt(30)) / 10.0 + "G\t/var/cache/camos\n"
                    + "4.0K\t/var/cache/camos", false, Duration.ofMillis(800 + r.nextInt(1500)));
            default -> notFound(first);
        };
    }

    private static Reply notFound(String program) {
        return new Reply(127, "sh: 1: " + program + ": not found", false, Duration.ofMillis(50));
    }

    private static Reply status(DemoCamera c, List<String> w, Duration took) {
        String service = w.getLast();
        if (!service.equals("camos-agent") && !service.equals("camos-agent.service")) {
            return new Reply(4, "Unit " + service + ".service could not be found.", false, took);
        }
        int pid = c.agentPid();
        StringBuilder out = new StringBuilder("● camos-agent.service - CamOS camera agent\n")
                .append("     Loaded: loaded (/lib/systemd/system/camos-agent.service; enabled; preset: enabled)\n");
        boolean failed = c.agentFailed();
        if (failed) {
            out.append("     Active: failed (Result: exit-code) since ").append(DemoCamera.isoTime(c.failedAt()))
                    .append("; ").append(ago(c.failedAt(), c.now())).append(" ago\n")
                    .append("    Process: ").append(pid).append(" ExecStart=/usr/bin/camos-agent --config "
                            + "/etc/camos/agent.conf (code=exited, status=1/FAILURE)\n")
                    .append("   Main PID: ").append(pid).append(" (code=exited, status=1/FAILURE)\n");
        } else {
            Instant started = c.now().minus(Duration.ofHours(30 + c.random("uptime").nextInt(400)));
            out.append("     Active: active (running) since ").append(DemoCamera.isoTime(started)).append("; ")
                    .append(ago(started, c.now())).append(" ago\n")
                    .append("   Main PID: ").append(pid).append(" (camos-agent)\n")
                    .append("      Tasks: 14 (limit: 4915)\n")
                    .append("     Memory: ").append(48 + c.random("mem").nextInt(40)).append(".3M\n")
                    .append("     CGroup: /system.slice/camos-agent.service\n")
                    .append("             └─").append(pid).append(" /usr/bin/camos-agent --config /etc/camos/agent.conf\n");
        }
        int lines = option(w, "--lines=", 10);
        if (lines > 0) {
            out.append('\n').append(String.join("\n", c.journal(lines)));
        }
        return new Reply(failed ? 3 : 0, out.toString().stripTrailing(), false, took);
    }

    private static Reply restart(DemoCamera c, List<String> w) {
        Duration took = Duration.ofMillis(1500 + c.random("restart").nextInt(2000));
        if (!w.getLast().equals("camos-agent")) {
            return new Reply(5, "Failed to restart " + w.getLast() + ".service: Unit " + w.getLast()
                    + ".service not found.", false, took);
        }
        // the agent starts, cannot reach the cloud again, and fails: restarting does not fix an uplink
        return c.offline() ? new Reply(3, "failed", false, took) : new Reply(0, "active", false, took);
    }

    private static Reply diskAndMemory(DemoCamera c) {
        double used = c.telemetry() == null || c.telemetry().diskUsedPercent() == null ? 41
                : c.telemetry().diskUsedPercent();
        int pct = (int) Math.round(used);
        double size = 58.4;
        return String.format(Locale.ROOT, """
                Filesystem       Size  Used Avail Use%% Mounted on
                /dev/mmcblk0p2   %.1fG  %.1fG  %.1fG  %d%% /
                /dev/mmcblk0p1   253M   52M  201M  21%% /boot
                /dev/sda1        %.0fG  %.0fG  %.0fG  %d%% /var/lib/camos/clips

                               total        used        free      shared  buff/cache   available
                Mem:            3791         %d         %d          12        1204        %d
                Swap:           1023           0        1023

                 %s up %d days,  3:17,  0 users,  load average: %.2f, %.2f, %.2f""",
                size, size * used / 100, size * (100 - used) / 100, pct, 466.0, 466 * used / 100,
                466 * (100 - used) / 100, pct, 900 + c.random("memused").nextInt(900), 600, 2100,
                DemoCamera.isoTime(c.now()).substring(11, 19), 3 + c.random("days").nextInt(90),
                0.3 + c.random("l1").nextInt(90) / 100.0, 0.4, 0.45)
                .transform(s -> new Reply(0, s, false, Duration.ofMillis(300)));
    }

    private static Reply reachability(DemoCamera c, List<String> w) {
        String host = w.size() > 2 ? w.get(2) : DemoCamera.ENDPOINT;
        if (c.offline() && c.cause() == DemoCamera.Cause.DNS) {
            return new Reply(2, "", false, Duration.ofSeconds(5)); // getent says nothing when nothing resolves
        }
        String resolved = "52.49." + c.random("ip").nextInt(250) + "." + c.random("ip2").nextInt(250) + "    " + host;
        if (c.offline()) {
            int seconds = option(w, "--max-time", 10);
            return new Reply(28, resolved + "\ncurl: (28) Connection timed out after " + (seconds * 1000 + 1) + " milliseconds",
                    false, Duration.ofSeconds(Math.min(seconds, 10)));
        }
        SplittableRandom r = c.random("curl");
        double connect = 0.02 + r.nextInt(60) / 1000.0;
        double tls = connect + 0.05 + r.nextInt(80) / 1000.0;
        return new Reply(0, resolved + String.format(Locale.ROOT, "\nHTTP 403 in %.3fs (connect %.3fs, TLS %.3fs)",
                tls + 0.03, connect, tls), false, Duration.ofMillis(400));
    }

    private static Reply stream(DemoCamera c, SplittableRandom r) {
        StringBuilder out = new StringBuilder();
        String rate = "15/1";
        if (c.degraded()) {
            for (int i = 0; i < 4; i++) {
                out.append("[rtsp @ 0x55d0c8a3e2c0] RTP: dropping old packet received too late\n");
            }
            out.append("[h264 @ 0x55d0c8a41f00] error while decoding MB ").append(r.nextInt(120)).append(' ')
                    .append(r.nextInt(68)).append(", bytestream -7\n");
            out.append("[h264 @ 0x55d0c8a41f00] concealing ").append(400 + r.nextInt(3000))
                    .append(" DC, 400 AC, 400 MV errors in P frame\n");
            rate = (6 + r.nextInt(6)) + "/1";
        }
        out.append("stream|codec_name=h264|width=1920|height=1080|avg_frame_rate=").append(rate);
        return new Reply(0, out.toString(), false, Duration.ofMillis(2500 + r.nextInt(1500)));
    }

    private static Reply timeSync(DemoCamera c, Duration took) {
        boolean synced = !c.offline();
        String now = DemoCamera.isoTime(c.now());
        String out = """
                               Local time: %s
                           Universal time: %s
                                 Time zone: Etc/UTC (UTC, +0000)
                System clock synchronized: %s
                              NTP service: active
                          RTC in local TZ: no

                """.formatted(now, now, synced ? "yes" : "no")
                + (synced ? """
                Reference ID    : C0248F83 (time.cloudflare.com)
                Stratum         : 3
                System time     : 0.000%d seconds fast of NTP time
                Leap status     : Normal""".formatted(100 + c.random("ntp").nextInt(800))
                : """
                Reference ID    : 00000000 ()
                Stratum         : 0
                System time     : 0.000000000 seconds fast of NTP time
                Leap status     : Not synchronised""");
        return new Reply(0, out, false, took);
    }

    private static String ago(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.toDays() > 0 ? d.toDays() + " days " + d.toHoursPart() + "h" : d.toHours() > 0
                ? d.toHours() + "h " + d.toMinutesPart() + "min" : d.toMinutes() + "min";
    }

    /** {@code --name=N} or {@code --name N} as a number; the default when absent or not a number. */
    private static int option(List<String> w, String name, int otherwise) {
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            String value = word.startsWith(name) && name.endsWith("=") ? word.substring(name.length())
                    : word.equals(name) && i + 1 < w.size() ? w.get(i + 1) : null;
            if (value != null) {
                try {
                    return Integer.parseInt(value.replaceAll("s$", ""));
                } catch (NumberFormatException e) {
                    return otherwise;
                }
            }
        }
        return otherwise;
    }

    /** The command's words as a shell would split them, single and double quotes removed. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char ch : command.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
