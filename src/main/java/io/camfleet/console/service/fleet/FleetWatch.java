package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fleet kept up to date for everyone who watches it: loaded at start, synced again every {@link #SYNC_EVERY}
 * from a remote source, moved on by the live feed's ticks, and switched to another source when Settings say so.
 * Publishes every snapshot and what changed between them as {@link FleetEvent}s. The window shows what it publishes;
 * it owns none of this work.
 *
 * <p>Safe to call from any thread. Subscribers are called on the thread that produced the news (a worker, the
 * ticker) and must hand work to their own thread; one that throws is logged and the others still hear.
 */
public final class FleetWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetWatch.class);

    /** How often a remote source (AWS) is synced again while the fleet is watched. */
    public static final Duration SYNC_EVERY = Duration.ofMinutes(5);

    /** What a background load does, for its title. */
    public enum Load { START, SYNC, SWITCH }

    /** Runs a load in the background: the window as a task with progress and Cancel, tests on an executor. */
    @FunctionalInterface
    public interface Loads {
        /**
         * Runs {@code work} off the caller's thread, then calls {@code done} with its result, or with its failure
         * ({@link CancellationException} when the operator cancelled it).
         */
        <T> void run(Load load, String source, Function<Progress, T> work, BiConsumer<T, Throwable> done);

        /** Runs loads on {@code executor}, with no progress shown. */
        static Loads on(Executor executor) {
            return new Loads() {
                @Override
                public <T> void run(Load load, String source, Function<Progress, T> work,
                                    BiConsumer<T, Throwable> done) {
                    executor.execute(() -> {
                        T result;
                        try {
                            result = work.apply(Progress.NONE);
                        } catch (RuntimeException e) {
                            done.accept(null, e);
                            return;
                        }
                        done.accept(result, null);
                    });
                }
            };
        }
    }

    private final Loads loads;
    private final ScheduledExecutorService ticker;
    private final Duration syncEvery;
    private final List<Consumer<FleetSnapshot>> snapshotSubscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<FleetEvent>> eventSubscribers = new CopyOnWriteArrayList<>();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private Consumer<FleetSnapshot> onSnapshot;
    private FleetService fleet;
    private FleetSnapshot last;
    private boolean loading;
    /** The last sync failed or was partial: the next full one is news. */
    private boolean troubled;
    private boolean closed;

    public FleetWatch(Loads loads, ScheduledExecutorService ticker) {
        this(loads, ticker, SYNC_EVERY);
    }

    FleetWatch(Loads loads, ScheduledExecutorService ticker, Duration syncEvery) {
        this.loads = loads;
        this.ticker = ticker;
        this.syncEvery = syncEvery;
    }

    /** Every snapshot from now on, the newest last. */
    public void subscribe(Consumer<FleetSnapshot> snapshots) {
        snapshotSubscribers.add(snapshots);
    }

    /** Every change from now on. */
    public void onEvent(Consumer<FleetEvent> events) {
        eventSubscribers.add(events);
    }

    /** The fleet watched now, or null before the first {@link #watch}. */
    public synchronized FleetService fleet() {
        return fleet;
    }

    /** Watches {@code next} from now on: the old fleet stops ticking and syncing, the new one loads. */
    public void watch(FleetService next) {
        String from;
        synchronized (this) {
            if (closed) {
                return;
            }
            from = fleet == null ? null : fleet.sourceName();
            stop();
            fleet = next;
            last = null;
            troubled = false;
            loading = false;
            onSnapshot = snapshot -> published(next, snapshot);
            next.addListener(onSnapshot);
            long every = next.pollInterval().toMillis();
            if (every > 0) {
                scheduled.add(ticker.scheduleWithFixedDelay(() -> tick(next), every, every, TimeUnit.MILLISECONDS));
            }
            if (!next.isLocal()) {
                long sync = syncEvery.toMillis();
                scheduled.add(ticker.scheduleWithFixedDelay(this::sync, sync, sync, TimeUnit.MILLISECONDS));
            }
        }
        if (from != null) {
            publish(new FleetEvent.SourceSwitched(from, next.sourceName()));
        }
        load(true);
    }

    /**
     * Builds the fleet of another source in the background (AWS clients take a moment) and watches it; when it
     * cannot be built, says so and goes on with the one it has.
     */
    public void switchTo(String source, Supplier<FleetService> build) {
        loads.run(Load.SWITCH, source, progress -> build.get(), (next, error) -> {
            if (error != null) {
                if (!(error instanceof CancellationException)) {
                    publish(new FleetEvent.SwitchRefused(error));
                }
            } else {
                watch(next);
            }
        });
    }

    /** Syncs the fleet with its source again now (Retry); nothing when a load is already under way. */
    public void sync() {
        load(false);
    }

    private void load(boolean start) {
        FleetService f;
        synchronized (this) {
            if (loading || closed || fleet == null) {
                return;
            }
            loading = true;
            f = fleet;
        }
        loads.run(start ? Load.START : Load.SYNC, f.sourceName(),
                progress -> start ? f.start(progress) : f.reload(progress), (snapshot, error) -> loaded(f, error));
    }

    private void loaded(FleetService f, Throwable error) {
        FleetEvent news;
        synchronized (this) {
            if (f != fleet) {
                return; // a switch came in between: this fleet is nobody's any more
            }
            loading = false;
            if (closed || error instanceof CancellationException) {
                return;
            }
            List<Problem> problems = error == null ? f.sourceProblems() : List.of();
            boolean wasTroubled = troubled;
            troubled = error != null || !problems.isEmpty();
            if (error != null) {
                news = new FleetEvent.SyncFailed(f.sourceName(), error, f.current().asOf(), !f.isLocal());
            } else if (!problems.isEmpty()) {
                news = new FleetEvent.SyncPartly(f.sourceName(), problems);
            } else {
                news = wasTroubled ? new FleetEvent.SyncRecovered(f.sourceName()) : null;
            }
        }
        if (news != null) {
            publish(news);
        }
    }

    /** One beat of the live feed; a failing beat is logged and the next one tries again. */
    void tick(FleetService f) {
        try {
            f.tick();
        } catch (RuntimeException e) {
            LOG.warn("Live update failed; will try again", e);
        }
    }

    /** Called by the watched fleet service, under its lock, for every snapshot it publishes. */
    private void published(FleetService from, FleetSnapshot now) {
        List<FleetEvent> news = new ArrayList<>(2);
        synchronized (this) {
            if (closed || from != fleet) {
                return; // a tick of the fleet watched before a switch, finishing late
            }
            FleetSnapshot was = last;
            last = now;
            if (was != null && was.cameraCount() > 0) {
                compare(was, now, news);
            }
        }
        for (Consumer<FleetSnapshot> s : snapshotSubscribers) {
            deliver(s, now);
        }
        news.forEach(this::publish);
    }

    private static void compare(FleetSnapshot was, FleetSnapshot now, List<FleetEvent> news) {
        List<HealthChange> health = new ArrayList<>();
        List<FleetEvent.VersionChange> versions = new ArrayList<>();
        FleetInventory inv = now.inventory();
        boolean same = inv == was.inventory();
        Map<String, Integer> before = same ? Map.of() : indexById(was.inventory());
        for (int i = 0; i < inv.cameraCount(); i++) {
            var camera = inv.camera(i);
            int j = same ? i : before.getOrDefault(camera.id(), -1);
            if (j < 0) {
                continue; // new to the fleet: not a change of anything
            }
            HealthState from = was.healthOf(j);
            HealthState to = now.healthOf(i);
            if (from != to) {
                health.add(new HealthChange(camera.id(), from, to, now.healthSinceOf(i)));
            }
            String oldVersion = was.inventory().camera(j).softwareVersion();
            if (!same && !oldVersion.equals(camera.softwareVersion())) {
                versions.add(new FleetEvent.VersionChange(camera.id(), oldVersion, camera.softwareVersion()));
            }
        }
        if (!health.isEmpty()) {
            news.add(new FleetEvent.HealthChanged(health));
        }
        if (!versions.isEmpty()) {
            news.add(new FleetEvent.VersionChanged(versions));
        }
    }

    private static Map<String, Integer> indexById(FleetInventory inv) {
        Map<String, Integer> out = new HashMap<>(inv.cameraCount() * 2);
        for (int i = 0; i < inv.cameraCount(); i++) {
            out.put(inv.camera(i).id(), i);
        }
        return out;
    }

    private void publish(FleetEvent event) {
        for (Consumer<FleetEvent> s : eventSubscribers) {
            deliver(s, event);
        }
    }

    private static <T> void deliver(Consumer<T> subscriber, T news) {
        try {
            subscriber.accept(news);
        } catch (RuntimeException e) {
            LOG.error("A subscriber of the fleet failed on {}; the others still hear", news, e);
        }
    }

    private void stop() {
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
        if (fleet != null) {
            fleet.removeListener(onSnapshot);
        }
    }

    /** Stops ticking, syncing and publishing; loads under way finish and change nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
