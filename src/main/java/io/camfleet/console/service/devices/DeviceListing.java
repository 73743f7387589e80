package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Every page of every type of device, as one list. A device listed twice (the listing shifts when devices come or
 * go between pages) is kept once, as listed last; a device gone between pages is simply not there. The Android
 * listing is optional: a directory that refuses it (no mobile scope, no mobile management) holds none.
 */
final class DeviceListing {

    /** ChromeOS and mobile listings allow at most these page sizes. */
    static final int CHROMEOS_PAGE = 300;
    static final int ANDROID_PAGE = 100;

    final Map<String, ReviewDevice> byId = new LinkedHashMap<>();
    final Map<DeviceType, Integer> perType = new EnumMap<>(DeviceType.class);
    int calls;
    int duplicates;

    private DeviceListing() {
    }

    /**
     * @throws Problem {@code devices.syncFailed} naming the type and the page when a page cannot be listed
     * @throws CancellationException once {@code progress} is cancelled, between pages
     */
    static DeviceListing list(DeviceDirectory directory, DeviceSettings settings, Progress progress) {
        DeviceListing listing = new DeviceListing();
        listing.type(directory, DeviceType.CHROMEOS, new DeviceQuery(settings.orgUnit(), "", CHROMEOS_PAGE),
                progress);
        if (mobileAllowed(settings)) {
            listing.type(directory, DeviceType.ANDROID, new DeviceQuery("", "", ANDROID_PAGE), progress);
        } else {
            listing.perType.put(DeviceType.ANDROID, 0);
        }
        return listing;
    }

    List<ReviewDevice> devices() {
        return new ArrayList<>(byId.values());
    }

    private void type(DeviceDirectory directory, DeviceType type, DeviceQuery query, Progress progress) {
        String token = null;
        Set<String> tokens = new HashSet<>();
        int page = 0;
        int count = 0;
        do {
            progress.checkCancelled();
            DevicePage p;
            try {
                p = directory.list(type, query, token);
            } catch (CancellationException e) {
                throw e;
            } catch (Problem e) {
                if (type == DeviceType.ANDROID && page == 0 && refusal(e)) {
                    perType.put(type, 0);
                    return;
                }
                throw new Problem(e, "devices.syncFailed", label(type), page + 1, e.getMessage());
            } catch (RuntimeException e) {
                throw new Problem(e, "devices.syncFailed", label(type), page + 1, String.valueOf(e.getMessage()));
            }
            page++;
            calls += p.calls();
            for (ReviewDevice d : p.devices()) {
                if (d.type() != type) {
                    continue;
                }
                // Removed first, so that the device takes the place it was listed at last.
                if (byId.remove(d.id()) != null) {
                    duplicates++;
                } else {
                    count++;
                }
                byId.put(d.id(), d);
            }
            progress.update(String.format(Locale.ROOT, "%s devices: page %d, %,d listed", label(type), page, count),
                    byId.size(), -1);
            token = p.nextPageToken() == null || p.nextPageToken().isEmpty() ? null : p.nextPageToken();
            if (token != null && !tokens.add(token)) {
                throw new Problem("devices.syncLoop", label(type));
            }
        } while (token != null);
        perType.put(type, count);
    }

    /** The mobile listing is asked for only with a mobile scope (or no scopes listed, as the demo has). */
    private static boolean mobileAllowed(DeviceSettings settings) {
        return settings.scopes().isEmpty()
                || settings.scopes().stream().anyMatch(s -> s.startsWith(DeviceSettings.MOBILE_SCOPE));
    }

    /**
     * Whether a failed Android listing means the directory holds none for us: a refusal (a 403: no mobile scope or
     * role, mobile management off), told by the problem's key ({@code devices.google.denied.mobile}); a rate limit
     * given up on or a network down is a failure.
     */
    static boolean refusal(Problem e) {
        String k = e.key().toLowerCase(Locale.ROOT);
        return k.contains("denied") || k.contains("forbidden") || k.contains("notauthorized");
    }

    static String label(DeviceType type) {
        return type == DeviceType.CHROMEOS ? "ChromeOS" : "Android";
    }
}
