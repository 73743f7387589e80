package io.camfleet.console.ui.common;

import io.camfleet.console.service.common.Messages;

import java.time.Duration;
import java.time.Instant;

/** "just now", "25 s ago", "2 min ago", "3 h ago", "4 d ago", "never". */
public final class RelativeTime {

    private RelativeTime() {
    }

    public static String format(Instant then, Instant now, Messages messages) {
        if (then == null) {
            return messages.text("time.never");
        }
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 5) {
            return messages.text("time.justNow");
        }
        if (s < 60) {
            return messages.text("time.secondsAgo", s);
        }
        if (s < 3600) {
            return messages.text("time.minutesAgo", s / 60);
        }
        if (s < 86_400) {
            return messages.text("time.hoursAgo", s / 3600);
        }
        return messages.text("time.daysAgo", s / 86_400);
    }
}
