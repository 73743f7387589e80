package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.common.Problem;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A runner whose cameras do what the test says; installs can be held until the test lets them go. */
final class ScriptedRunner implements TargetRunner {

    enum Outcome { OK, UNREACHABLE, LOST_MID_INSTALL, UNHEALTHY, AT_VERSION, UPLOAD_BREAKS, INSTALL_BREAKS,
        UNHEALTHY_STUCK }

    final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    final Map<String, String> versions = new ConcurrentHashMap<>();
    final AtomicInteger installing = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final AtomicInteger installs = new AtomicInteger();
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile long installMillis;

    private Outcome outcome(Target t) {
        return outcomes.getOrDefault(t.cameraId(), Outcome.OK);
    }

    @Override
    public Optional<String> installedVersion(Target t) {
        if (outcome(t) == Outcome.UNREACHABLE) {
            throw new Problem("deploy.unreachable", t.cameraId(), "connection refused");
        }
        if (outcome(t) == Outcome.AT_VERSION) {
            return Optional.of("6.5.0");
        }
        return Optional.ofNullable(versions.getOrDefault(t.cameraId(), "6.4.2"));
    }

    final AtomicInteger checks = new AtomicInteger();

    @Override
    public StepResult upload(Target t, Release r, Consumer<String> output) {
        if (outcome(t) == Outcome.UPLOAD_BREAKS) {
            throw new ArrayIndexOutOfBoundsException("Index 8 out of bounds for length 8"); // as sshj did, cut
        }
        output.accept("uploaded");
        return StepResult.OK;
    }

    @Override
    public StepResult install(Target t, Release r, Consumer<String> output) {
        int now = installing.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        installs.incrementAndGet();
        try {
            Thread.sleep(installMillis);
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            installing.decrementAndGet();
        }
        if (outcome(t) == Outcome.LOST_MID_INSTALL) {
            return StepResult.lost("connection reset");
        }
        if (outcome(t) == Outcome.INSTALL_BREAKS) {
            throw new IllegalStateException("the library broke");
        }
        versions.put(t.cameraId(), r.version());
        return StepResult.OK;
    }

    @Override
    public StepResult verify(Target t, Release r, Consumer<String> output) {
        checks.incrementAndGet();
        return outcome(t) == Outcome.UNHEALTHY || outcome(t) == Outcome.UNHEALTHY_STUCK
                ? StepResult.failed("health check exit 1") : StepResult.OK;
    }

    @Override
    public StepResult rollback(Target t, Release r, Consumer<String> output) {
        if (outcome(t) == Outcome.UNHEALTHY_STUCK) {
            return StepResult.failed("rollback.sh exit 2");
        }
        versions.put(t.cameraId(), "6.4.2");
        return StepResult.OK;
    }
}
