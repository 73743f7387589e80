package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.HealthState;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the operator asked to see: search text (every word must match name, id, customer, country, region or a
 * camera id) and chips for health, region, customer, version and environment. An empty chip set means "any".
 *
 * @param environments labels of the environments sites were synced from ({@code Site.environment()})
 */
public record FleetFilter(String text, Set<HealthState> health, Set<String> regions, Set<String> customers,
                          Set<String> versions, Set<String> environments) {

    public static final FleetFilter ALL = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public FleetFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        health = health.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(health));
        regions = Set.copyOf(regions);
        customers = Set.copyOf(customers);
        versions = Set.copyOf(versions);
        environments = Set.copyOf(environments);
    }

    public boolean isEmpty() {
        return text.isEmpty() && health.isEmpty() && regions.isEmpty() && customers.isEmpty() && versions.isEmpty()
                && environments.isEmpty();
    }

    /** A reusable matcher: splits the search text once, not once per site. */
    public Matcher matcher() {
        String[] terms = text.isEmpty() ? new String[0] : text.split("\\s+");
        return new Matcher(this, terms);
    }

    public boolean matches(SiteSummary s) {
        return matcher().test(s);
    }

    /** The sites of {@code snapshot} that pass, as indexes into {@code snapshot.sites()}. Pure; any thread. */
    public int[] apply(FleetSnapshot snapshot) {
        List<SiteSummary> sites = snapshot.sites();
        int[] out = new int[sites.size()];
        if (isEmpty()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = i;
            }
            return out;
        }
        Matcher m = matcher();
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (m.test(sites.get(i))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** A filter compiled for a scan over many sites. */
    public static final class Matcher {
        private final FleetFilter f;
        private final String[] terms;

        private Matcher(FleetFilter f, String[] terms) {
            this.f = f;
            this.terms = terms;
        }

        public boolean test(SiteSummary s) {
            SiteProfile p = s.profile();
            if (!f.health.isEmpty() && !f.health.contains(s.health().state())) {
                return false;
            }
            if (!f.regions.isEmpty() && !f.regions.contains(p.site().region())) {
                return false;
            }
            if (!f.customers.isEmpty() && !f.customers.contains(p.site().customer())) {
                return false;
            }
            if (!f.versions.isEmpty() && p.versions().stream().noneMatch(f.versions::contains)) {
                return false;
            }
            if (!f.environments.isEmpty() && !f.environments.contains(p.site().environment())) {
                return false;
            }
            String hay = p.searchText();
            for (String t : terms) {
                if (!hay.contains(t)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "Matcher" + Arrays.toString(terms);
        }
    }
}
