package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.reports.ReportProgress;
import io.camfleet.console.service.reports.SheetWriter;
import org.dhatim.fastexcel.Workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * XLSX with fastexcel, streamed: a sheet's rows go to the file every {@value #CHUNK} rows, so 100,000 rows never sit
 * in memory at once. One sheet per table, named after it; the header row bold, frozen and with an autofilter; cells
 * typed by their column's kind (see {@link XlsxSheet}).
 *
 * <p>PERCENT is stored as a fraction with a percent format: 99.97 % is the number 0.9997 shown as "99.97 %", so that a
 * formula compares it with a target the way a spreadsheet user writes one ({@code =C2>=99.9%}) and the "%" button
 * keeps it as it is. The CSV of the same table writes 99.97, the figure as the report prints it.
 */
public final class FastExcelSheetWriter implements SheetWriter {

    /** Rows between two flushes, progress reports and cancellation checks. */
    static final int CHUNK = 2_000;

    private final Messages words = new Messages(Locale.ROOT);

    public FastExcelSheetWriter() {
        // the composition root and the benchmark make one; nothing to configure
    }

    /** Leaves {@code out} open (the caller owns it). A cancellation stops it between two chunks of rows. */
    @Override
    public void write(List<Table> sheets, ZoneId zone, OutputStream out, ReportProgress progress) throws IOException {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("A workbook needs at least one table");
        }
        Set<String> names = new HashSet<>();
        for (Table t : sheets) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("Two tables are named " + t.name() + ": a sheet name is unique");
            }
        }
        Workbook book = new Workbook(out, "CamFleet Console", "1.0");
        // The fastest deflate: some 20 % less CPU than fastexcel's default (4) for a file some 20 % larger.
        book.setCompressionLevel(1);
        for (int i = 0; i < sheets.size(); i++) {
            Table table = sheets.get(i);
            progress.checkCancelled();
            int index = i;
            long total = table.rows() instanceof Collection<?> c ? c.size() : -1;
            new XlsxSheet(book.newWorksheet(table.name()), table, zone).write(rows -> {
                progress.progress(words.text("report.files.xlsxProgress", index + 1, sheets.size(), table.name(),
                        rows), fraction(index, sheets.size(), rows, total));
                progress.checkCancelled();
            });
        }
        book.finish();
        out.flush();
        progress.progress(words.text("report.files.xlsxDone", sheets.size()), 1);
    }

    /** How far, 0..1: by rows when the table knows how many it holds, by sheets otherwise. */
    static double fraction(int sheet, int sheets, long rowsDone, long rowsTotal) {
        double within = rowsTotal > 0 ? Math.min(1.0, (double) rowsDone / rowsTotal) : 0;
        return (sheet + within) / Math.max(1, sheets);
    }
}
