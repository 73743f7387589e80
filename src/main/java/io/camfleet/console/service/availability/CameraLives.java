package io.camfleet.console.service.availability;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.fleet.FleetInventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cameras figures are computed for, numbered: the fleet's own, at their inventory index, then those that left the
 * fleet during the period, after them, so that a site's figures keep the history of a camera removed since. Each with
 * its life in the fleet, in plain arrays.
 */
final class CameraLives {

    private final FleetInventory inventory;
    private final long[] firstSeen;
    private final long[] lastSeen;
    private final List<String> goneIds = new ArrayList<>();
    private final Map<String, Integer> goneIndex = new HashMap<>();
    private final int[][] bySite;

    private CameraLives(FleetInventory inventory, long[] firstSeen, long[] lastSeen, List<String> goneIds,
                        List<Integer> goneSites) {
        this.inventory = inventory;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        int n = inventory.cameraCount();
        for (int i = 0; i < goneIds.size(); i++) {
            this.goneIds.add(goneIds.get(i));
            goneIndex.put(goneIds.get(i), n + i);
        }
        int[] extra = new int[inventory.siteCount()];
        for (int site : goneSites) {
            extra[site]++;
        }
        bySite = new int[inventory.siteCount()][];
        for (int s = 0; s < bySite.length; s++) {
            int from = inventory.firstCamera(s);
            int to = inventory.firstCamera(s + 1);
            bySite[s] = new int[to - from + extra[s]];
            for (int c = from; c < to; c++) {
                bySite[s][c - from] = c;
            }
            extra[s] = to - from;
        }
        for (int i = 0; i < goneSites.size(); i++) {
            int s = goneSites.get(i);
            bySite[s][extra[s]++] = n + i;
        }
    }

    /**
     * The fleet's cameras with their lives (a camera with none, from a cache older than the history, counts from the
     * start of time: the time with data bounds it), and the cameras gone from it whose life overlaps {@code period}.
     */
    static CameraLives read(HealthHistory history, FleetInventory inventory, Period period) {
        int n = inventory.cameraCount();
        long[] first = new long[n];
        long[] last = new long[n];
        Arrays.fill(last, HealthHistory.OPEN);
        List<String> goneIds = new ArrayList<>();
        List<Integer> goneSites = new ArrayList<>();
        List<long[]> goneLives = new ArrayList<>();
        long from = period.from().getEpochSecond();
        long to = period.to().getEpochSecond();
        history.lives((cameraId, siteId, firstSeen, lastSeen) -> {
            int i = inventory.cameraIndexOf(cameraId);
            if (i >= 0) {
                first[i] = firstSeen;
                last[i] = HealthHistory.OPEN; // in the fleet now, whatever an earlier leaving said
                return;
            }
            int site = inventory.siteIndexOf(siteId);
            if (site >= 0 && lastSeen != HealthHistory.OPEN && lastSeen > from && firstSeen < to) {
                goneIds.add(cameraId);
                goneSites.add(site);
                goneLives.add(new long[] {firstSeen, lastSeen});
            }
        });
        long[] allFirst = Arrays.copyOf(first, n + goneIds.size());
        long[] allLast = Arrays.copyOf(last, n + goneIds.size());
        for (int i = 0; i < goneLives.size(); i++) {
            allFirst[n + i] = goneLives.get(i)[0];
            allLast[n + i] = goneLives.get(i)[1];
        }
        return new CameraLives(inventory, allFirst, allLast, goneIds, goneSites);
    }

    int size() {
        return firstSeen.length;
    }

    /** The number of a camera, or -1 when it is neither in the fleet nor counted as gone. */
    int indexOf(String cameraId) {
        int i = inventory.cameraIndexOf(cameraId);
        return i >= 0 ? i : goneIndex.getOrDefault(cameraId, -1);
    }

    int[] camerasOf(int siteIndex) {
        return bySite[siteIndex];
    }

    String id(int camera) {
        int n = inventory.cameraCount();
        return camera < n ? inventory.camera(camera).id() : goneIds.get(camera - n);
    }

    Instant firstSeen(int camera) {
        return Instant.ofEpochSecond(firstSeen[camera]);
    }

    /** When the camera left the fleet, or null while it is in it. */
    Instant lastSeen(int camera) {
        return lastSeen[camera] == HealthHistory.OPEN ? null : Instant.ofEpochSecond(lastSeen[camera]);
    }
}
