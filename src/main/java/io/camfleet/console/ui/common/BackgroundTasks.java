package io.camfleet.console.ui.common;

import io.camfleet.console.service.common.Progress;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work off the FX thread as titled, cancellable tasks, and lists the running ones for the status bar.
 * Callbacks run on the FX thread. Must be used from the FX thread.
 */
public final class BackgroundTasks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final Executor executor;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();

    public BackgroundTasks(Executor executor) {
        this.executor = executor;
    }

    /** The tasks under way, newest last. Read on the FX thread. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /** Starts describing a task; nothing runs until {@link Job#start()}. */
    public <T> Job<T> job(String title, Function<Progress, T> work) {
        return new Job<>(title, work);
    }

    /** A JavaFX task that is also the {@link Progress} its work reports to. */
    private static final class ProgressTask<T> extends Task<T> implements Progress {
        private final Function<Progress, T> work;

        ProgressTask(String title, Function<Progress, T> work) {
            this.work = work;
            updateTitle(title);
        }

        @Override
        protected T call() {
            return work.apply(this);
        }

        @Override
        public void update(String message, long done, long total) {
            updateMessage(message);
            if (total < 0) {
                updateProgress(-1, 1);
            } else {
                updateProgress(done, total);
            }
        }
    }

    /** A task being set up: title, work, and what to do with its result or failure. */
    public final class Job<T> {
        private final String title;
        private final Function<Progress, T> work;
        private Consumer<T> onSuccess = r -> { };
        private Consumer<Throwable> onFailure = e -> LOG.error("Task failed: {}", e.getMessage(), e);
        private Runnable onCancelled = () -> { };

        private Job(String title, Function<Progress, T> work) {
            this.title = title;
            this.work = work;
        }

        public Job<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = handler;
            return this;
        }

        public Job<T> onFailure(Consumer<Throwable> handler) {
            this.onFailure = handler;
            return this;
        }

        public Job<T> onCancelled(Runnable handler) {
            this.onCancelled = handler;
            return this;
        }

        public Task<T> start() {
            if (!Platform.isFxApplicationThread()) {
                throw new IllegalStateException("start background tasks from the FX thread");
            }
            ProgressTask<T> task = new ProgressTask<>(title, work);
            task.stateProperty().addListener((obs, was, state) -> {
                if (state == Worker.State.SUCCEEDED) {
                    running.remove(task);
                    onSuccess.accept(task.getValue());
                } else if (state == Worker.State.FAILED) {
                    running.remove(task);
                    Throwable e = task.getException();
                    if (e instanceof java.util.concurrent.CancellationException) {
                        onCancelled.run();
                    } else {
                        LOG.warn("Task '{}' failed", title, e);
                        onFailure.accept(e);
                    }
                } else if (state == Worker.State.CANCELLED) {
                    running.remove(task);
                    onCancelled.run();
                }
            });
            running.add(task);
            executor.execute(task);
            return task;
        }
    }
}
