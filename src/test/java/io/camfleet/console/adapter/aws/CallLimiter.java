package io.camfleet.console.adapter.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * AWS's rate limit of an account, one token bucket per API (operation): {@code perSecond} tokens a second, at most
 * {@code burst} kept. A call that finds its bucket empty is refused (throttled); every call is counted, answered or
 * refused. A rate of 0 or less is no limit.
 */
final class CallLimiter {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

    CallLimiter(double perSecond, double burst, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** True when {@code operation} may be answered now; counts it either way. */
    boolean admit(String operation) {
        boolean ok = perSecond <= 0 || buckets.computeIfAbsent(operation, o -> new Bucket()).take();
        (ok ? answered : refused).computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        return ok;
    }

    /** Calls answered, by operation. */
    Map<String, Integer> answered() {
        return snapshot(answered);
    }

    /** Calls refused as throttled, by operation. */
    Map<String, Integer> refused() {
        return snapshot(refused);
    }

    private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private final class Bucket {
        private double tokens = burst;
        private long at = nanos.getAsLong();

        synchronized boolean take() {
            long now = nanos.getAsLong();
            tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
