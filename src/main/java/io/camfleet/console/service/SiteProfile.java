package io.camfleet.console.service;

import io.camfleet.console.domain.CameraSystem;
import io.camfleet.console.domain.Site;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What does not change between health updates: the site, its cameras, the versions and images they run, and the
 * lower-case text the search box matches against.
 */
public record SiteProfile(Site site, List<CameraSystem> cameras, String countryName, List<String> versions,
                          List<String> images, String searchText) {

    public static SiteProfile of(Site site, List<CameraSystem> cameras) {
        return of(site, cameras, countryName(site.countryCode()));
    }

    /** With the country's name already looked up: building many profiles, look each country up once. */
    public static SiteProfile of(Site site, List<CameraSystem> cameras, String countryName) {
        TreeSet<String> versions = new TreeSet<>(SiteProfile::compareVersions);
        TreeSet<String> images = new TreeSet<>();
        StringBuilder search = new StringBuilder(128);
        search.append(site.name()).append('\u0001').append(site.id()).append('\u0001').append(site.customer())
                .append('\u0001').append(site.countryCode()).append('\u0001').append(countryName)
                .append('\u0001').append(site.region());
        for (CameraSystem c : cameras) {
            if (!c.softwareVersion().isEmpty()) {
                versions.add(c.softwareVersion());
            }
            if (!c.image().isEmpty()) {
                images.add(c.image());
            }
            search.append('\u0001').append(c.id());
            if (!c.hostname().equals(c.id())) {
                search.append('\u0001').append(c.hostname());
            }
        }
        return new SiteProfile(site, List.copyOf(cameras), countryName, List.copyOf(versions),
                List.copyOf(images), search.toString().toLowerCase(Locale.ROOT));
    }

    public String id() {
        return site.id();
    }

    /** English country name for an ISO code, or the code itself when Java does not know it. */
    public static String countryName(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    /** Orders "6.10.0" after "6.9.2": numeric parts compare as numbers. */
    public static int compareVersions(String a, String b) {
        String[] pa = a.split("[.\\-]");
        String[] pb = b.split("[.\\-]");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = comparePart(pa[i], pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static int comparePart(String a, String b) {
        boolean na = !a.isEmpty() && a.chars().allMatch(Character::isDigit) && a.length() < 10;
        boolean nb = !b.isEmpty() && b.chars().allMatch(Character::isDigit) && b.length() < 10;
        if (na && nb) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
