package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the review devices in the cache, with each device's history and the provisioning queue. Implemented in
 * adapter.store on the console's database (H2, and PostgreSQL in team mode); every write is durable when it returns.
 */
public interface DeviceStore {

    /** The devices as last synced, with when; {@link CachedDevices#EMPTY} before the first sync. */
    CachedDevices read();

    /**
     * Replaces the cached devices with a whole listing, in one transaction, and records in the history what changed
     * for each device (status, reviewer, org unit, OS version; a device new or gone) as STATE events by "sync".
     *
     * @return the events recorded
     */
    List<DeviceEvent> replace(List<ReviewDevice> devices, Instant asOf, String source);

    /** Updates one cached device after an action, without waiting for the next sync. */
    void update(ReviewDevice device);

    /** Adds lines to devices' histories (operators' actions). */
    void record(List<DeviceEvent> events);

    /** A device's history, oldest first. */
    List<DeviceEvent> history(String deviceId, int limit);

    // ---- provisioning queue -------------------------------------------------------------------------------------

    /**
     * Queues requests, all or none: a serial already queued and not provisioned is refused (a
     * {@link io.camfleet.console.service.common.Problem} naming it) and nothing is written.
     */
    void queue(List<ProvisionRequest> requests);

    /** The queue, newest first, provisioned ones included. */
    List<ProvisionRequest> provisioning();

    Optional<ProvisionRequest> provisioning(String serial);

    /**
     * Claims a QUEUED or FAILED request for the device that showed up, or an APPLYING one whose claim is older than
     * {@code staleAfter} (a console that died while applying it): only one caller ever wins, across consoles
     * sharing the database.
     *
     * @return the claimed request (APPLYING, with the device id), or empty if someone else holds or finished it
     */
    Optional<ProvisionRequest> claim(String serial, String deviceId, Instant now, Duration staleAfter);

    /** APPLYING → PROVISIONED; false if the request was not APPLYING (someone else finished it). */
    boolean provisioned(String serial, Instant at);

    /** APPLYING → FAILED with the reason; tried again at the next sync. */
    void failed(String serial, String reason);

    /** Removes a request that is not provisioned yet; false if there was none. */
    boolean cancel(String serial);
}
