package io.camfleet.console.adapter.os;

import io.camfleet.console.service.deploy.Lease;
import io.camfleet.console.service.deploy.Processes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** This process as a lease holder, and the processes of this machine, through the JDK's process table. */
public final class LocalProcesses implements Processes {

    /** Start times of one process, read twice, can differ by the clock's granularity. */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    private final String host;
    private final long pid;
    private final Instant started;
    private final String owner;

    public LocalProcesses() {
        ProcessHandle self = ProcessHandle.current();
        this.host = hostName();
        this.pid = self.pid();
        this.started = self.info().startInstant().orElse(null);
        byte[] nonce = new byte[6];
        ThreadLocalRandom.current().nextBytes(nonce);
        this.owner = host + "/" + pid + "/" + HexFormat.of().formatHex(nonce);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    @Override
    public Lease leaseFromHere(Instant now) {
        return new Lease(owner, host, pid, started, now, now, now.plus(Lease.TERM));
    }

    @Override
    public boolean isGone(Lease lease) {
        if (!host.equals(lease.host())) {
            return false; // another machine's process: only its lease's expiry tells
        }
        if (lease.owner().equals(owner)) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(lease.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        Optional<Instant> start = p.get().info().startInstant();
        // The pid was reused by a process that started after the holder: the holder is gone.
        return lease.processStarted() != null && start.isPresent()
                && Duration.between(lease.processStarted(), start.get()).abs().compareTo(SAME_START) > 0;
    }
}
