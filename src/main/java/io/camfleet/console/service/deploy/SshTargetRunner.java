package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Rollouts over SSH, one session per camera for all its steps. On the camera, under its install root:
 * {@code releases/<name>-<version>/artifact}, the version marker {@code version} and the one before it,
 * {@code version.previous}. Scripts run as {@code sh -c SCRIPT camfleet ARTIFACT}: the artifact's path is {@code $1};
 * every argument is quoted by the session, so no name or path can turn into shell syntax.
 *
 * <p>Each program started on a camera costs it a login shell and a process, the largest part of a rollout's cost on
 * the camera: the marker and the folders go over the SFTP channel the upload opens anyway, so that a camera runs
 * three programs per rollout (the SHA-256 check, the install script, the health check).
 */
public final class SshTargetRunner implements TargetRunner {

    private final HostConnector connector;
    private final String user;
    private final Function<Target, String> installRoot;
    private final Duration commandTimeout;
    private final Map<String, HostSession> sessions = new ConcurrentHashMap<>();
    private final Map<Path, String> localChecksums = new ConcurrentHashMap<>();
    /** A version marker is one line; anything past this is not read (nor copied to {@code version.previous}). */
    private static final int MARKER_LIMIT = 64 * 1024;

    /**
     * @param installRoot where each camera keeps releases and its version marker ({@code /var/lib/camfleet})
     */
    public SshTargetRunner(HostConnector connector, String user, Function<Target, String> installRoot,
                           Duration commandTimeout) {
        this.connector = connector;
        this.user = user;
        this.installRoot = installRoot;
        this.commandTimeout = commandTimeout;
    }

    private HostSession session(Target t) {
        return sessions.computeIfAbsent(t.cameraId(),
                id -> connector.open(new RemoteHost(id, t.address(), t.jumpHost(), user)));
    }

    private String marker(Target t) {
        return installRoot.apply(t) + "/version";
    }

    private String artifact(Target t, Release r) {
        return installRoot.apply(t) + "/releases/" + r.name() + "-" + r.version() + "/artifact";
    }

    @Override
    public Optional<String> installedVersion(Target t) {
        return session(t).read(marker(t), MARKER_LIMIT)
                .flatMap(bytes -> new String(bytes, StandardCharsets.UTF_8).lines().findFirst())
                .map(String::strip)
                .filter(version -> !version.isEmpty());
    }

    @Override
    public Optional<String> cannotReach(Target t) {
        return connector.cannotReach(new RemoteHost(t.cameraId(), t.address(), t.jumpHost(), user));
    }

    @Override
    public Optional<HostKeyRejected> hostKey(Target t) {
        try (HostSession probe = connector.open(new RemoteHost(t.cameraId(), t.address(), t.jumpHost(), user))) {
            return Optional.empty();
        } catch (HostKeyRejected rejected) {
            return Optional.of(rejected);
        }
    }

    @Override
    public void trust(HostKeyRejected rejected) {
        connector.trust(rejected);
    }

    @Override
    public StepResult upload(Target t, Release release, Consumer<String> output) {
        return step(() -> {
            Path local = Path.of(release.artifact());
            String sum = localChecksums.computeIfAbsent(local, SshTargetRunner::sha256);
            if (!sum.equals(release.sha256())) {
                return StepResult.failed("the artifact " + local + " has SHA-256 " + sum + ", not the release's "
                        + release.sha256() + "; nothing was uploaded");
            }
            String remote = artifact(t, release);
            session(t).makeDirectories(parent(remote));
            session(t).upload(local, remote);
            String there = session(t).sha256(remote);
            if (!there.equals(release.sha256())) {
                return StepResult.failed("the artifact's SHA-256 on the camera is " + there + ", not "
                        + release.sha256());
            }
            output.accept("uploaded " + remote + " (SHA-256 checked on the camera)");
            return StepResult.OK;
        });
    }

    @Override
    public StepResult install(Target t, Release release, Consumer<String> output) {
        return step(() -> {
            StepResult installed = script(t, release.installScript(), artifact(t, release), output, "install");
            if (!installed.ok()) {
                return installed;
            }
            // The marker moves only once the install script succeeded; the one before is kept for a rollback.
            HostSession session = session(t);
            Optional<byte[]> before = session.read(marker(t), MARKER_LIMIT);
            before.ifPresent(bytes -> session.write(marker(t) + ".previous", bytes));
            session.write(marker(t), (release.version() + "\n").getBytes(StandardCharsets.UTF_8));
            return StepResult.OK;
        });
    }

    @Override
    public StepResult verify(Target t, Release release, Consumer<String> output) {
        return step(() -> script(t, release.healthCheck(), artifact(t, release), output, "health check"));
    }

    @Override
    public StepResult rollback(Target t, Release release, Consumer<String> output) {
        return step(() -> {
            StepResult back = script(t, release.rollbackScript(), artifact(t, release), output, "rollback");
            if (!back.ok()) {
                return back;
            }
            CommandResult mark = session(t).run(List.of("sh", "-c",
                    "if [ -f \"$1.previous\" ]; then mv -- \"$1.previous\" \"$1\"; else rm -f -- \"$1\"; fi",
                    "camfleet", marker(t)), commandTimeout, output);
            return mark.succeeded() ? StepResult.OK : StepResult.failed("cannot restore the version marker");
        });
    }

    private StepResult script(Target t, String script, String artifact, Consumer<String> output, String what) {
        CommandResult r = session(t).run(List.of("sh", "-c", script, "camfleet", artifact), commandTimeout, output);
        if (r.timedOut()) {
            return StepResult.failed("the " + what + " did not finish within " + commandTimeout.toSeconds() + " s");
        }
        return r.succeeded() ? StepResult.OK : StepResult.failed("the " + what + " exited with " + r.exitStatus());
    }

    /** A dropped connection is contact lost (the camera's state is unknown); other refusals are failures. */
    private StepResult step(java.util.function.Supplier<StepResult> work) {
        try {
            return work.get();
        } catch (Problem p) {
            return "ssh.connectionLost".equals(p.key()) ? StepResult.lost(p.getMessage())
                    : StepResult.failed(p.getMessage());
        }
    }

    @Override
    public void done(Target t) {
        HostSession s = sessions.remove(t.cameraId());
        if (s != null) {
            s.close();
        }
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new Problem(e, "deploy.artifactUnreadable", file, e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
