package io.camfleet.console.cli;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.SafeCsv;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Availability figures as the terminal shows them, or as CSV for a spreadsheet. */
final class AvailabilityTable {

    private static final String[] COLUMNS = {"subject", "uptime", "downtime", "incidents", "budgetLeft", "target",
            "noData", "maintenance", "cameraLost"};

    private AvailabilityTable() {
    }

    static void text(List<Availability> rows, Messages m, PrintWriter out) {
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            header[i] = m.text("availability.column." + COLUMNS[i]);
        }
        cells.add(header);
        for (Availability a : rows) {
            cells.add(new String[] {a.subject(), percent(a), minutes(a.downSeconds()),
                    Integer.toString(a.incidents()), budgetLeft(a), String.format(Locale.ROOT, "%.2f %%",
                    a.targetPercent()), duration(a.noDataSeconds()), minutes(a.maintenanceSeconds()),
                    minutes(a.cameraSecondsLost())});
        }
        int[] width = new int[COLUMNS.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // The subject reads left to right; the figures line up on their right.
                line.append(i == 0 ? pad(row[i], width[i], false) : "  " + pad(row[i], width[i], true));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static void csv(List<Availability> rows, Messages m, PrintWriter out) {
        out.println("subject,uptime_percent,downtime_seconds,incidents,budget_left_seconds,target_percent,"
                + "observed_seconds,no_data_seconds,maintenance_seconds,camera_seconds_lost");
        for (Availability a : rows) {
            // SafeCsv neutralises a subject a spreadsheet would run as a formula; figures stay numbers (a budget
            // overspent is negative, and must not read as a formula to neutralise).
            out.println(SafeCsv.line(java.util.Arrays.asList(a.subject(),
                    a.observedSeconds() > 0 ? String.format(Locale.ROOT, "%.6f", a.uptimePercent()) : null,
                    a.downSeconds(), a.incidents(), a.budgetLeftSeconds(),
                    String.format(Locale.ROOT, "%.4f", a.targetPercent()), a.observedSeconds(), a.noDataSeconds(),
                    a.maintenanceSeconds(), a.cameraSecondsLost())));
        }
    }

    private static String percent(Availability a) {
        return a.observedSeconds() <= 0 ? "-" : String.format(Locale.ROOT, "%.4f %%", a.uptimePercent());
    }

    private static String budgetLeft(Availability a) {
        if (a.observedSeconds() <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%s (%.0f %%)", minutes(a.budgetLeftSeconds()),
                100 * a.budgetLeftFraction());
    }

    static String minutes(long seconds) {
        return String.format(Locale.ROOT, "%,.1f min", seconds / 60.0);
    }

    /** "-" for none, minutes under two hours, hours beyond: "no data 3 h" reads at a glance. */
    static String duration(long seconds) {
        if (seconds <= 0) {
            return "-";
        }
        if (seconds < 2 * 3600) {
            return String.format(Locale.ROOT, "%d min", Math.round(seconds / 60.0));
        }
        return String.format(Locale.ROOT, "%,.1f h", seconds / 3600.0);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
