package io.camfleet.console.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code camfleet} in a process of its own, as a pipeline or an operator runs it, so that a test can kill it with
 * SIGKILL in the middle of its work, as a crash would.
 */
final class ConsoleProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ConsoleProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process died: what it printed is in
            }
        });
    }

    /** Starts {@code java … Main ARGS} with {@code user.home} at {@code home} and these environment variables. */
    static ConsoleProcess start(Path home, Map<String, String> env, String... args) throws IOException {
        return start(ConsoleProcess.class.getPackageName() + ".Main", home, env, args);
    }

    /** Starts {@code java … MAINCLASS ARGS} on the test class path. */
    static ConsoleProcess start(String mainClass, Path home, Map<String, String> env, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new ConsoleProcess(pb.start());
    }

    /** Waits for a line {@code wanted} accepts, at most {@code seconds}; every line read is kept. */
    String await(Predicate<String> wanted, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no such line in " + seconds + " s; the process printed: " + String.join("\n", seen));
    }

    /** SIGKILL, as a crash or an operator's kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not die");
        }
    }

    /** Waits for the process to end and returns its exit code. */
    int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end in " + seconds + " s: " + String.join("\n", seen));
        }
        return process.exitValue();
    }

    /** Everything printed so far (after the process ended: everything). */
    String output() {
        lines.drainTo(seen);
        return String.join("\n", seen);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
