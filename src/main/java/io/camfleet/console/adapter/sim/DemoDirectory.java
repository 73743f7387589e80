package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.devices.ActionOutcome;
import io.camfleet.console.service.devices.DeviceDirectory;
import io.camfleet.console.service.devices.DevicePage;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DirectoryAccess;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo's simulated Google directory: about 300 review devices drawn from the seed (see {@link DemoDevices}),
 * listed in pages as the Directory API lists them, with every action applied in memory as the API would apply it:
 * a disabled device is DISABLED at the next listing. Full access; nothing leaves the process.
 */
public final class DemoDirectory implements DeviceDirectory {

    /** The demo's reviewers group: its members are the reviewers list, a few devices' reviewers are not on it. */
    public static final String REVIEWERS_GROUP = "image-reviewers@" + DemoDevices.DOMAIN;
    /** The most a batchChangeStatus or moveDevicesToOu call takes, as the API allows. */
    static final int BATCH = 50;
    private static final int CHROMEOS_PAGE = 300;
    private static final int ANDROID_PAGE = 100;

    private final long seed;
    private final Clock clock;
    private final Map<String, ReviewDevice> devices = new LinkedHashMap<>();

    public DemoDirectory(long seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
        DemoDevices.generate(seed, clock.instant()).forEach(d -> devices.put(d.id(), d));
    }

    /**
     * The serials of the devices enrolled in the demo directory but not provisioned yet (no reviewer, in the
     * enrollment org unit): queue one to see the console provision it at the next sync.
     */
    public static List<String> unprovisionedSerials() {
        return DemoDevices.UNPROVISIONED;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public DirectoryAccess access() {
        return DirectoryAccess.FULL;
    }

    @Override
    public synchronized DevicePage list(DeviceType type, DeviceQuery query, String pageToken) {
        List<ReviewDevice> matching = devices.values().stream().filter(d -> d.type() == type)
                .filter(d -> within(d, query.orgUnit()) && matches(d, query.query())).toList();
        int from = pageToken == null ? 0 : offset(pageToken);
        int size = Math.min(query.pageSize(), type == DeviceType.CHROMEOS ? CHROMEOS_PAGE : ANDROID_PAGE);
        int to = Math.min(matching.size(), from + size);
        return new DevicePage(matching.subList(Math.min(from, to), to), to < matching.size() ? "demo-" + to : null, 1);
    }

    @Override
    public synchronized Optional<ReviewDevice> get(DeviceType type, String id) {
        return Optional.ofNullable(devices.get(id)).filter(d -> d.type() == type);
    }

    @Override
    public synchronized ReviewDevice annotate(String deviceId, Map<String, String> fields) {
        ReviewDevice d = devices.get(deviceId);
        if (d == null || d.type() != DeviceType.CHROMEOS) {
            throw new IllegalArgumentException("The demo directory has no ChromeOS device " + deviceId);
        }
        ReviewDevice changed = new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), d.status(),
                fields.getOrDefault("annotatedUser", d.reviewer()),
                fields.getOrDefault("annotatedLocation", d.location()),
                fields.getOrDefault("annotatedAssetId", d.assetId()), fields.getOrDefault("orgUnitPath", d.orgUnit()),
                d.osVersion(), d.lastSync(), d.autoUpdateEnd(), d.lastEnrollment(), d.recentUsers(),
                fields.getOrDefault("notes", d.notes()));
        devices.put(deviceId, changed);
        return changed;
    }

    @Override
    public synchronized ActionOutcome act(DeviceAction action, List<String> deviceIds, String parameter,
                                          String reason) {
        boolean batched = switch (action) {
            case DISABLE, REENABLE, DEPROVISION, MOVE -> true;
            default -> false;
        };
        if (batched && deviceIds.size() > BATCH) {
            throw new IllegalArgumentException(action + " takes at most " + BATCH + " devices a call, not "
                    + deviceIds.size());
        }
        List<String> done = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String id : deviceIds) {
            ReviewDevice d = devices.get(id);
            String refusal = d == null ? "NOT_FOUND: Resource Not Found: " + id
                    : d.type() != action.type() ? "INVALID_ARGUMENT: not a " + action.type() + " device"
                    : refusal(action, d, parameter, reason);
            if (refusal == null) {
                devices.put(id, applied(action, d, parameter));
                done.add(id);
            } else {
                failed.put(id, refusal);
            }
        }
        // batchChangeStatus and moveDevicesToOu: one call; a patch, an issueCommand (plus reading its result back)
        // or an Android action: one call per device
        int calls = batched ? 1 : action == DeviceAction.REBOOT || action == DeviceAction.SCREENSHOT
                ? 2 * deviceIds.size() : deviceIds.size();
        return new ActionOutcome(done, failed, calls);
    }

    /** Why the directory refuses the action on that device, in its own words; null if it applies it. */
    private String refusal(DeviceAction action, ReviewDevice d, String parameter, String reason) {
        String status = d.status();
        return switch (action) {
            case DISABLE -> "ACTIVE".equals(status) ? null
                    : "FAILED_PRECONDITION: the device is " + status.toLowerCase(Locale.ROOT);
            case REENABLE -> "DISABLED".equals(status) ? null
                    : "FAILED_PRECONDITION: the device is not disabled";
            case DEPROVISION -> reason == null || reason.isBlank() ? "INVALID_ARGUMENT: deprovisionReason is required"
                    : "DEPROVISIONED".equals(status) ? "FAILED_PRECONDITION: the device is already deprovisioned"
                    : null;
            case MOVE -> parameter == null || !parameter.startsWith("/")
                    ? "INVALID_ARGUMENT: orgUnitPath must start with /" : null;
            case ASSIGN, ANNOTATE -> null;
            // a command reaches only a device that is on and syncing: one that has not synced for weeks never
            // picks it up, and the command expires
            case REBOOT, SCREENSHOT -> !"ACTIVE".equals(status)
                    ? "FAILED_PRECONDITION: the device is " + status.toLowerCase(Locale.ROOT)
                    : d.lastSync() == null || d.lastSync().isBefore(clock.instant().minus(Duration.ofDays(1)))
                    ? "EXPIRED: the device did not pick up the command before it expired" : null;
            case APPROVE -> "APPROVED".equals(status) ? "FAILED_PRECONDITION: the device is already approved" : null;
            case BLOCK -> "BLOCKED".equals(status) ? "FAILED_PRECONDITION: the device is already blocked" : null;
            case WIPE, ACCOUNT_WIPE -> "WIPING".equals(status) ? "FAILED_PRECONDITION: the device is being wiped"
                    : null;
        };
    }

    private static ReviewDevice applied(DeviceAction action, ReviewDevice d, String parameter) {
        String status = switch (action) {
            case DISABLE -> "DISABLED";
            case BLOCK -> "BLOCKED";
            case REENABLE -> "ACTIVE";
            case DEPROVISION -> "DEPROVISIONED";
            case APPROVE -> "APPROVED";
            case WIPE -> "WIPING";
            default -> d.status();
        };
        String reviewer = action == DeviceAction.ASSIGN ? parameter
                : action == DeviceAction.ACCOUNT_WIPE ? "" : d.reviewer(); // the work account is gone
        String orgUnit = action == DeviceAction.MOVE ? parameter : d.orgUnit();
        String notes = action == DeviceAction.ANNOTATE ? parameter : d.notes();
        return new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), status, reviewer, d.location(), d.assetId(),
                orgUnit, d.osVersion(), d.lastSync(), d.autoUpdateEnd(), d.lastEnrollment(), d.recentUsers(), notes);
    }

    @Override
    public Set<String> groupMembers(String groupEmail) {
        return REVIEWERS_GROUP.equalsIgnoreCase(groupEmail) ? new TreeSet<>(DemoDevices.reviewers(seed)) : Set.of();
    }

    private static boolean within(ReviewDevice d, String orgUnit) {
        // Android devices have no org unit: the mobile listing has no such filter
        return orgUnit.isEmpty() || d.type() == DeviceType.ANDROID || d.orgUnit().equals(orgUnit)
                || d.orgUnit().startsWith(orgUnit.endsWith("/") ? orgUnit : orgUnit + "/");
    }

    /** The API's free-text search, roughly: every word of the query is in the serial, reviewer, location or asset. */
    private static boolean matches(ReviewDevice d, String query) {
        String text = String.join(" ", d.serial(), d.reviewer(), d.location(), d.assetId(), d.model())
                .toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static int offset(String pageToken) {
        try {
            return Integer.parseInt(pageToken.substring("demo-".length()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a page token of the demo directory: " + pageToken, e);
        }
    }
}
