package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Table;

import java.util.List;

/**
 * Gathers what one kind of report says, from the console's services, as a document; formats and files are the
 * {@link ReportService}'s business.
 */
public interface ReportSource {

    ReportKind kind();

    /**
     * @throws io.camfleet.console.service.common.Problem with a sentence for the operator when the options cannot
     *                                                    make a report (a bad price list, naming its line; an empty
     *                                                    period)
     * @throws java.util.concurrent.CancellationException when {@code progress} says cancelled
     */
    Built build(ReportOptions options, ReportProgress progress);

    /**
     * @param sheets the tables also written as an XLSX beside the PDF (the sales quote), or none
     */
    record Built(ReportDocument document, List<Table> sheets) {
        public Built {
            sheets = List.copyOf(sheets);
        }
    }
}
