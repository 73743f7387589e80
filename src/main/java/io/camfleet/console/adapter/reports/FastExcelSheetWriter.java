package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.reports.ReportProgress;
import io.camfleet.console.service.reports.SheetWriter;

import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;

/** XLSX with fastexcel. CONTRACT STUB: the files helper replaces this file whole, keeping a no-arg constructor. */
public final class FastExcelSheetWriter implements SheetWriter {

    @Override
    public void write(List<Table> sheets, ZoneId zone, OutputStream out, ReportProgress progress) {
        throw new UnsupportedOperationException("XLSX: not yet built");
    }
}
