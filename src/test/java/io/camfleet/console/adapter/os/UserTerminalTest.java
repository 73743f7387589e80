package io.camfleet.console.adapter.os;

import io.camfleet.console.adapter.ssh.SshLogin;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.RemoteHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's terminal, started for real: fake terminals on PATH write down the arguments they were given. */
class UserTerminalTest {

    private static final RemoteHost CAMERA = new RemoteHost("AMS-01-C01", "10.0.0.5:2222", "jump.example", "ops");
    private static final List<String> SSH = List.of("ssh", "-J", "ops@jump.example", "-p", "2222", "--",
            "ops@10.0.0.5");

    @TempDir
    Path dir;

    /** A script that writes each of its arguments on a line of its own, between < and >, into {@code record}. */
    private Path fakeTerminal(Path folder, String name, Path record) throws IOException {
        Files.createDirectories(folder);
        Path script = folder.resolve(name);
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done > '" + record
                + ".tmp'\n/bin/mv '" + record + ".tmp' '" + record + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static List<String> recorded(Path record) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(record)) {
            assertThat(System.nanoTime()).as("the terminal was started and wrote " + record).isLessThan(deadline);
            Thread.sleep(20);
        }
        return Files.readAllLines(record, StandardCharsets.UTF_8).stream()
                .map(l -> l.substring(1, l.length() - 1)).toList();
    }

    private UserTerminal terminal(Map<String, String> env, String os) {
        return new UserTerminal(env, os, SshLogin::argv);
    }

    @Test
    void theFirstLinuxTerminalOnThePathRunsSshWithEachArgumentAsItsOwn() throws Exception {
        Path record = dir.resolve("argv");
        fakeTerminal(dir.resolve("bin"), "xterm", dir.resolve("not-me"));
        fakeTerminal(dir.resolve("bin2"), "gnome-terminal", record);

        terminal(Map.of("PATH", dir.resolve("empty") + ":" + dir.resolve("bin2") + ":" + dir.resolve("bin")),
                "Linux").open(CAMERA);

        assertThat(recorded(record)).containsExactlyElementsOf(concat(List.of("--"), SSH));
        assertThat(dir.resolve("not-me")).doesNotExist();
    }

    @Test
    void camfleetTerminalIsATemplateWhoseCommandPlaceholderTakesTheSshArguments() throws Exception {
        Path record = dir.resolve("argv");
        Path alacritty = fakeTerminal(dir.resolve("bin"), "alacritty", record);

        terminal(Map.of("PATH", "/nowhere", "CAMFLEET_TERMINAL", alacritty + " --title camera -e {command}"),
                "Linux").open(CAMERA);

        assertThat(recorded(record)).containsExactlyElementsOf(concat(List.of("--title", "camera", "-e"), SSH));
    }

    @Test
    void aPlaceholderInsideAWordGetsTheWholeCommandQuotedForAShell() {
        UserTerminal t = terminal(Map.of("CAMFLEET_TERMINAL", "kitty --command={command}"), "Linux");

        assertThat(t.command(SSH)).containsExactly("kitty",
                "--command=ssh -J ops@jump.example -p 2222 -- ops@10.0.0.5");
        assertThat(t.command(List.of("ssh", "--", "it's@x"))).containsExactly("kitty", "--command=ssh -- 'it'\\''s@x'");
    }

    @Test
    void macOsOpensTerminalThroughOsascriptAndWindowsThroughStart() {
        assertThat(terminal(Map.of(), "Mac OS X").command(List.of("ssh", "--", "ops@10.0.0.5"))).containsExactly(
                "osascript", "-e", "tell application \"Terminal\" to do script \"ssh -- ops@10.0.0.5\"",
                "-e", "tell application \"Terminal\" to activate");
        assertThat(terminal(Map.of("PATH", "/nowhere"), "Windows 11").command(List.of("ssh", "--", "ops@10.0.0.5")))
                .containsExactly("cmd.exe", "/c", "start", "", "ssh", "--", "ops@10.0.0.5");
    }

    @Test
    void noTerminalAnywhereSaysWhatToInstallOrSet() {
        assertThatThrownBy(() -> terminal(Map.of("PATH", dir.toString()), "Linux").open(CAMERA))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("terminal.none");
                    assertThat(p.getMessage()).contains("x-terminal-emulator, gnome-terminal, konsole, xterm",
                            "CAMFLEET_TERMINAL", "{command}");
                });
        assertThatThrownBy(() -> terminal(Map.of("CAMFLEET_TERMINAL", "xterm -e"), "Linux").open(CAMERA))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("terminal.badTemplate"));
    }

    @Test
    void aHostileAddressNeverStartsATerminal() throws Exception {
        Path record = dir.resolve("argv");
        fakeTerminal(dir.resolve("bin"), "xterm", record);

        assertThatThrownBy(() -> terminal(Map.of("PATH", dir.resolve("bin").toString()), "Linux")
                .open(new RemoteHost("c", "-oProxyCommand=touch /tmp/x", "", "ops")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("ssh.address.bad"));
        Thread.sleep(300);
        assertThat(record).doesNotExist();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
