package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The compliance report for a period: nine sections (patches and findings, image age, review devices, SLA attainment,
 * config backups, deployments, P1 and P2 tickets, the audit extract, the audit chain's verification), each with its
 * tables (one CSV each). A section whose source is not configured is still there, saying so over an empty table: an
 * auditor must see the gap. The fleet is read once; tables iterate what their section read, never copying it.
 */
public final class ComplianceReports implements ReportSource {

    private final ComplianceSources sources;
    private final Messages messages;
    private final Clock clock;

    /** One section: its name in the message keys ({@code report.compliance.NAME.title}) and how it is gathered. */
    private record Step(String name, Function<ComplianceContext, Section> section) {
    }

    public ComplianceReports(ComplianceSources sources, Messages messages, Clock clock) {
        this.sources = sources;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.COMPLIANCE;
    }

    /**
     * @throws Problem (bad input) when the period ends before it starts, or starts after today (UTC)
     */
    @Override
    public Built build(ReportOptions options, ReportProgress progress) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (options.to().isBefore(options.from())) {
            throw Problem.badInput("report.compliance.badPeriod", options.from().toString(), options.to().toString());
        }
        if (options.from().isAfter(today)) {
            throw Problem.badInput("report.compliance.futurePeriod", options.from().toString(), today.toString());
        }
        progress.checkCancelled();
        ComplianceContext c = ComplianceContext.of(messages, options.from(), options.to(), now, sources.fleet().get());
        List<Step> steps = List.of(
                new Step("patches", x -> CompliancePatches.section(x, sources.findings().get(),
                        sources.patches().get())),
                new Step("images", x -> ComplianceImages.section(x, sources.estate().get(),
                        sources.environments().get())),
                new Step("devices", x -> ComplianceDevices.section(x, sources.devices().get())),
                new Step("sla", x -> ComplianceSla.section(x, sources.availability().apply(x.fleet()))),
                new Step("backups", x -> ComplianceBackups.section(x, sources.backups().get())),
                new Step("deployments", x -> ComplianceDeployments.section(x, sources.journal(),
                        sources.releases())),
                new Step("tickets", x -> ComplianceTickets.section(x, sources.tickets().get())),
                new Step("audit", x -> ComplianceAudit.extract(x, sources.audit())),
                new Step("chain", x -> ComplianceAudit.chain(x, sources.audit(), sources.trail(),
                        sources.anchors())));
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            progress.checkCancelled();
            progress.progress(c.t("report.compliance.progress", i + 1, steps.size(),
                    c.t("report.compliance." + steps.get(i).name() + ".title")), (double) i / steps.size());
            sections.add(steps.get(i).section().apply(c));
        }
        progress.checkCancelled();
        ReportDocument document = new ReportDocument(ComplianceCover.cover(c, sources, sources.settings().get()),
                sections, ZoneOffset.UTC, c.t("report.compliance.footer"));
        progress.progress(c.t("report.compliance.gathered"), 1.0);
        return new Built(document, List.of());
    }
}
