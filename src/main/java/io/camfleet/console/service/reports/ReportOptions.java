package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportKind;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one report is asked for; saved as it is for a scheduled report.
 *
 * @param from       first day of the period, inclusive (the compliance report's; the sales proposal reports the 90
 *                   days and 12 months up to {@code to})
 * @param to         last day of the period, inclusive
 * @param regions    the regions covered (map regions and availability), empty for all
 * @param prospect   the sales proposal's prospect; blank otherwise
 * @param scopeSites the site ids proposed for deployment (sales); empty for none
 * @param priceList  the price list the quote is computed from (sales); empty for the one in the settings
 * @param out        the file to write: the PDF (its companions are written beside it), or the ZIP of an evidence pack
 */
public record ReportOptions(ReportKind kind, LocalDate from, LocalDate to, List<String> regions, String prospect,
                            List<String> scopeSites, Optional<Path> priceList, Path out) {

    public ReportOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        regions = regions == null ? List.of() : List.copyOf(regions);
        prospect = prospect == null ? "" : prospect.strip();
        scopeSites = scopeSites == null ? List.of() : List.copyOf(scopeSites);
        priceList = priceList == null ? Optional.empty() : priceList;
        Objects.requireNonNull(out, "out");
    }
}
