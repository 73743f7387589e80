package io.camfleet.console.service.diagnostics;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteHost;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.domain.runbooks.Runbook;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Runs a command on cameras over SSH, the way deployments reach them ({@link HostConnector}: strict host keys, the
 * site's jump host), as {@code sh -c COMMAND}: the runbook's command line is one argument, quoted by the session, and
 * its parameters were quoted into it by the template. Each camera in a virtual thread of its own, at most
 * {@code parallel} connected at once, each stopped at the timeout.
 *
 * <p>A host that cannot be reached, refuses the login or presents a key that is not the known one never runs
 * anything: UNREACHABLE with the sentence that says why. A connection dropped under a running command is LOST.
 */
public final class SshCameraShell implements CameraShell {

    /** What one camera may print before the rest is dropped: twice the most a runbook keeps, to leave redaction room. */
    static final int MOST_OUTPUT_CHARS = 2 * Runbook.MAX_OUTPUT;

    private final HostConnector connector;
    private final String user;
    private final int parallel;
    private final Messages words = new Messages(Locale.ROOT);

    /**
     * @param user     the login user on the cameras
     * @param parallel how many cameras are connected at once
     */
    public SshCameraShell(HostConnector connector, String user, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel " + parallel);
        }
        this.connector = connector;
        this.user = user;
        this.parallel = parallel;
    }

    private RemoteHost host(Target t) {
        return new RemoteHost(t.cameraId(), t.address(), t.jumpHost(), user);
    }

    @Override
    public Optional<String> cannotReach(Target target) {
        return connector.cannotReach(host(target));
    }

    @Override
    public void run(List<Target> targets, String command, Duration timeout, Consumer<CameraRun> done) {
        Semaphore slots = new Semaphore(parallel);
        ThreadFactory threads = Thread.ofVirtual().name("diag-ssh-", 0).factory();
        List<Thread> started = targets.stream().map(t -> threads.newThread(() -> {
            slots.acquireUninterruptibly();
            try {
                done.accept(runOn(t, command, timeout));
            } finally {
                slots.release();
            }
        })).toList();
        started.forEach(Thread::start);
        for (Thread t : started) {
            // each camera ends at its own timeout; the connector's connect and login timeouts bound the rest
            boolean interrupted = false;
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CameraRun runOn(Target t, String command, Duration timeout) {
        long start = System.nanoTime();
        Optional<String> why = cannotReach(t);
        if (why.isPresent()) {
            return new CameraRun(t.cameraId(), CameraRun.Outcome.UNREACHABLE, -1, Duration.ZERO, "", why.get());
        }
        HostSession session;
        try {
            session = connector.open(host(t));
        } catch (Problem p) { // host key rejected, unreachable, login refused
            return new CameraRun(t.cameraId(), CameraRun.Outcome.UNREACHABLE, -1, since(start), "",
                    words.text(p));
        }
        Output output = new Output();
        try (session) {
            CommandResult r = session.run(List.of("sh", "-c", command), timeout, output);
            if (r.timedOut()) {
                return new CameraRun(t.cameraId(), CameraRun.Outcome.TIMED_OUT, -1, since(start), output.text(),
                        words.text("diag.timedOut", t.cameraId(), timeout.toSeconds()));
            }
            return new CameraRun(t.cameraId(), CameraRun.Outcome.COMPLETED, r.exitStatus(), since(start),
                    output.text(), "");
        } catch (Problem p) {
            // it could not even start: nothing ran
            CameraRun.Outcome outcome = "ssh.commandFailed".equals(p.key()) ? CameraRun.Outcome.UNREACHABLE
                    : CameraRun.Outcome.LOST;
            return new CameraRun(t.cameraId(), outcome, -1, since(start), output.text(), words.text(p));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The lines a camera printed, up to {@link #MOST_OUTPUT_CHARS}, then a note that the rest was dropped. */
    private static final class Output implements Consumer<String> {
        private final StringBuilder text = new StringBuilder();
        private boolean full;

        @Override
        public synchronized void accept(String line) {
            if (full) {
                return;
            }
            if (text.length() + line.length() + 1 > MOST_OUTPUT_CHARS) {
                full = true;
                return;
            }
            text.append(line).append('\n');
        }

        synchronized String text() {
            return text.toString();
        }
    }
}
