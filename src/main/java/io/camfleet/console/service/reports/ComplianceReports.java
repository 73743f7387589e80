package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportKind;

/** The compliance report. CONTRACT STUB: the compliance helper replaces this file whole (constructor included). */
public final class ComplianceReports implements ReportSource {

    @Override
    public ReportKind kind() {
        return ReportKind.COMPLIANCE;
    }

    @Override
    public Built build(ReportOptions options, ReportProgress progress) {
        throw new UnsupportedOperationException("compliance report: not yet built");
    }
}
