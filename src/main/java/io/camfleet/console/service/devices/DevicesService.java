package io.camfleet.console.service.devices;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.devices.Compliance;
import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The review devices: the sync from the directory into the cache (and the provisioning that follows it), their
 * compliance, the provisioning queue, and the actions on them, each audited and written into the devices' history.
 * Calls block (the directory is a network away); the window runs them as background tasks, the CLI in line.
 */
public final class DevicesService {

    private static final Logger LOG = LoggerFactory.getLogger(DevicesService.class);
    /** The lines of a device's history shown. */
    public static final int HISTORY_LIMIT = 500;

    private final DeviceDirectory directory;
    private final DeviceStore store;
    private final AuditService audit;
    private final Supplier<DeviceSettings> settings;
    private final Clock clock;
    private final ReviewerList reviewers;
    private final Provisioner provisioner;
    private final BulkActions actions;
    /** One sync at a time in this console; other consoles are kept apart by the store's claim. */
    private final ReentrantLock syncing = new ReentrantLock();
    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();

    public DevicesService(DeviceDirectory directory, DeviceStore store, AuditService audit,
                          Supplier<DeviceSettings> settings, Clock clock) {
        this(directory, store, audit, settings, clock, new ReviewerList());
    }

    /** @param reviewers reads the reviewers list (a file, a group) at each sync */
    public DevicesService(DeviceDirectory directory, DeviceStore store, AuditService audit,
                          Supplier<DeviceSettings> settings, Clock clock, ReviewerList reviewers) {
        this.directory = directory;
        this.store = store;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.reviewers = reviewers;
        this.provisioner = new Provisioner(directory, store, audit, clock);
        this.actions = new BulkActions(directory, store, audit, clock);
    }

    /** Called, on the thread that made the change, after a sync, an action or a change to the queue. */
    public void subscribe(Runnable onChange) {
        subscribers.add(onChange);
    }

    // ---- what the cache holds ------------------------------------------------------------------------------------

    /** The devices as last synced, with when: the screen opens on them offline. */
    public CachedDevices cached() {
        return store.read();
    }

    /** Each cached device with the rules it breaks, now. */
    public List<JudgedDevice> judged() {
        List<ReviewDevice> devices = cached().devices();
        return compliance(devices).judge(devices);
    }

    /** How many cached devices break each rule, now (every rule present). */
    public Map<ComplianceRule, Integer> counts() {
        return Compliance.count(judged());
    }

    /**
     * The rules as they stand now, against the newest OS milestone among {@code devices} and the reviewers list last
     * read (the file is read here when no sync has read it yet, so that the screen judges offline too).
     */
    public Compliance compliance(List<ReviewDevice> devices) {
        DeviceSettings s = settings.get();
        if (!reviewers.wasRead()) {
            reviewers.refresh(s, directory, false).forEach(p -> LOG.warn("{}", p.getMessage()));
        }
        return Compliance.of(s.rules(), devices, reviewers.current(), clock.instant());
    }

    /** Whether actions may be sent, and if not, why. */
    public DirectoryAccess access() {
        return directory.access();
    }

    /** What the sync saw change on a device and what operators did to it, oldest first. */
    public List<DeviceEvent> history(String deviceId) {
        return store.history(deviceId, HISTORY_LIMIT);
    }

    // ---- sync ----------------------------------------------------------------------------------------------------

    /**
     * Lists every device of the directory into the cache in one replace, then applies the provisioning queue to the
     * devices now enrolled.
     *
     * @throws Problem naming what failed; the cache then holds what it held before
     * @throws java.util.concurrent.CancellationException when cancelled; likewise
     */
    public SyncReport sync(Progress progress) {
        syncing.lock();
        try {
            Instant started = clock.instant();
            DeviceSettings s = settings.get();
            DeviceListing listing = DeviceListing.list(directory, s, progress);
            progress.checkCancelled();
            List<ReviewDevice> devices = listing.devices();
            progress.update("Writing " + devices.size() + " devices to the cache", devices.size(), devices.size());
            List<DeviceEvent> events = store.replace(devices, started, directory.name());
            List<Problem> warnings = new ArrayList<>(reviewers.refresh(s, directory, true));
            progress.update("Applying the provisioning queue", devices.size(), devices.size());
            Provisioner.Result provisioning = provisioner.apply(devices);
            changed();
            return new SyncReport(listing.perType, listing.calls, Duration.between(started, clock.instant()),
                    listing.duplicates, events.size(), provisioning.provisioned(), provisioning.failures(),
                    warnings);
        } finally {
            syncing.unlock();
        }
    }

    // ---- provisioning --------------------------------------------------------------------------------------------

    /**
     * Queues serials to provision when they show up enrolled, all or none; each is checked (a serial, a reviewer that
     * is an email, an org unit that is a path) and stamped as queued by this console's operator, now.
     *
     * @throws Problem of kind BAD_INPUT naming the first bad request, or a serial already queued; nothing is queued
     */
    public List<ProvisionRequest> queue(ProvisionRequest... requests) {
        List<ProvisionRequest> checked = new ArrayList<>();
        for (ProvisionRequest r : requests) {
            ProvisionRequest c = ProvisionCheck.checked(r);
            if (checked.stream().anyMatch(o -> o.serial().equals(c.serial()))) {
                throw Problem.badInput("devices.provision.twice", c.serial());
            }
            checked.add(ProvisionRequest.queued(c.serial(), c.reviewer(), c.location(), c.assetId(), c.orgUnit(),
                    audit.operator().osUser(), clock.instant()));
        }
        return queueChecked(checked, "");
    }

    /**
     * Queues the devices of a CSV file (see {@link ProvisioningCsv}), all or none.
     *
     * @throws Problem of kind BAD_INPUT naming the file, and the row and why when a row is bad; nothing is queued
     */
    public List<ProvisionRequest> importQueue(Path csv) {
        return queueChecked(ProvisioningCsv.read(csv, audit.operator().osUser(), clock.instant()), csv.toString());
    }

    private List<ProvisionRequest> queueChecked(List<ProvisionRequest> requests, String file) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("count", Integer.toString(requests.size()));
        if (!file.isEmpty()) {
            parameters.put("file", file);
        }
        List<String> serials = requests.stream().map(ProvisionRequest::serial).toList();
        audit.perform(AuditActions.DEVICES_QUEUE, BulkActions.target(serials), parameters, () -> {
            store.queue(requests);
            return null;
        });
        changed();
        return requests;
    }

    /** The queue, newest first, provisioned requests included. */
    public List<ProvisionRequest> provisioning() {
        return store.provisioning();
    }

    /** Removes a serial not provisioned yet from the queue; false if there was none. */
    public boolean cancel(String serial) {
        String s = Provisioner.serial(serial);
        boolean removed = audit.perform(AuditActions.DEVICES_CANCEL, s, Map.of(), () -> store.cancel(s));
        changed();
        return removed;
    }

    // ---- actions -------------------------------------------------------------------------------------------------

    /** Exactly what {@link #act} would change, device by device, and which devices it leaves alone and why. */
    public ActionPreview preview(DeviceAction action, List<ReviewDevice> devices, String parameter) {
        return ActionPlan.preview(action, devices, parameter);
    }

    /**
     * Sends the action for the devices it applies to, in calls of at most 50 devices, each call audited; the
     * devices changed are updated in the cache and their history says who did what and why.
     *
     * @param parameter the org unit for MOVE, the reviewer for ASSIGN, the notes for ANNOTATE; "" otherwise
     * @param reason    why; required for the actions that need one ({@link DeviceAction#needsReason()})
     * @throws Problem {@code devices.readOnly} when the directory may only be read, of kind BAD_INPUT when a reason
     *                 is needed and missing or the parameter does not suit: in each case before anything is sent
     */
    public ActionReport act(DeviceAction action, List<ReviewDevice> devices, String parameter, String reason) {
        try {
            return actions.act(action, devices, parameter, reason, Map.of());
        } finally {
            changed();
        }
    }

    /** The lost-device flow: disables the device, with the reason, recorded with who and why. */
    public ActionReport reportLost(ReviewDevice device, String reason) {
        try {
            return actions.act(DeviceAction.DISABLE, List.of(device), "", reason, Map.of("lost", "true"));
        } finally {
            changed();
        }
    }

    // ---- export --------------------------------------------------------------------------------------------------

    /**
     * Writes every cached device with the rules it breaks to {@code out} as CSV (formulas neutralised), through a
     * temporary file moved into place: {@code out} is either whole or as it was.
     *
     * @return the devices written
     * @throws Problem naming the file and why when it cannot be written
     */
    public int exportCompliance(Path out) {
        List<JudgedDevice> judged = judged();
        return audit.perform(AuditActions.DEVICES_EXPORT, out.toString(),
                Map.of("devices", Integer.toString(judged.size())), () -> ComplianceExport.write(judged, out));
    }

    private void changed() {
        for (Runnable r : subscribers) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("A devices subscriber failed", e);
            }
        }
    }
}
