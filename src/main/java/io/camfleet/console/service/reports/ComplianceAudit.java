package io.camfleet.console.service.reports;

import io.camfleet.console.domain.audit.AuditAnchor;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.audit.AuditVerification;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Fact;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.audit.AuditAnchorStore;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.AuditTrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sections 8 and 9: the audit trail's events in the period, and the chain verified as {@code camfleet audit verify}
 * verifies it (the whole trail against the data folder's key and anchor), with the head and the anchor that vouch for
 * it, so that an auditor can check the extract against the chain.
 */
final class ComplianceAudit {

    private ComplianceAudit() {
    }

    static Section extract(ComplianceContext c, AuditService audit) {
        List<AuditEvent> events = new ArrayList<>();
        audit.walk(e -> {
            if (c.inPeriod(e.at())) {
                events.add(e);
            }
            return true;
        });
        long failed = events.stream().filter(e -> e.outcome() != AuditOutcome.SUCCEEDED).count();
        List<Block> headline = List.of(new Block.Facts(List.of(c.fact("report.compliance.audit.events", events.size()),
                c.fact("report.compliance.audit.notSucceeded", failed))));
        Table table = new Table("audit-extract", List.of(c.integer("report.compliance.col.seq"),
                c.dateTime("report.compliance.col.time"), c.text("report.compliance.col.operator"),
                c.text("report.compliance.col.action"), c.text("report.compliance.col.target"),
                c.text("report.compliance.col.outcome")),
                ComplianceContext.rows(events, e -> ComplianceContext.row(e.seq(), e.at(), e.actor(), e.action(),
                        e.target(), e.outcome().name())));
        return c.section("report.compliance.audit.title", "report.compliance.audit.about",
                events.isEmpty() ? c.t("report.compliance.audit.none") : null, headline, List.of(table));
    }

    static Section chain(ComplianceContext c, AuditService audit, AuditTrail trail, AuditAnchorStore anchors) {
        AuditVerification v = audit.verify();
        String sentence = v.intact() ? c.t("report.compliance.chain.passed", v.checked())
                : c.t(v.firstBroken() > 0 ? "audit.verify.broken" : "audit.verify.brokenFiles",
                v.firstBroken() > 0 ? new Object[] {v.firstBroken(), c.m().text(v), v.checked()}
                        : new Object[] {c.m().text(v)});
        AuditTrail.Head head = trail.head();
        Optional<AuditAnchor.Head> anchored = audit.anchoredHead();
        List<Fact> facts = new ArrayList<>();
        facts.add(c.fact("report.compliance.chain.result", c.t(v.intact() ? "report.compliance.chain.intact"
                : "report.compliance.chain.broken")));
        facts.add(c.fact("report.compliance.chain.headHash", head.hash() == null ? "-" : head.hash()));
        facts.add(c.fact("report.compliance.chain.headSeq", head.seq()));
        facts.add(c.fact("report.compliance.chain.anchorWhere", anchors.location()));
        facts.add(c.fact("report.compliance.chain.anchorHead", anchored.map(a -> c.t(
                "report.compliance.chain.anchorHead.value", a.seq(), a.at().toString(), a.hash()))
                .orElse(c.t("report.compliance.chain.anchorNone"))));
        facts.add(c.fact("report.compliance.chain.checked", v.checked()));
        if (v.unkeyed() > 0) {
            facts.add(c.fact("report.compliance.chain.unkeyed", c.t("audit.verify.unkeyed", v.unkeyed())));
        }
        for (AuditVerification.EarlierTrail t : v.earlierTrails()) {
            facts.add(c.fact("report.compliance.chain.earlier", t.movedAside() + " (" + t.at() + ")"));
        }
        Table table = new Table("audit-chain", List.of(c.text("report.compliance.col.check"),
                c.text("report.compliance.col.value")),
                ComplianceContext.rows(facts, f -> ComplianceContext.row(f.label(), f.value())));
        return c.section("report.compliance.chain.title", "report.compliance.chain.about", null,
                List.of(new Block.Verdict(v.intact(), sentence), new Block.Facts(facts)), List.of(table));
    }
}
