package io.camfleet.console.ui.deploy;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentService;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A target's full log as the screen shows it: each transition with its time and why (what the table's Last output
 * says, and all that came before), then what its commands printed.
 */
final class TargetLogText {

    private TargetLogText() {
    }

    static String of(DeploymentService.TargetLog log, Messages m, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", m.locale()).withZone(zone);
        List<String> lines = new ArrayList<>();
        for (DeploymentJournal.Event e : log.transitions()) {
            String detail = e.detail() == null || e.detail().isBlank() ? "" : "  " + e.detail();
            lines.add(m.text("deploy.log.transition", time.format(e.at()), state(m, e.from()), state(m, e.to()),
                    detail));
        }
        if (!log.output().isEmpty()) {
            if (!lines.isEmpty()) {
                lines.add("");
                lines.add(m.text("deploy.log.output"));
            }
            lines.addAll(log.output());
        }
        return String.join("\n", lines);
    }

    private static String state(Messages m, String name) {
        String key = "deploy.target." + name;
        return m.has(key) ? m.text(key) : name;
    }
}
