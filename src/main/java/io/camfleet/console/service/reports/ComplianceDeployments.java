package io.camfleet.console.service.reports;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ReleaseStore;
import io.camfleet.console.service.deploy.TargetRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 6: the deployments started in the period, from the deployment journal: what they shipped, who started
 * them, when they finished (the journal's transition to their final state) and how many cameras succeeded or failed.
 */
final class ComplianceDeployments {

    private ComplianceDeployments() {
    }

    private record Row(DeploymentRecord d, String kind, Instant finished, int targets, int succeeded, int failed) {
    }

    static Section section(ComplianceContext c, DeploymentJournal journal, ReleaseStore releases) {
        List<Row> rows = new ArrayList<>();
        for (DeploymentRecord d : journal.startedBetween(c.start(), c.end())) {
            List<TargetRecord> targets = journal.targets(d.id());
            Instant finished = null;
            if (d.state().isFinal()) {
                for (DeploymentJournal.Event e : journal.events(d.id())) {
                    if (e.cameraId().isEmpty() && e.to().equals(d.state().name())) {
                        finished = e.at();
                    }
                }
            }
            String kind = releases.find(d.releaseName(), d.releaseVersion()).map(Release::kind).map(Enum::name)
                    .orElse(c.t("report.compliance.unknown"));
            rows.add(new Row(d, kind, finished, targets.size(),
                    (int) targets.stream().filter(t -> t.state().isSuccess()).count(),
                    (int) targets.stream().filter(t -> t.state().isFailure()).count()));
        }
        long succeeded = rows.stream().filter(r -> r.d().state() == DeploymentState.SUCCEEDED).count();
        List<Block> headline = List.of(new Block.Facts(List.of(
                c.fact("report.compliance.deployments.count", rows.size()),
                c.fact("report.compliance.deployments.succeeded", succeeded),
                c.fact("report.compliance.deployments.other", rows.size() - succeeded))));
        Table table = new Table("deployments", List.of(c.text("report.compliance.col.deployment"),
                c.text("report.compliance.col.release"), c.text("report.compliance.col.kind"),
                c.text("report.compliance.col.executor"), c.dateTime("report.compliance.col.started"),
                c.dateTime("report.compliance.col.finished"), c.text("report.compliance.col.outcome"),
                c.text("report.compliance.col.operator"), c.integer("report.compliance.col.targets"),
                c.integer("report.compliance.col.succeeded"), c.integer("report.compliance.col.failed")),
                ComplianceContext.rows(rows, r -> ComplianceContext.row(r.d().id(),
                        r.d().releaseName() + " " + r.d().releaseVersion(), r.kind(), r.d().executor().name(),
                        r.d().createdAt(), r.finished(), r.d().state().name(), r.d().createdBy(), r.targets(),
                        r.succeeded(), r.failed())));
        return c.section("report.compliance.deployments.title", "report.compliance.deployments.about",
                rows.isEmpty() ? c.t("report.compliance.deployments.none") : null, headline, List.of(table));
    }
}
