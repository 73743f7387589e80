package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertRules;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.fleet.FleetSnapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong now, by alert key, as each feed last said: the fleet (sites down, cameras degraded), the burn rates,
 * and the latched ones (a failed deployment, a stale sync) that only an explicit sign clears. Knows whether an open
 * alert's condition is over: for the fleet and the burn rates, once their feed has spoken since the start and no
 * longer names it. Not thread-safe: the service guards it.
 */
final class Conditions {

    private Map<String, Condition> fleet = Map.of();
    private boolean fleetHeard;
    private Map<String, Condition> burn = Map.of();
    private boolean burnHeard;
    private final Map<String, Condition> latched = new HashMap<>();
    private final Set<String> latchedCleared = new HashSet<>();

    /** The fleet's conditions from a live snapshot; one seen before keeps its start. */
    void fleet(FleetSnapshot snapshot, SiteDownRule rule) {
        fleet = FleetConditions.of(snapshot, rule, fleet);
        fleetHeard = true;
    }

    /** Another source: nothing is known of its fleet until its first snapshot. */
    void forgetFleet() {
        fleet = Map.of();
        fleetHeard = false;
    }

    /** The burn-rate conditions of this tick; one seen before keeps its start. */
    void burn(Map<String, Condition> now) {
        Map<String, Condition> next = new HashMap<>();
        now.forEach((key, c) -> {
            Condition was = burn.get(key);
            next.put(key, was == null ? c : c.since(was.since()));
        });
        burn = next;
        burnHeard = true;
    }

    void hold(Condition c) {
        Condition was = latched.get(c.key());
        latched.put(c.key(), was == null ? c : c.since(was.since()));
        latchedCleared.remove(c.key());
    }

    /** The sign that a latched condition is over. */
    void clear(String key) {
        if (latched.remove(key) != null) {
            latchedCleared.add(key);
        }
    }

    Condition held(String key) {
        return latched.get(key);
    }

    Map<String, Condition> active() {
        Map<String, Condition> all = new HashMap<>(fleet);
        all.putAll(burn);
        all.putAll(latched);
        return all;
    }

    /** Whether the condition of open alert {@code a}, absent from {@link #active()}, is known to be over. */
    boolean over(Alert a) {
        if (AlertRules.latched(a.kind())) {
            return latchedCleared.contains(a.key());
        }
        return switch (a.kind()) {
            case SITE_OFFLINE, CAMERA_DEGRADED -> fleetHeard;
            case BUDGET_BURN_FAST, BUDGET_BURN_SLOW -> burnHeard;
            case DEPLOYMENT_FAILED, SYNC_STALE -> false;
        };
    }

    void resolved(Alert a) {
        latchedCleared.remove(a.key());
    }
}
