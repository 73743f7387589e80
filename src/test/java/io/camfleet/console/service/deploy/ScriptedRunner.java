package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.Problem;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A runner whose cameras do what the test says; installs can be held until the test lets them go. */
final class ScriptedRunner implements TargetRunner {

    enum Outcome { OK, UNREACHABLE, LOST_MID_INSTALL, UNHEALTHY, AT_VERSION }

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

    @Override
    public StepResult upload(Target t, Release r, Consumer<String> output) {
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
        versions.put(t.cameraId(), r.version());
        return StepResult.OK;
    }

    @Override
    public StepResult verify(Target t, Release r, Consumer<String> output) {
        return outcome(t) == Outcome.UNHEALTHY ? StepResult.failed("health check exit 1") : StepResult.OK;
    }

    @Override
    public StepResult rollback(Target t, Release r, Consumer<String> output) {
        versions.put(t.cameraId(), "6.4.2");
        return StepResult.OK;
    }
}
