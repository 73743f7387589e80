package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.SiteSummary;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cameras a deployment targets, from the fleet: those of the sites a filter passes, or of a selection. Each comes
 * with where it is reached and its site's maintenance window in the site's own time zone.
 *
 * @param plan       in fleet order (sites sorted as the snapshot has them)
 * @param placements by camera id
 */
public record DeploymentTargets(List<PlanTarget> plan, Map<String, Rollout.Placement> placements) {

    /** The filter that targets the whole fleet: it must be said. */
    public static final String ALL = "all";

    /**
     * A filter as pipelines write it: words to search for, and {@code key:value} chips for {@code health},
     * {@code region}, {@code customer}, {@code version} and {@code environment}, e.g.
     * {@code "customer:Northwind version:6.4.2 amsterdam"}. Several values of one key widen it; keys narrow. The
     * whole fleet is {@code all}, said alone: an empty filter, or a key with no value, is a mistake that would
     * otherwise reach every camera.
     *
     * @throws Problem (BAD_INPUT) for an empty filter, a key it does not know or with no value, or a health state
     *                 that does not exist
     */
    public static FleetFilter parseFilter(String text) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty()) {
            throw Problem.badInput("deploy.filterEmpty");
        }
        if (given.equalsIgnoreCase(ALL)) {
            return FleetFilter.ALL;
        }
        List<String> words = new ArrayList<>();
        Set<HealthState> health = new HashSet<>();
        Map<String, Set<String>> chips = new LinkedHashMap<>();
        for (String key : List.of("region", "customer", "version", "environment")) {
            chips.put(key, new HashSet<>());
        }
        for (String token : given.split("\\s+")) {
            int colon = token.indexOf(':');
            if (token.equalsIgnoreCase(ALL)) {
                throw Problem.badInput("deploy.filterAllAlone", given);
            }
            if (colon <= 0) {
                words.add(token);
                continue;
            }
            String key = token.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = token.substring(colon + 1).replace('_', ' ');
            if (!key.equals("health") && !chips.containsKey(key)) {
                throw Problem.badInput("deploy.filterKey", key);
            }
            if (value.isBlank()) {
                throw Problem.badInput("deploy.filterEmptyValue", key);
            }
            if (key.equals("health")) {
                try {
                    health.add(HealthState.valueOf(value.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw Problem.badInput("deploy.filterHealth", value);
                }
            } else {
                chips.get(key).add(value);
            }
        }
        return new FleetFilter(String.join(" ", words), health, chips.get("region"), chips.get("customer"),
                chips.get("version"), chips.get("environment"));
    }

    /**
     * The cameras of the sites {@code filter} passes; with {@code versions}, only cameras on one of them.
     *
     * @throws Problem (BAD_INPUT) naming a site whose maintenance window cannot be read: a window misread would
     *                 let a rollout touch cameras when it must not
     */
    public static DeploymentTargets of(FleetSnapshot fleet, FleetFilter filter) {
        List<PlanTarget> plan = new ArrayList<>();
        Map<String, Rollout.Placement> placements = new LinkedHashMap<>();
        for (int i : filter.apply(fleet)) {
            SiteSummary s = fleet.sites().get(i);
            Site site = s.site();
            MaintenanceWindow window;
            try {
                window = MaintenanceWindow.parse(site.maintenanceWindow());
            } catch (IllegalArgumentException e) {
                throw Problem.badInput("deploy.badWindow", site.name(), site.id(), e.getMessage());
            }
            ZoneId zone = zone(site.timeZone());
            for (CameraSystem c : s.profile().cameras()) {
                if (!filter.versions().isEmpty() && !filter.versions().contains(c.softwareVersion())) {
                    continue;
                }
                plan.add(PlanTarget.of(c, site));
                placements.put(c.id(), new Rollout.Placement(new Target(c.id(), c.siteId(), c.sshAddress(),
                        c.jumpHost(), c.ssmNodeId()), window, zone));
            }
        }
        return new DeploymentTargets(List.copyOf(plan), placements);
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
