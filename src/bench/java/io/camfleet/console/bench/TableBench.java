package io.camfleet.console.bench;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.fleettable.FleetTableView;
import io.camfleet.console.ui.fleettable.FleetTableViewModel;
import io.camfleet.console.ui.common.sitedetail.SiteDetailView;
import io.camfleet.console.ui.common.sitedetail.SiteDetailViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code table}: one keystroke in the fleet table's search box at 100,000 camera systems (20,000 sites), from the
 * key to the table re-laid-out with the matching rows: filter off the FX thread, one setAll, sort, layout.
 * Target: median under 50 ms.
 */
public final class TableBench {

    private static final String[] TYPED = {"rotterdam", "contoso retail", "cam-us0", "logistics", "india", "6.3",
            "gate", "northwind", "tokyo", "data center"};

    private TableBench() {
    }

    public static void run() throws Exception {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        FleetData data = new DemoFleetSource(20_000, 42).load(now, Progress.NONE);
        Bench.note("table: " + data.sites().size() + " sites, " + data.cameras().size() + " cameras");
        FleetService fleet = Fleets.uncached(new TestFleetSource("Demo fleet", at -> data), clock);
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-filter");
            t.setDaemon(true);
            return t;
        });
        FleetModel model = new FleetModel(Platform::runLater, background);
        fleet.addListener(model);

        CountDownLatch shown = new CountDownLatch(1);
        Scene[] scene = new Scene[1];
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Messages messages = new Messages(Locale.ENGLISH);
            FleetTableView view = new FleetTableView(new FleetTableViewModel(model),
                    new SiteDetailView(new SiteDetailViewModel(model), messages), messages);
            scene[0] = new Scene((Parent) view.root(), 1600, 1000);
            scene[0].getStylesheets().add(HealthStyle.stylesheet());
            Stage stage = new Stage();
            stage.setScene(scene[0]);
            stage.show();
            shown.countDown();
        });
        shown.await();
        fleet.reload(Progress.NONE);
        awaitVisible(model, scene[0], "");

        // Filter alone, for reference: the scan over the snapshot, no UI.
        FleetSnapshot snap = fleet.current();
        double[] scan = new double[200];
        for (int i = -100; i < scan.length; i++) {
            FleetFilter f = new FleetFilter(TYPED[Math.floorMod(i, TYPED.length)], Set.of(), Set.of(), Set.of(),
                    Set.of(), Set.of());
            long t0 = System.nanoTime();
            f.apply(snap);
            if (i >= 0) {
                scan[i] = (System.nanoTime() - t0) / 1e6;
            }
        }

        // Keystrokes: type each query a letter at a time, then clear it, as an operator would.
        int warm = 40;
        double[] keys = new double[TYPED.length * 16];
        int n = 0;
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (String q : TYPED) {
                for (int i = 1; i <= q.length() + 1; i++) {
                    String text = i <= q.length() ? q.substring(0, i) : "";
                    double ms = keystroke(model, scene[0], text);
                    if (k++ >= warm && n < keys.length) {
                        keys[n++] = ms;
                    }
                }
            }
        }
        double[] measured = java.util.Arrays.copyOf(keys, n);
        Bench.report("table", "keystroke_filter_median", Bench.median(measured), "ms");
        Bench.report("table", "keystroke_filter_p95", Bench.percentile(measured, 95), "ms");
        Bench.report("table", "filter_scan_only_median", Bench.median(scan), "ms");
        Platform.runLater(Platform::exit);
        background.shutdownNow();
    }

    /** Sets the search text on the FX thread and waits until the table shows the result, laid out. */
    private static double keystroke(FleetModel model, Scene scene, String text) throws InterruptedException {
        AtomicLong start = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong end = new AtomicLong();
        Platform.runLater(() -> {
            ChangeListener<FleetModel.Visible> onResult = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends FleetModel.Visible> o,
                                    FleetModel.Visible a, FleetModel.Visible v) {
                    if (v.filter().text().equals(text.strip().toLowerCase(Locale.ROOT))) {
                        model.visibleProperty().removeListener(this);
                        // The listeners that fill the table run before this one returns; lay the scene out now,
                        // as the next pulse would.
                        Platform.runLater(() -> {
                            scene.getRoot().applyCss();
                            scene.getRoot().layout();
                            end.set(System.nanoTime());
                            done.countDown();
                        });
                    }
                }
            };
            model.visibleProperty().addListener(onResult);
            start.set(System.nanoTime());
            model.searchTextProperty().set(text);
        });
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the table never showed the result for '" + text + "'");
        }
        return (end.get() - start.get()) / 1e6;
    }

    private static void awaitVisible(FleetModel model, Scene scene, String text) throws InterruptedException {
        CountDownLatch ok = new CountDownLatch(1);
        Thread poll = new Thread(() -> {
            while (true) {
                CountDownLatch step = new CountDownLatch(1);
                boolean[] ready = new boolean[1];
                Platform.runLater(() -> {
                    ready[0] = model.visibleProperty().get().size() == model.snapshot().siteCount()
                            && model.snapshot().siteCount() > 0;
                    step.countDown();
                });
                try {
                    step.await();
                    if (ready[0]) {
                        ok.countDown();
                        return;
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poll.setDaemon(true);
        poll.start();
        ok.await(60, TimeUnit.SECONDS);
    }
}
