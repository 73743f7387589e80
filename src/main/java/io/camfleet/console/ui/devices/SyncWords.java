package io.camfleet.console.ui.devices;

import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.SyncReport;

import java.util.stream.Collectors;

/** A sync's report as the one sentence the screen shows: devices per type, calls, duration, what was provisioned. */
final class SyncWords {

    private SyncWords() {
    }

    static String report(Messages m, SyncReport r) {
        String provisioned = r.provisioned().isEmpty() ? m.text("devicesView.synced.noneProvisioned")
                : String.join(", ", r.provisioned());
        String sentence = m.text("devicesView.synced", r.count(DeviceType.CHROMEOS), r.count(DeviceType.ANDROID),
                r.calls(), seconds(r.duration()), r.events(), provisioned);
        if (!r.provisioningFailures().isEmpty()) {
            sentence += " " + m.text("devicesView.synced.provisioningFailed", r.provisioningFailures().size(),
                    r.provisioningFailures().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
        for (var w : r.warnings()) {
            sentence += " " + m.text(w);
        }
        return sentence;
    }

    /** "0.4 s", "12 s", "2 min 5 s". */
    static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }
}
