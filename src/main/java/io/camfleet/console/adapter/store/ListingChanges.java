package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * From the devices the cache held to a new listing: which rows to write, and the STATE lines each device's history
 * gets (status, reviewer, org unit, OS version changed; a device appeared or vanished), by "sync". Only what differs
 * is written: most devices are as the last sync left them, and H2 slows down on transactions of tens of thousands of
 * rows.
 *
 * @param added   listed, not held
 * @param changed listed and held, with any field different
 * @param gone    the ids held and not listed, in order
 */
record ListingChanges(List<ReviewDevice> added, List<ReviewDevice> changed, List<String> gone,
                      List<DeviceEvent> events) {

    private static final String SYNC = "sync";

    static ListingChanges between(Map<String, ReviewDevice> held, Map<String, ReviewDevice> listed, Instant at) {
        List<ReviewDevice> added = new ArrayList<>();
        List<ReviewDevice> changed = new ArrayList<>();
        List<DeviceEvent> events = new ArrayList<>();
        for (ReviewDevice d : listed.values()) {
            ReviewDevice was = held.get(d.id());
            if (was == null) {
                added.add(d);
                events.add(state(d.id(), at, "appeared", "", d.status()));
                continue;
            }
            if (!was.equals(d)) {
                changed.add(d);
            }
            change(events, d.id(), at, "status", was.status(), d.status());
            change(events, d.id(), at, "reviewer", was.reviewer(), d.reviewer());
            change(events, d.id(), at, "orgUnit", was.orgUnit(), d.orgUnit());
            change(events, d.id(), at, "osVersion", was.osVersion(), d.osVersion());
        }
        List<String> gone = held.keySet().stream().filter(id -> !listed.containsKey(id)).sorted().toList();
        for (String id : gone) {
            events.add(state(id, at, "vanished", held.get(id).status(), ""));
        }
        return new ListingChanges(added, changed, gone, events);
    }

    private static void change(List<DeviceEvent> out, String id, Instant at, String what, String before,
                               String after) {
        if (!before.equals(after)) {
            out.add(state(id, at, what, before, after));
        }
    }

    private static DeviceEvent state(String id, Instant at, String what, String before, String after) {
        return new DeviceEvent(id, at, DeviceEvent.Kind.STATE, what, before, after, SYNC, "");
    }
}
