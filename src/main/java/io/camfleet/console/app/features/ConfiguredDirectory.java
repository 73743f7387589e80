package io.camfleet.console.app.features;

import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.ActionOutcome;
import io.camfleet.console.service.devices.DeviceDirectory;
import io.camfleet.console.service.devices.DevicePage;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DirectoryAccess;

import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The directory the settings name, opened on its first use and again whenever the settings change (a customer or a
 * key file entered in Settings applies at the next sync, without reopening the folder). A directory that cannot be
 * opened (a key file missing or not a service account's key) is not kept: each call says why in the opening's own
 * sentence, and the next one tries again, so the screen still opens from the cache meanwhile.
 */
final class ConfiguredDirectory implements DeviceDirectory, AutoCloseable {

    private final Supplier<DeviceSettings> settings;
    private final Function<DeviceSettings, DeviceDirectory> open;
    private Connection openedWith;
    private DeviceDirectory opened;

    /** What the directory is opened with: a change of the org unit, the reviewers or the rules keeps it open. */
    private record Connection(boolean google, String customerId, String adminSubject, String keyFile,
                              List<String> scopes, String apiBaseUrl, String tokenUrl) {
        static Connection of(DeviceSettings s) {
            return new Connection(s.google(), s.customerId(), s.adminSubject(), s.keyFile(), s.scopes(),
                    s.apiBaseUrl(), s.tokenUrl());
        }
    }

    ConfiguredDirectory(Supplier<DeviceSettings> settings, Function<DeviceSettings, DeviceDirectory> open) {
        this.settings = settings;
        this.open = open;
    }

    private synchronized DeviceDirectory directory() {
        DeviceSettings now = settings.get();
        Connection connection = Connection.of(now);
        if (opened == null || !connection.equals(openedWith)) {
            // a call still running on the old connection fails and says so: the settings it used are gone
            close();
            opened = open.apply(now);
            openedWith = connection;
        }
        return opened;
    }

    /** Lets the directory opened last go (the Google client's connections and thread), when the folder closes. */
    @Override
    public synchronized void close() {
        if (opened instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(ConfiguredDirectory.class).warn("Closing the devices directory failed", e);
            }
        }
        opened = null;
    }

    /** "demo" or the customer, as the settings have it, without opening anything. */
    @Override
    public String name() {
        DeviceSettings now = settings.get();
        return now.google() ? now.customerId() : "demo";
    }

    /**
     * What the scopes allow; a directory that cannot be opened allows nothing, and says why: the opening's sentence
     * is the argument of {@code devices.directoryUnavailable} (where a read-only directory names its scope).
     */
    @Override
    public DirectoryAccess access() {
        try {
            return directory().access();
        } catch (Problem p) {
            return new DirectoryAccess(false, "devices.directoryUnavailable", p.getMessage());
        }
    }

    @Override
    public DevicePage list(DeviceType type, DeviceQuery query, String pageToken) {
        return directory().list(type, query, pageToken);
    }

    @Override
    public Optional<ReviewDevice> get(DeviceType type, String id) {
        return directory().get(type, id);
    }

    @Override
    public ReviewDevice annotate(String deviceId, Map<String, String> fields) {
        return directory().annotate(deviceId, fields);
    }

    @Override
    public ActionOutcome act(DeviceAction action, List<String> deviceIds, String parameter, String reason) {
        return directory().act(action, deviceIds, parameter, reason);
    }

    @Override
    public Set<String> groupMembers(String groupEmail) {
        return directory().groupMembers(groupEmail);
    }
}
