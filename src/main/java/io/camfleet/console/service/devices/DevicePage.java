package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.ReviewDevice;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextPageToken the token of the next page; null on the last
 * @param calls         the HTTP calls this page took, retries and token refreshes included (for the sync report)
 */
public record DevicePage(List<ReviewDevice> devices, String nextPageToken, int calls) {

    public DevicePage {
        devices = List.copyOf(devices);
    }
}
