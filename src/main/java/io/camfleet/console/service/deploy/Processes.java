package io.camfleet.console.service.deploy;

import java.time.Instant;

/** Port: this process, and whether the process holding a lease is still there. */
public interface Processes {

    /** A new lease held by this process, from {@code now} for {@link Lease#TERM}. */
    Lease leaseFromHere(Instant now);

    /**
     * Whether the holder of {@code lease} is provably gone: it ran on this host and no process with its pid (and
     * start time) is running. A holder on another host is never provably gone: its lease must expire.
     */
    boolean isGone(Lease lease);
}
