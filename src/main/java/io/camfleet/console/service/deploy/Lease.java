package io.camfleet.console.service.deploy;

import java.time.Duration;
import java.time.Instant;

/**
 * Who runs a deployment: the process holding its lease in the journal, renewed by a heartbeat. A lease that expired,
 * or whose process is provably gone, leaves its deployment interrupted.
 *
 * @param owner          unique to one process run: host, pid and a random part
 * @param processStarted when the holder process started, so that a reused pid is not taken for it; null if unknown
 */
public record Lease(String owner, String host, long pid, Instant processStarted, Instant acquiredAt,
                    Instant heartbeatAt, Instant expiresAt) {

    /** How often a holder renews its leases. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** How long a lease lasts without a heartbeat: a few missed beats, so a busy machine does not lose it. */
    public static final Duration TERM = Duration.ofSeconds(30);

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The same lease, renewed at {@code now}. */
    public Lease renewedAt(Instant now) {
        return new Lease(owner, host, pid, processStarted, acquiredAt, now, now.plus(TERM));
    }

    /** How it is named to an operator: {@code pid 4242 on noc-7}. */
    public String holder() {
        return "pid " + pid + " on " + host;
    }
}
