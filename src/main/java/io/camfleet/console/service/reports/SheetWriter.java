package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.Table;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes tables as an XLSX workbook, one sheet per table named after it, streamed. Cells are typed by their column's
 * kind: numbers stay numbers, money and percentages are numbers with a format, dates are dates. A text cell a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a CR) gets a leading {@code '}.
 */
public interface SheetWriter {

    /** @param zone the zone DATETIME values are written in */
    void write(List<Table> sheets, ZoneId zone, OutputStream out, ReportProgress progress) throws IOException;
}
