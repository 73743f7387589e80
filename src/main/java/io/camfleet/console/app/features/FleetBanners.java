package io.camfleet.console.app.features;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetEvent;
import io.camfleet.console.service.fleet.FleetWatch;
import io.camfleet.console.service.fleet.RegistryRejected;
import io.camfleet.console.service.fleet.RowError;
import io.camfleet.console.ui.shell.Banner;
import io.camfleet.console.ui.shell.ShellViewModel;
import javafx.application.Platform;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the fleet's watch tells the operator across the top of the window: a sync failed, partly, or works again. */
final class FleetBanners {

    /** Banners about the fleet source replace each other. */
    static final String SOURCE_TOPIC = "fleet-source";
    /** Bad rows of a rejected registry listed on the banner; `camfleet import` lists them all. */
    private static final int BANNER_ROWS = 12;

    private final ShellViewModel shell;
    private final FleetWatch watch;
    private final Messages m;
    private final DateTimeFormatter asOfFormat;

    FleetBanners(ShellViewModel shell, FleetWatch watch, Messages messages, ZoneId zone) {
        this.shell = shell;
        this.watch = watch;
        this.m = messages;
        this.asOfFormat = DateTimeFormatter.ofPattern("d MMM HH:mm", messages.locale()).withZone(zone);
        watch.onEvent(e -> Platform.runLater(() -> show(e)));
    }

    private void show(FleetEvent event) {
        switch (event) {
            case FleetEvent.SyncFailed failed -> failed(failed);
            case FleetEvent.SyncPartly partly -> partly(partly.problems());
            case FleetEvent.SyncRecovered r -> shell.clearBanner(SOURCE_TOPIC);
            case FleetEvent.SourceSwitched s -> shell.clearBanner(SOURCE_TOPIC);
            case FleetEvent.SwitchRefused refused -> shell.addBanner(new Banner(Banner.Kind.DANGER,
                    m.text("banner.sourceFailed.title"), reason(refused.cause()), SOURCE_TOPIC, "", null));
            case FleetEvent.HealthChanged h -> { }
            case FleetEvent.VersionChanged v -> { }
        }
    }

    /** Part of the source could not be read: a warning naming each part. */
    private void partly(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem p : problems) {
            text.append(text.isEmpty() ? "" : "\n").append(m.text(p));
        }
        shell.addBanner(new Banner(Banner.Kind.WARNING, m.text("banner.sourcePartly.title"), text.toString(),
                SOURCE_TOPIC, m.text("banner.retry"), watch::sync));
    }

    /** A load failed: the window goes on with what the cache holds, and says as of when, and why. */
    private void failed(FleetEvent.SyncFailed failed) {
        Throwable e = failed.cause();
        String reason = e instanceof Problem p ? m.text(p) : m.text("banner.loadFailed", String.valueOf(e.getMessage()));
        if (e instanceof RegistryRejected rejected) {
            // Every bad row, as the CLI lists them: a registry is fixed row by row.
            StringBuilder rows = new StringBuilder(reason);
            List<RowError> errors = rejected.errors();
            errors.stream().limit(BANNER_ROWS).forEach(row -> rows.append("\n").append(row.text(m)));
            if (errors.size() > BANNER_ROWS) {
                rows.append("\n").append(m.text("banner.moreRows", errors.size() - BANNER_ROWS));
            }
            reason = rows.toString();
        }
        String text = failed.asOf() == null ? m.text("banner.sourceFailed.never", reason)
                : m.text("banner.sourceFailed.asOf", asOfFormat.format(failed.asOf()), reason);
        shell.addBanner(new Banner(Banner.Kind.DANGER, m.text("banner.sourceFailed.title"), text, SOURCE_TOPIC,
                failed.retryable() ? m.text("banner.retry") : "", watch::sync));
    }

    private String reason(Throwable e) {
        return e instanceof Problem p ? m.text(p) : String.valueOf(e.getMessage());
    }
}
