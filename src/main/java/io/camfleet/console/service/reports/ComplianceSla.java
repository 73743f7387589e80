package io.camfleet.console.service.reports;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.AvailabilityCalculator;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.fleet.SiteProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Section 4: SLA attainment over the period (up to now, for a period that has not ended), per site and summed per
 * region, by the site-down rule and targets in force, which the section prints. A site's tier is met when its uptime
 * over the observed time reaches its tier's target; a site with no data in the period is not judged.
 */
final class ComplianceSla {

    private ComplianceSla() {
    }

    static Section section(ComplianceContext c, Optional<AvailabilityFigures> figures) {
        Instant end = c.end().isAfter(c.now()) ? c.now() : c.end();
        List<Availability> sites = new ArrayList<>();
        if (figures.isPresent() && end.isAfter(c.start())) {
            figures.get().by(Grouping.SITE, new Period(c.start(), end)).stream()
                    .filter(a -> a.observedSeconds() > 0).forEach(sites::add);
        }
        Map<String, Site> byId = new HashMap<>();
        for (SiteProfile p : c.fleet().profiles()) {
            byId.put(p.site().id(), p.site());
        }
        String gap = figures.isEmpty() ? c.t("report.compliance.sla.gap")
                : !end.isAfter(c.start()) ? c.t("report.compliance.sla.notStarted")
                : sites.isEmpty() ? c.t("report.compliance.sla.noData") : null;
        List<Block> headline = new ArrayList<>();
        List<Availability> regions = new ArrayList<>();
        if (figures.isPresent()) {
            SiteDownRule rule = figures.get().rule();
            headline.add(new Block.Paragraph(c.t("report.compliance.sla.rule",
                    c.t(rule.messageKey(), rule.threshold()))));
        }
        if (gap == null) {
            Map<String, List<Availability>> byRegion = new TreeMap<>();
            sites.forEach(a -> byRegion.computeIfAbsent(region(byId.get(a.subject())), k -> new ArrayList<>()).add(a));
            Period period = new Period(c.start(), end);
            byRegion.forEach((region, members) -> regions.add(AvailabilityCalculator.sum(Grouping.REGION, region,
                    period, members)));
            long met = sites.stream().filter(Availability::metTarget).count();
            headline.add(new Block.Verdict(met == sites.size(),
                    c.t("report.compliance.sla.verdict", met, sites.size())));
        }
        Table perSite = new Table("sla", List.of(c.text("report.compliance.col.site"),
                c.text("report.compliance.col.name"), c.text("report.compliance.col.region"),
                c.text("report.compliance.col.tier"), c.percent("report.compliance.col.target"),
                c.percent("report.compliance.col.uptime"), c.integer("report.compliance.col.downtimeMinutes"),
                c.integer("report.compliance.col.incidents"), c.text("report.compliance.col.tierMet")),
                ComplianceContext.rows(sites, a -> {
                    Site s = byId.get(a.subject());
                    return ComplianceContext.row(a.subject(), s == null ? "" : s.name(), region(s),
                            s == null ? "" : s.slaTier().name(), a.targetPercent(), a.uptimePercent(),
                            a.downSeconds() / 60, a.incidents(), c.yes(a.metTarget()));
                }));
        Table perRegion = new Table("sla-regions", List.of(c.text("report.compliance.col.region"),
                c.percent("report.compliance.col.target"), c.percent("report.compliance.col.uptime"),
                c.integer("report.compliance.col.downtimeMinutes"), c.integer("report.compliance.col.incidents"),
                c.text("report.compliance.col.tierMet")),
                ComplianceContext.rows(regions, a -> ComplianceContext.row(a.subject(), a.targetPercent(),
                        a.uptimePercent(), a.downSeconds() / 60, a.incidents(), c.yes(a.metTarget()))));
        return c.section("report.compliance.sla.title", "report.compliance.sla.about", gap, headline,
                List.of(perRegion, perSite));
    }

    private static String region(Site s) {
        return s == null || s.region().isBlank() ? "-" : s.region();
    }
}
