package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Problem;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report saved under a name, to be produced again by {@code camfleet report run NAME} (from cron, say): its options
 * with a period relative to the day it runs and an output path in which {@code {date}} stands for that day.
 *
 * @param out       an absolute path pattern, as {@code /srv/reports/compliance-{date}.pdf}
 * @param priceList a price list file, or blank for the one in the settings
 */
public record SavedReport(String name, ReportKind kind, ReportPeriod period, List<String> regions, String prospect,
                          List<String> scopeSites, String priceList, String out) {

    /** The longest name: it is typed on command lines and crontabs. */
    public static final int MAX_NAME = 60;

    public SavedReport {
        checkName(name);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        regions = regions == null ? List.of() : List.copyOf(regions);
        prospect = prospect == null ? "" : prospect.strip();
        scopeSites = scopeSites == null ? List.of() : List.copyOf(scopeSites);
        priceList = priceList == null ? "" : priceList.strip();
        if (out == null || out.isBlank()) {
            throw Problem.badInput("report.saved.noOut", name);
        }
    }

    /**
     * @throws Problem (bad input) with a sentence when {@code name} is empty, too long, holds a path separator or a
     *                 control character, or is {@code .} or {@code ..}: the name is shown in lists and typed in shells
     */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw Problem.badInput("report.saved.noName");
        }
        if (name.length() > MAX_NAME || name.contains("/") || name.contains("\\") || name.equals(".")
                || name.equals("..") || name.chars().anyMatch(Character::isISOControl) || !name.equals(name.strip())) {
            throw Problem.badInput("report.saved.badName", name, MAX_NAME);
        }
        return name;
    }

    /** The options it stands for when run on {@code today}. */
    public ReportOptions options(LocalDate today) {
        return new ReportOptions(kind, period.from(today), period.to(today), regions, prospect, scopeSites,
                priceList.isEmpty() ? Optional.empty() : Optional.of(Path.of(priceList)),
                Path.of(out.replace("{date}", today.toString())));
    }
}
