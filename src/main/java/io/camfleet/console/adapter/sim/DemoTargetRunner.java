package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRunner;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Rollouts on the demo fleet: each step takes a simulated while and now and then fails the way real ones do (a
 * health check that does not pass, a camera that drops off mid-install, one that cannot be reached). Deterministic
 * per camera and seed, so that a demo can be shown twice alike.
 */
public final class DemoTargetRunner implements TargetRunner {

    /** Out of 1,000 attempts. */
    static final int UNREACHABLE = 5;
    static final int LOST_MID_INSTALL = 5;
    static final int UNHEALTHY = 20;

    private final Map<String, String> versions = new ConcurrentHashMap<>();
    private final Map<String, String> previous = new ConcurrentHashMap<>();
    private final long seed;
    private final double pace;

    /**
     * @param installed each camera's version now
     * @param pace      1 for demo durations (about 2 s a camera), 0 for none (tests)
     */
    public DemoTargetRunner(Map<String, String> installed, long seed, double pace) {
        this.versions.putAll(installed);
        this.seed = seed;
        this.pace = pace;
    }

    /** The demo simulates every step: its release's artifact is never read. */
    @Override
    public boolean readsLocalArtifact() {
        return false;
    }

    private int roll(Target t, String step) {
        return new SplittableRandom(seed ^ t.cameraId().hashCode() * 31L ^ step.hashCode()).nextInt(1000);
    }

    private void take(Target t, String step, int minMillis, int maxMillis) {
        if (pace <= 0) {
            return;
        }
        long millis = (long) ((minMillis + new SplittableRandom(seed ^ t.cameraId().hashCode() ^ step.hashCode())
                .nextInt(maxMillis - minMillis)) * pace);
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<String> installedVersion(Target target) {
        if (roll(target, "reach") < UNREACHABLE) {
            throw new Problem("deploy.unreachable", target.cameraId(), "no route to host (simulated)");
        }
        return Optional.ofNullable(versions.get(target.cameraId()));
    }

    @Override
    public StepResult upload(Target target, Release release, Consumer<String> output) {
        take(target, "upload", 300, 900);
        output.accept("uploaded " + release.artifact() + " (sha256 " + release.sha256().substring(0, 12) + "… ok)");
        return StepResult.OK;
    }

    @Override
    public StepResult install(Target target, Release release, Consumer<String> output) {
        take(target, "install", 500, 1500);
        if (roll(target, "lost") < LOST_MID_INSTALL) {
            output.accept("connection closed by remote host");
            return StepResult.lost("the camera dropped off during the install (simulated)");
        }
        previous.put(target.cameraId(), versions.getOrDefault(target.cameraId(), ""));
        versions.put(target.cameraId(), release.version());
        output.accept("installed " + release.label());
        return StepResult.OK;
    }

    @Override
    public StepResult verify(Target target, Release release, Consumer<String> output) {
        take(target, "verify", 200, 500);
        if (roll(target, "health") < UNHEALTHY) {
            output.accept("health check: frames captured 0 in the last 30 s");
            return StepResult.failed("the health check failed (simulated)");
        }
        output.accept("health check ok");
        return StepResult.OK;
    }

    @Override
    public StepResult rollback(Target target, Release release, Consumer<String> output) {
        take(target, "rollback", 300, 800);
        String before = previous.remove(target.cameraId());
        if (before != null) {
            versions.put(target.cameraId(), before);
        }
        output.accept("rolled back to " + (before == null || before.isEmpty() ? "the version before" : before));
        return StepResult.OK;
    }
}
