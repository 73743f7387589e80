package io.camfleet.console.service.devices;

import java.util.Objects;

/**
 * What a listing asks the directory for.
 *
 * @param orgUnit       ChromeOS {@code orgUnitPath} ("" for the whole customer); children included
 * @param query         the directory's own search syntax ({@code query}); "" for everything
 * @param pageSize      {@code maxResults}: 1..300 for ChromeOS, 1..100 for Android (clamped by the client)
 */
public record DeviceQuery(String orgUnit, String query, int pageSize) {

    public static final DeviceQuery ALL = new DeviceQuery("", "", 300);

    public DeviceQuery {
        orgUnit = Objects.requireNonNullElse(orgUnit, "");
        query = Objects.requireNonNullElse(query, "");
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one device, not " + pageSize);
        }
    }
}
