package io.camfleet.console.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet} in a JVM of its own, as a user runs it: the console's own logging set-up (logback.xml, not the
 * tests'), its own home and temporary folder under {@code dir}, and no {@code CAMFLEET_HOME} or ssh-agent from the
 * test's environment. Standard output and error are kept as bytes.
 */
final class ChildConsole {

    /** A camfleet process under way, its output going to two files. */
    record Running(Process process, Path out, Path err) {
        long pid() {
            return process.pid();
        }

        /** Waits for it (three minutes at most) and reads what it printed. */
        Result finish() throws Exception {
            boolean ended = process.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            assertThat(ended).as("camfleet ended within three minutes").isTrue();
            return new Result(process.pid(), process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        }
    }

    record Result(long pid, int exit, byte[] out, byte[] err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    private final Path dir;

    ChildConsole(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(tmp());
        Files.createDirectories(home());
    }

    /** The child's {@code java.io.tmpdir}. */
    Path tmp() {
        return dir.resolve("tmp");
    }

    /** The child's {@code user.home}. */
    Path home() {
        return dir.resolve("home");
    }

    Running start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=logback.xml",
                "-Djava.io.tmpdir=" + tmp(), "-Duser.home=" + home(), "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd);
        builder.environment().remove("CAMFLEET_HOME");
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return new Running(p, out, err);
    }

    Result run(Map<String, String> env, String... args) throws Exception {
        return start(env, args).finish();
    }

    Result run(String... args) throws Exception {
        return run(Map.of(), args);
    }
}
