package io.camfleet.console.app.features;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetWatch;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.application.Platform;

import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The fleet's loads as the window shows them: a task in the status bar, with progress and Cancel. */
public final class FleetLoads implements FleetWatch.Loads {

    private final BackgroundTasks tasks;
    private final Messages m;

    public FleetLoads(BackgroundTasks tasks, Messages messages) {
        this.tasks = tasks;
        this.m = messages;
    }

    @Override
    public <T> void run(FleetWatch.Load load, String source, Function<Progress, T> work,
                        BiConsumer<T, Throwable> done) {
        String title = switch (load) {
            case START -> m.text("task.loadFleet", source);
            case SYNC -> m.text("task.syncFleet", source);
            case SWITCH -> m.text("task.switchSource");
        };
        Platform.runLater(() -> {
            try {
                tasks.job(title, work)
                        .onSuccess(result -> done.accept(result, null))
                        .onFailure(e -> done.accept(null, e))
                        .onCancelled(() -> done.accept(null, new CancellationException()))
                        .start();
            } catch (RejectedExecutionException e) { // the window closed meanwhile
                done.accept(null, new CancellationException());
            }
        });
    }
}
