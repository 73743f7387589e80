package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an action does to each device: which devices it applies to and how they change, which it does not and why.
 * The directory's own rules, said before sending: a status change applies to a device in the status it leaves
 * (disable an ACTIVE device, re-enable a DISABLED one), a command to a device in use, and nothing is sent for a
 * device already as asked.
 */
final class ActionPlan {

    static final int NOTES_LIMIT = 500;

    private ActionPlan() {
    }

    /**
     * @throws Problem of kind BAD_INPUT when the parameter does not suit the action (an org unit that is not a
     *                 path, a reviewer that is not an email)
     */
    static ActionPreview preview(DeviceAction action, List<ReviewDevice> devices, String parameter) {
        String p = checkedParameter(action, parameter);
        List<ActionPreview.Change> changes = new ArrayList<>();
        List<ActionPreview.Skipped> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ReviewDevice d : devices) {
            if (!seen.add(d.id())) {
                continue; // a device selected twice is acted on once
            }
            Object planned = plan(action, d, p);
            if (planned instanceof ActionPreview.Change c) {
                changes.add(c);
            } else {
                skipped.add((ActionPreview.Skipped) planned);
            }
        }
        return new ActionPreview(action, p, changes, skipped);
    }

    private static String checkedParameter(DeviceAction action, String parameter) {
        String p = parameter == null ? "" : parameter.strip();
        switch (action) {
            case MOVE -> {
                if (!p.startsWith("/") || p.length() > ProvisionCheck.ORG_UNIT_LIMIT
                        || p.chars().anyMatch(Character::isISOControl)) {
                    throw Problem.badInput("devices.badOrgUnit", p);
                }
            }
            case ASSIGN -> {
                if (!ProvisionCheck.isEmail(p)) {
                    throw Problem.badInput("devices.badReviewer", p);
                }
            }
            case ANNOTATE -> {
                if (p.length() > NOTES_LIMIT) {
                    throw Problem.badInput("devices.notesTooLong", p.length(), NOTES_LIMIT);
                }
                return parameter == null ? "" : parameter; // notes keep their own lines and spaces
            }
            default -> {
                return "";
            }
        }
        return p;
    }

    /** A {@link ActionPreview.Change} or a {@link ActionPreview.Skipped}. */
    private static Object plan(DeviceAction action, ReviewDevice d, String p) {
        if (d.type() != action.type()) {
            return skip(d, "devices.skip.type", d.serial(), typeName(d.type()), typeName(action.type()));
        }
        String status = d.status();
        return switch (action) {
            case DISABLE -> statusChange(d, "ACTIVE", "DISABLED");
            case REENABLE -> statusChange(d, "DISABLED", "ACTIVE");
            case DEPROVISION -> "DEPROVISIONED".equals(status) ? already(d)
                    : change(d, "status", status, "DEPROVISIONED");
            case MOVE -> p.equals(d.orgUnit()) ? skip(d, "devices.skip.sameOrgUnit", d.serial(), p)
                    : change(d, "orgUnit", d.orgUnit(), p);
            case ASSIGN -> p.equalsIgnoreCase(d.reviewer()) ? skip(d, "devices.skip.sameReviewer", d.serial(), p)
                    : change(d, "reviewer", d.reviewer(), p);
            case ANNOTATE -> p.equals(d.notes()) ? skip(d, "devices.skip.sameNotes", d.serial())
                    : change(d, "notes", d.notes(), p);
            case REBOOT -> command(d, "REBOOT");
            case SCREENSHOT -> command(d, "TAKE_A_SCREENSHOT");
            case APPROVE -> "APPROVED".equals(status) ? already(d) : change(d, "status", status, "APPROVED");
            case BLOCK -> "BLOCKED".equals(status) ? already(d) : change(d, "status", status, "BLOCKED");
            case WIPE -> status.startsWith("WIP") ? already(d) : change(d, "status", status, "WIPING");
            case ACCOUNT_WIPE -> status.startsWith("WIP") ? already(d) : change(d, "account", d.reviewer(), "");
        };
    }

    private static Object statusChange(ReviewDevice d, String from, String to) {
        if (to.equals(d.status())) {
            return already(d);
        }
        return from.equals(d.status()) ? change(d, "status", from, to)
                : skip(d, "devices.skip.status", d.serial(), d.status(), from);
    }

    private static Object command(ReviewDevice d, String command) {
        return d.active() ? change(d, "command", "", command)
                : skip(d, "devices.skip.status", d.serial(), d.status(), "ACTIVE");
    }

    private static Object already(ReviewDevice d) {
        return skip(d, "devices.skip.already", d.serial(), d.status());
    }

    private static ActionPreview.Change change(ReviewDevice d, String field, String before, String after) {
        return new ActionPreview.Change(d, field, before, after);
    }

    private static ActionPreview.Skipped skip(ReviewDevice d, String key, Object... args) {
        return new ActionPreview.Skipped(d, new Problem(key, args));
    }

    private static String typeName(DeviceType type) {
        return type == DeviceType.CHROMEOS ? "ChromeOS" : "Android";
    }

    /** The device as the change leaves it, for the cache until the next sync. */
    static ReviewDevice after(ActionPreview.Change c) {
        ReviewDevice d = c.device();
        String v = c.after();
        return switch (c.field()) {
            case "status" -> new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), v, d.reviewer(), d.location(),
                    d.assetId(), d.orgUnit(), d.osVersion(), d.lastSync(), d.autoUpdateEnd(), d.lastEnrollment(),
                    d.recentUsers(), d.notes());
            case "orgUnit" -> new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), d.status(), d.reviewer(),
                    d.location(), d.assetId(), v, d.osVersion(), d.lastSync(), d.autoUpdateEnd(), d.lastEnrollment(),
                    d.recentUsers(), d.notes());
            case "reviewer", "account" -> new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), d.status(), v,
                    d.location(), d.assetId(), d.orgUnit(), d.osVersion(), d.lastSync(), d.autoUpdateEnd(),
                    d.lastEnrollment(), d.recentUsers(), d.notes());
            case "notes" -> new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), d.status(), d.reviewer(),
                    d.location(), d.assetId(), d.orgUnit(), d.osVersion(), d.lastSync(), d.autoUpdateEnd(),
                    d.lastEnrollment(), d.recentUsers(), v);
            default -> d;
        };
    }
}
