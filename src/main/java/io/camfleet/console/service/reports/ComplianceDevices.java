package io.camfleet.console.service.reports;

import io.camfleet.console.domain.devices.Compliance;
import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Fact;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.devices.DevicesService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Section 3: the review devices as last synced, judged by the compliance rules now, as the devices screen and its
 * compliance export judge them.
 */
final class ComplianceDevices {

    private ComplianceDevices() {
    }

    static Section section(ComplianceContext c, Optional<DevicesService> devices) {
        boolean synced = devices.map(d -> d.cached().asOf() != null).orElse(false);
        List<JudgedDevice> judged = synced ? devices.get().judged() : List.of();
        List<Block> headline = new ArrayList<>();
        if (synced) {
            List<Fact> facts = new ArrayList<>();
            facts.add(c.fact("report.compliance.devices.count", judged.size()));
            facts.add(c.fact("report.compliance.devices.compliant",
                    judged.stream().filter(JudgedDevice::compliant).count()));
            facts.add(new Fact(c.t("report.compliance.devices.asOf"), devices.get().cached().asOf().toString()));
            Map<ComplianceRule, Integer> counts = Compliance.count(judged);
            counts.forEach((rule, n) -> facts.add(new Fact(c.t(rule.messageKey()), Integer.toString(n))));
            headline.add(new Block.Facts(facts));
        }
        Table table = new Table("devices", List.of(c.text("report.compliance.col.serial"),
                c.text("report.compliance.col.type"), c.text("report.compliance.col.model"),
                c.text("report.compliance.col.status"), c.text("report.compliance.col.reviewer"),
                c.text("report.compliance.col.orgUnit"), c.text("report.compliance.col.osVersion"),
                c.dateTime("report.compliance.col.lastSync"), c.date("report.compliance.col.autoUpdateEnd"),
                c.text("report.compliance.col.compliant"), c.text("report.compliance.col.rules")),
                ComplianceContext.rows(judged, j -> {
                    ReviewDevice d = j.device();
                    return ComplianceContext.row(d.serial(), d.type().name(), d.model(), d.status(), d.reviewer(),
                            d.orgUnit(), d.osVersion(), d.lastSync(), d.autoUpdateEnd(), c.yes(j.compliant()),
                            Arrays.stream(ComplianceRule.values()).filter(j::breaks).map(ComplianceRule::cliName)
                                    .collect(Collectors.joining(" ")));
                }),
                synced ? c.t("report.compliance.devices.summary",
                        judged.stream().filter(j -> !j.compliant()).count(), judged.size()) : "");
        return c.section("report.compliance.devices.title", "report.compliance.devices.about",
                synced ? null : c.t("report.compliance.devices.gap"), headline, List.of(table));
    }
}
