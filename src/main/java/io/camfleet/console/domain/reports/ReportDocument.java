package io.camfleet.console.domain.reports;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A report as a document, before it is any format: its cover and its sections. The PDF prints it with a table of
 * contents, bookmarks and page numbers; its tables are also what the CSV files and XLSX sheets hold.
 *
 * @param zone   the zone its times are printed in
 * @param footer printed at the foot of every page but the cover, left of the page number ("Confidential")
 */
public record ReportDocument(Cover cover, List<Section> sections, ZoneId zone, String footer) {

    public ReportDocument {
        Objects.requireNonNull(cover, "cover");
        sections = List.copyOf(sections);
        Objects.requireNonNull(zone, "zone");
        footer = footer == null ? "" : footer;
    }

    /** The tables of the sections marked for CSV, in order. */
    public List<Table> csvTables() {
        return sections.stream().filter(Section::csv).flatMap(s -> s.tables().stream()).toList();
    }
}
