package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;

import java.util.List;

/**
 * Exactly what an action will change, for the confirmation dialog, before anything is sent: one change per device it
 * applies to, and the devices it does not apply to with why.
 */
public record ActionPreview(DeviceAction action, String parameter, List<Change> changes, List<Skipped> skipped) {

    public ActionPreview {
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
    }

    /**
     * One device's change.
     *
     * @param field  what changes: {@code status}, {@code orgUnit}, {@code reviewer}, {@code notes}, {@code command}
     *               (a reboot or a screenshot) or {@code account} (an Android work account wiped)
     * @param before its value now ("" for a command)
     * @param after  its value once done (the command's name for a command)
     */
    public record Change(ReviewDevice device, String field, String before, String after) {
    }

    /** A device the action leaves alone, and why (e.g. {@code devices.skip.already}). */
    public record Skipped(ReviewDevice device, Problem why) {
    }

    public List<ReviewDevice> devices() {
        return changes.stream().map(Change::device).toList();
    }

    public boolean nothingToDo() {
        return changes.isEmpty();
    }
}
