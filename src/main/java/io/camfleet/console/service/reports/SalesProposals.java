package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportKind;

/** The sales proposal. CONTRACT STUB: the sales helper replaces this file whole (constructor included). */
public final class SalesProposals implements ReportSource {

    @Override
    public ReportKind kind() {
        return ReportKind.SALES;
    }

    @Override
    public Built build(ReportOptions options, ReportProgress progress) {
        throw new UnsupportedOperationException("sales proposal: not yet built");
    }
}
