package io.camfleet.console.service.diagnostics;

import io.camfleet.console.service.deploy.Target;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A camera shell that answers as told per camera, and records what it was asked to run. */
final class ScriptedShell implements CameraShell {

    final Map<String, CameraRun> answers = new ConcurrentHashMap<>();
    final Map<String, String> unreachable = new ConcurrentHashMap<>();
    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<String> ranOn = new CopyOnWriteArrayList<>();
    Runnable beforeRun = () -> { };

    ScriptedShell answer(String camera, CameraRun.Outcome outcome, int exit, String output, String detail) {
        answers.put(camera, new CameraRun(camera, outcome, exit, Duration.ofMillis(1500), output, detail));
        return this;
    }

    @Override
    public Optional<String> cannotReach(Target target) {
        return Optional.ofNullable(unreachable.get(target.cameraId()));
    }

    @Override
    public void run(List<Target> targets, String command, Duration timeout, Consumer<CameraRun> done) {
        beforeRun.run();
        commands.add(command);
        for (Target t : targets) {
            ranOn.add(t.cameraId());
            done.accept(answers.getOrDefault(t.cameraId(), new CameraRun(t.cameraId(), CameraRun.Outcome.COMPLETED,
                    0, Duration.ofMillis(200), "ok\n", "")));
        }
    }
}
