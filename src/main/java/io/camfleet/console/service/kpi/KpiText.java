package io.camfleet.console.service.kpi;

import io.camfleet.console.service.common.Messages;

import java.time.Duration;
import java.util.Locale;

/** KPI figures as people read them, the same on the dashboard and on the terminal. */
public final class KpiText {

    private final Messages m;

    public KpiText(Messages messages) {
        this.m = messages;
    }

    /** The two largest units that matter: "5 d 15 h", "2 h 15 min", "6 min", "45 s"; "–" for none. */
    public String duration(Duration d) {
        if (d == null) {
            return m.text("kpi.none");
        }
        long s = d.toSeconds();
        if (s < 60) {
            return m.text("kpi.duration.s", s);
        }
        if (s < 3600) {
            return m.text("kpi.duration.min", s / 60);
        }
        if (s < 86_400) {
            return m.text("kpi.duration.hMin", s / 3600, s % 3600 / 60);
        }
        return m.text("kpi.duration.dH", s / 86_400, s % 86_400 / 3600);
    }

    /** "median 2 h 15 min, p90 4 h" or "none in the period". */
    public String spread(Spread s) {
        return s.isEmpty() ? m.text("kpi.spread.none")
                : m.text("kpi.spread", duration(s.median()), duration(s.p90()));
    }

    /** Uptime to three decimals, as the SLA is written (99.990 %); "no data" when nothing was observed. */
    public String uptime(double percent) {
        return Double.isNaN(percent) ? m.text("kpi.noData") : String.format(Locale.ROOT, "%.3f %%", percent);
    }

    public String percent(double percent) {
        return Double.isNaN(percent) ? m.text("kpi.none") : String.format(Locale.ROOT, "%.1f %%", percent);
    }

    public String rate(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
