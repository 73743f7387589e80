package io.camfleet.console.ui.common;

import io.camfleet.console.service.common.Progress;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way screens run work off the UI thread: titled, cancellable tasks listed for the status bar, or quiet ones
 * (a re-read the operator did not ask for) that are not listed. Callbacks run on the UI thread. A debounce turns a
 * burst of changes into one call. Without a toolkit ({@link #unlisted}), tasks run quietly and callbacks go to the
 * given executor, so that view-models are testable with no display.
 */
public final class BackgroundTasks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final Executor workers;
    private final Executor ui;
    private final boolean listed;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    /** Once the workers refuse work (the window closed), nothing more is started. */
    private volatile boolean closed;

    /** For the window: callbacks on the FX thread, tasks listed for the status bar. */
    public BackgroundTasks(Executor workers) {
        this(workers, Platform::runLater, true);
    }

    private BackgroundTasks(Executor workers, Executor ui, boolean listed) {
        this.workers = workers;
        this.ui = ui;
        this.listed = listed;
    }

    /** With no toolkit: every task quiet, callbacks handed to {@code ui} (a test's own thread or a direct call). */
    public static BackgroundTasks unlisted(Executor workers, Executor ui) {
        return new BackgroundTasks(workers, ui, false);
    }

    /** The tasks under way, newest last. Read on the FX thread. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /** Starts describing a task; nothing runs until {@link Job#start()}. */
    public <T> Job<T> job(String title, Function<Progress, T> work) {
        return new Job<>(title, work);
    }

    /**
     * A call that runs {@code action} on the UI thread once, {@code delay} after the first of a burst of calls:
     * the calls in between are absorbed. Callable from any thread.
     */
    public Runnable debounce(Duration delay, Runnable action) {
        AtomicBoolean armed = new AtomicBoolean();
        Executor later = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, this::onUi);
        return () -> {
            if (!closed && armed.compareAndSet(false, true)) {
                later.execute(() -> {
                    armed.set(false);
                    action.run();
                });
            }
        };
    }

    private void onUi(Runnable r) {
        try {
            ui.execute(r);
        } catch (RejectedExecutionException | IllegalStateException e) {
            closed = true; // the toolkit or the test's thread has gone: nobody is left to show the result
        }
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
        private boolean quiet;

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

        /** Not listed in the status bar: work the operator did not ask for, such as a screen reading again. */
        public Job<T> quiet() {
            this.quiet = true;
            return this;
        }

        /** Starts the work; returns the listed task, or null for a quiet one. */
        public Task<T> start() {
            if (closed) {
                return null;
            }
            if (quiet || !listed) {
                try {
                    workers.execute(this::runQuietly);
                } catch (RejectedExecutionException e) {
                    closed = true;
                }
                return null;
            }
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
                    if (e instanceof CancellationException) {
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
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                running.remove(task);
                closed = true;
            }
            return task;
        }

        private void runQuietly() {
            T result;
            try {
                result = work.apply(Progress.NONE);
            } catch (CancellationException e) {
                onUi(onCancelled);
                return;
            } catch (RuntimeException | Error e) {
                LOG.warn("Task '{}' failed", title, e);
                onUi(() -> onFailure.accept(e));
                return;
            }
            onUi(() -> onSuccess.accept(result));
        }
    }
}
