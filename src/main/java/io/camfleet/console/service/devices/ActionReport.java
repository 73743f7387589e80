package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.util.List;

/**
 * What an action did, device by device.
 *
 * @param done    the devices changed, as they are now
 * @param failed  the devices the directory refused, or that were not sent because an earlier call failed, with why
 * @param skipped the devices the action did not apply to (as the preview said)
 * @param calls   the directory calls it took
 */
public record ActionReport(DeviceAction action, List<ReviewDevice> done, List<Failed> failed,
                           List<ActionPreview.Skipped> skipped, int calls) {

    public ActionReport {
        done = List.copyOf(done);
        failed = List.copyOf(failed);
        skipped = List.copyOf(skipped);
    }

    /** A device the action failed on, and the directory's reason. */
    public record Failed(ReviewDevice device, String reason) {
    }

    public boolean allDone() {
        return failed.isEmpty();
    }
}
