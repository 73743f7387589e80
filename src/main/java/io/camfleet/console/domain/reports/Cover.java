package io.camfleet.console.domain.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The first page of a report.
 *
 * @param preparedFor the prospect (sales) or the audience ("Internal audit"), printed as "Prepared for"
 * @param facts       a few lines under the title ("Period 2026-09-01 to 2026-11-30")
 */
public record Cover(String title, String subtitle, String preparedFor, String author, LocalDate date,
                    Branding branding, List<Fact> facts) {

    public Cover {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        preparedFor = preparedFor == null ? "" : preparedFor;
        author = author == null ? "" : author;
        Objects.requireNonNull(date, "date");
        branding = branding == null ? Branding.DEFAULT : branding;
        facts = List.copyOf(facts);
    }
}
