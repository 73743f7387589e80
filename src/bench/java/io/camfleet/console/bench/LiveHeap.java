package io.camfleet.console.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap while something runs: the heap as each garbage collection left it, the largest of them. Sampling
 * the heap's use counts garbage not yet collected; what a collection leaves is what was still referenced.
 */
final class LiveHeap {

    private final AtomicLong max = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    private volatile boolean watching;

    LiveHeap() {
        NotificationListener listener = (notification, handback) -> {
            if (!watching || !notification.getType().equals(
                    GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                used += u.getUsed();
            }
            long after = used;
            max.accumulateAndGet(after, Math::max);
            collections.incrementAndGet();
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
    }

    void start() {
        max.set(0);
        collections.set(0);
        watching = true;
    }

    /**
     * The largest heap a collection left since {@link #start}; with none, the heap after one now (what is still
     * referenced at the end).
     */
    long stop() {
        watching = false;
        if (collections.get() == 0) {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        return max.get();
    }

    int collections() {
        return collections.get();
    }
}
