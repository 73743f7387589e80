package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;

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

    /**
     * Orders "6.10.0" after "6.9.2": parts split at '.' or '-' compare as numbers when both are numbers, as text
     * otherwise. Runs in hot loops (sorting releases of 100,000 cameras), so it parses by hand.
     */
    public static int compareVersions(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ie = partEnd(a, i);
            int je = partEnd(b, j);
            int c = comparePart(a, i, ie, b, j, je);
            if (c != 0) {
                return c;
            }
            i = ie + 1;
            j = je + 1;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int partEnd(String s, int from) {
        int k = from;
        while (k < s.length() && s.charAt(k) != '.' && s.charAt(k) != '-') {
            k++;
        }
        return k;
    }

    private static int comparePart(String a, int as, int ae, String b, int bs, int be) {
        if (isNumber(a, as, ae) && isNumber(b, bs, be)) {
            // Without leading zeros, a longer number is a bigger one; same length compares digit by digit.
            int al = ae - as - leadingZeros(a, as, ae);
            int bl = be - bs - leadingZeros(b, bs, be);
            if (al != bl) {
                return Integer.compare(al, bl);
            }
            return a.substring(ae - al, ae).compareTo(b.substring(be - bl, be));
        }
        return a.substring(as, ae).compareTo(b.substring(bs, be));
    }

    private static boolean isNumber(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int leadingZeros(String s, int from, int to) {
        int n = 0;
        while (from + n < to - 1 && s.charAt(from + n) == '0') {
            n++;
        }
        return n;
    }
}
