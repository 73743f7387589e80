package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.devices.Compliance;
import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.CachedDevices;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code camfleet devices list}: the devices with their compliance, as a table or as JSON. */
final class DeviceTable {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DeviceTable() {
    }

    /**
     * The header (where from, as of, how many comply), the count per rule over all devices, then one row per device
     * shown.
     */
    static void text(Messages m, CachedDevices cached, List<JudgedDevice> all, List<JudgedDevice> shown,
                     PrintWriter out) {
        long compliant = all.stream().filter(JudgedDevice::compliant).count();
        out.println(m.text("devices.cli.header", cached.source(),
                cached.asOf().truncatedTo(ChronoUnit.SECONDS).toString(), all.size(), compliant));
        Map<ComplianceRule, Integer> counts = Compliance.count(all);
        out.println(m.text("devices.cli.counts", Arrays.stream(ComplianceRule.values())
                .map(r -> r.cliName() + " " + counts.getOrDefault(r, 0)).collect(Collectors.joining(" · "))));
        if (shown.size() != all.size()) {
            out.println(m.text("devices.cli.shown", shown.size()));
        }
        out.println();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERIAL", "TYPE", "STATUS", "REVIEWER", "ORG UNIT", "OS", "LAST SYNC", "BREAKS"));
        for (JudgedDevice j : shown) {
            ReviewDevice d = j.device();
            rows.add(List.of(d.serial(), d.type().name(), d.status(), dash(d.reviewer()), dash(d.orgUnit()),
                    dash(d.osVersion()), d.lastSync() == null ? "never" : MINUTE.format(d.lastSync()), rules(j)));
        }
        // each column as wide as its widest cell, so that a long email does not push the others out of line
        int[] width = new int[rows.getFirst().size()];
        rows.forEach(r -> {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        });
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                line.append(c == width.length - 1 ? r.get(c) : String.format(Locale.ROOT, "%-" + width[c] + "s  ",
                        r.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String json(CachedDevices cached, List<JudgedDevice> shown) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("source", cached.source());
        root.put("asOf", text(cached.asOf()));
        root.put("count", shown.size());
        ArrayNode list = root.putArray("devices");
        for (JudgedDevice j : shown) {
            ReviewDevice d = j.device();
            ObjectNode o = list.addObject();
            o.put("id", d.id()).put("type", d.type().name()).put("serial", d.serial()).put("model", d.model())
                    .put("status", d.status()).put("reviewer", d.reviewer()).put("location", d.location())
                    .put("assetId", d.assetId()).put("orgUnit", d.orgUnit()).put("osVersion", d.osVersion())
                    .put("lastSync", text(d.lastSync()))
                    .put("autoUpdateEnd", d.autoUpdateEnd() == null ? null : d.autoUpdateEnd().toString())
                    .put("lastEnrollment", text(d.lastEnrollment())).put("notes", d.notes());
            ArrayNode users = o.putArray("recentUsers");
            d.recentUsers().forEach(users::add);
            ArrayNode rules = o.putArray("breaks");
            sorted(j).forEach(r -> rules.add(r.cliName()));
        }
        return root.toPrettyString();
    }

    private static List<ComplianceRule> sorted(JudgedDevice j) {
        return Arrays.stream(ComplianceRule.values()).filter(j::breaks).toList();
    }

    private static String rules(JudgedDevice j) {
        return j.compliant() ? "-" : sorted(j).stream().map(ComplianceRule::cliName).collect(Collectors.joining(","));
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
