package io.camfleet.console.adapter.os;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.ShellQuote;
import io.camfleet.console.service.diagnostics.TerminalOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator's own terminal, started with the ssh command line for a camera: {@code $CAMFLEET_TERMINAL} when set (a
 * command with {@code {command}} where the ssh command goes), else the platform's: on Linux the first of
 * {@link #LINUX} found on PATH, on macOS Terminal through osascript, on Windows Windows Terminal or a console window.
 * Every argument is passed to the process as one argument: no shell reads the ssh command on the way, except where a
 * terminal takes its command as one string (osascript, a template's {@code --command={command}}), and there it is quoted.
 */
public final class UserTerminal implements TerminalOpener {

    private static final Logger LOG = LoggerFactory.getLogger(UserTerminal.class);
    public static final String VARIABLE = "CAMFLEET_TERMINAL";
    static final String PLACEHOLDER = "{command}";
    /** Debian's alternative first (the user's own choice), then the common ones, each with how it takes a command. */
    static final List<List<String>> LINUX = List.of(List.of("x-terminal-emulator", "-e"),
            List.of("gnome-terminal", "--"), List.of("konsole", "-e"), List.of("xterm", "-e"));

    private final Map<String, String> env;
    private final String osName;
    private final Function<RemoteHost, List<String>> sshArgv;

    /**
     * @param env     the environment: PATH, {@value #VARIABLE}, and what the terminal needs (DISPLAY, ...)
     * @param osName  as {@code os.name} says it
     * @param sshArgv the ssh command line for a host (adapter.ssh's {@code SshLogin::argv})
     */
    public UserTerminal(Map<String, String> env, String osName, Function<RemoteHost, List<String>> sshArgv) {
        this.env = env;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.sshArgv = sshArgv;
    }

    @Override
    public void open(RemoteHost host) {
        List<String> command = command(sshArgv.apply(host));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process p = builder.start();
            p.getOutputStream().close();
            LOG.info("Opened a terminal for {}: {}", host.cameraId(), command);
        } catch (IOException e) {
            throw new Problem(e, "terminal.failed", command.getFirst(), e.getMessage());
        }
    }

    /** The whole command line that starts the terminal running {@code ssh}. */
    List<String> command(List<String> ssh) {
        String template = env.getOrDefault(VARIABLE, "").strip();
        if (!template.isEmpty()) {
            return fromTemplate(template, ssh);
        }
        List<String> out = new ArrayList<>();
        if (osName.startsWith("mac")) {
            String script = "tell application \"Terminal\" to do script \""
                    + ShellQuote.command(ssh).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            // the script carries the command: nothing follows it
            return List.of("osascript", "-e", script, "-e", "tell application \"Terminal\" to activate");
        }
        if (osName.startsWith("windows")) {
            if (onPath("wt.exe").isPresent()) {
                out.add("wt.exe");
            } else {
                out.addAll(List.of("cmd.exe", "/c", "start", "")); // start takes its first quoted word as a title
            }
        } else {
            for (List<String> terminal : LINUX) {
                Optional<Path> found = onPath(terminal.getFirst());
                if (found.isPresent()) {
                    out.add(found.get().toString());
                    out.addAll(terminal.subList(1, terminal.size()));
                    break;
                }
            }
            if (out.isEmpty()) {
                throw Problem.badInput("terminal.none", String.join(", ", LINUX.stream().map(List::getFirst)
                        .toList()), VARIABLE);
            }
        }
        out.addAll(ssh);
        return out;
    }

    /**
     * The template split at spaces: a word that is {@code {command}} alone becomes the ssh arguments, one each; a word
     * that holds it among other text gets the command line, quoted for a shell, in its place.
     */
    private static List<String> fromTemplate(String template, List<String> ssh) {
        if (!template.contains(PLACEHOLDER)) {
            throw Problem.badInput("terminal.badTemplate", VARIABLE, template, PLACEHOLDER);
        }
        List<String> out = new ArrayList<>();
        for (String word : template.split("\\s+")) {
            if (word.equals(PLACEHOLDER)) {
                out.addAll(ssh);
            } else {
                out.add(word.replace(PLACEHOLDER, ShellQuote.command(ssh)));
            }
        }
        return out;
    }

    private Optional<Path> onPath(String program) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
