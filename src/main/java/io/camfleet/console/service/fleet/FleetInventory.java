package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fleet's inventory laid out for fast scans: sites in a stable order, and every camera at an index, grouped by
 * site, so that health can live in plain arrays indexed the same way.
 */
public final class FleetInventory {

    private final List<SiteProfile> profiles;
    private final CameraSystem[] cameras;
    private final int[] siteStart;
    private final Map<String, Integer> siteIndex;
    private final Map<String, Integer> cameraIndex;
    private final List<String> regions;
    private final List<String> customers;
    private final List<String> versions;
    private final List<String> environments;
    private final int orphanCameras;

    private FleetInventory(List<SiteProfile> profiles, CameraSystem[] cameras, int[] siteStart,
                           Map<String, Integer> siteIndex, Map<String, Integer> cameraIndex, int orphanCameras) {
        this.profiles = profiles;
        this.cameras = cameras;
        this.siteStart = siteStart;
        this.siteIndex = siteIndex;
        this.cameraIndex = cameraIndex;
        this.orphanCameras = orphanCameras;
        TreeSet<String> r = new TreeSet<>();
        TreeSet<String> c = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> v = new TreeSet<>(Comparator.comparing((String s) -> s, SiteProfile::compareVersions)
                .reversed());
        TreeSet<String> e = new TreeSet<>();
        for (SiteProfile p : profiles) {
            if (!p.site().region().isEmpty()) {
                r.add(p.site().region());
            }
            if (!p.site().customer().isEmpty()) {
                c.add(p.site().customer());
            }
            v.addAll(p.versions());
            if (!p.site().environment().isEmpty()) {
                e.add(p.site().environment());
            }
        }
        this.regions = List.copyOf(r);
        this.customers = List.copyOf(c);
        this.versions = List.copyOf(v);
        this.environments = List.copyOf(e);
    }

    public static final FleetInventory EMPTY = of(List.of(), List.of());

    /** Sites keep the order given; a camera whose site is unknown is left out and counted as an orphan. */
    public static FleetInventory of(List<Site> sites, List<CameraSystem> cameras) {
        Map<String, List<CameraSystem>> bySite = new LinkedHashMap<>();
        for (Site s : sites) {
            if (bySite.putIfAbsent(s.id(), new ArrayList<>()) != null) {
                throw new IllegalArgumentException("duplicate site id " + s.id());
            }
        }
        int orphans = 0;
        for (CameraSystem c : cameras) {
            List<CameraSystem> list = bySite.get(c.siteId());
            if (list == null) {
                orphans++;
            } else {
                list.add(c);
            }
        }
        List<SiteProfile> profiles = new ArrayList<>(sites.size());
        CameraSystem[] flat = new CameraSystem[cameras.size() - orphans];
        int[] start = new int[sites.size() + 1];
        Map<String, Integer> siteIndex = new HashMap<>(sites.size() * 2);
        Map<String, Integer> cameraIndex = new HashMap<>(cameras.size() * 2);
        Map<String, String> countryNames = new HashMap<>();
        int at = 0;
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            List<CameraSystem> list = bySite.get(s.id());
            list.sort(Comparator.comparing(CameraSystem::hostname).thenComparing(CameraSystem::id));
            start[i] = at;
            for (CameraSystem c : list) {
                if (cameraIndex.putIfAbsent(c.id(), at) != null) {
                    throw new IllegalArgumentException("duplicate camera id " + c.id());
                }
                flat[at++] = c;
            }
            siteIndex.put(s.id(), i);
            profiles.add(SiteProfile.of(s, list,
                    countryNames.computeIfAbsent(s.countryCode(), SiteProfile::countryName)));
        }
        start[sites.size()] = at;
        return new FleetInventory(List.copyOf(profiles), flat, start, siteIndex, cameraIndex, orphans);
    }

    /**
     * The same fleet with some cameras on other versions (by camera id; unknown ids are passed over). Only their
     * sites' profiles are rebuilt, and the layout is shared ({@link #sameSitesAs}), so that screens keep their rows.
     */
    public FleetInventory withVersions(Map<String, String> versionByCamera) {
        CameraSystem[] next = cameras.clone();
        Set<Integer> touched = new TreeSet<>();
        versionByCamera.forEach((cameraId, version) -> {
            Integer i = cameraIndex.get(cameraId);
            if (i != null && !next[i].softwareVersion().equals(version)) {
                next[i] = next[i].withSoftwareVersion(version);
                touched.add(siteIndex.get(next[i].siteId()));
            }
        });
        if (touched.isEmpty()) {
            return this;
        }
        List<SiteProfile> nextProfiles = new ArrayList<>(profiles);
        for (int s : touched) {
            SiteProfile p = profiles.get(s);
            nextProfiles.set(s, SiteProfile.of(p.site(), Arrays.asList(next).subList(siteStart[s], siteStart[s + 1]),
                    p.countryName()));
        }
        return new FleetInventory(List.copyOf(nextProfiles), next, siteStart, siteIndex, cameraIndex, orphanCameras);
    }

    /** Whether both list the same sites at the same indexes (one is the other with versions replaced). */
    public boolean sameSitesAs(FleetInventory other) {
        return other != null && other.siteIndex == siteIndex;
    }

    public List<SiteProfile> profiles() {
        return profiles;
    }

    public int siteCount() {
        return profiles.size();
    }

    public int cameraCount() {
        return cameras.length;
    }

    public CameraSystem camera(int index) {
        return cameras[index];
    }

    /** Cameras of site {@code i} sit at indexes {@code [firstCamera(i), firstCamera(i + 1))}. */
    public int firstCamera(int siteIndex) {
        return siteStart[siteIndex];
    }

    public int siteIndexOf(String siteId) {
        Integer i = siteIndex.get(siteId);
        return i == null ? -1 : i;
    }

    public int cameraIndexOf(String cameraId) {
        Integer i = cameraIndex.get(cameraId);
        return i == null ? -1 : i;
    }

    public int orphanCameras() {
        return orphanCameras;
    }

    public List<String> regions() {
        return regions;
    }

    public List<String> customers() {
        return customers;
    }

    /** Newest first. */
    public List<String> versions() {
        return versions;
    }

    /** Labels of the environments the sites were synced from, sorted; empty when no site names one. */
    public List<String> environments() {
        return environments;
    }
}
