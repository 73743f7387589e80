package io.camfleet.console.service.reports;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The regions and sites a proposal names, checked against the fleet: an unknown one is named, never skipped. */
final class SalesScope {

    private SalesScope() {
    }

    /**
     * The regions asked for, in the fleet's own spelling (matched ignoring case), without repeats.
     *
     * @throws Problem (bad input) naming the first region the fleet does not have, and the ones it has
     */
    static List<String> regions(FleetSnapshot fleet, List<String> asked) {
        Map<String, String> known = fleet.inventory().regions().stream()
                .collect(Collectors.toMap(r -> r.toUpperCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String region : asked) {
            if (region == null || region.isBlank()) {
                continue;
            }
            String own = known.get(region.strip().toUpperCase(Locale.ROOT));
            if (own == null) {
                throw Problem.badInput("report.sales.unknownRegion", region.strip(),
                        String.join(", ", fleet.inventory().regions()));
            }
            out.add(own);
        }
        return List.copyOf(out);
    }

    /**
     * The sites of these ids, in the order given, without repeats.
     *
     * @param unknownKey the message naming an id the fleet does not have
     */
    static List<SiteSummary> sites(FleetSnapshot fleet, List<String> ids, String unknownKey) {
        List<SiteSummary> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (id == null || id.isBlank()) {
                continue;
            }
            SiteSummary site = fleet.site(id.strip());
            if (site == null) {
                throw Problem.badInput(unknownKey, id.strip());
            }
            out.add(site);
        }
        return out;
    }
}
