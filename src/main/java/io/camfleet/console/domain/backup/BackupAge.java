package io.camfleet.console.domain.backup;

import java.time.Duration;

/** How old a backup is, as an operator reads it at a glance: minutes under two hours, hours under two days, days. */
public final class BackupAge {

    private BackupAge() {
    }

    public static String text(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 120) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return (minutes / 60) + " h";
        }
        return (minutes / (24 * 60)) + " d";
    }
}
