package io.camfleet.console.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executor;

/**
 * Gives back the memory the first load needed once it is done. Building and storing a large fleet (100,000 cameras)
 * makes the JVM grow its heap to gigabytes, for a fleet that then lives in about 200 MB, and {@code java -jar} leaves
 * no place to set JVM options. So, from inside, once: the heap may keep at most 30 % free after a collection (not
 * 70 %), a collection runs, and an idle console collects (and shrinks) at least once a minute.
 */
final class HeapTrim {

    private static final Logger LOG = LoggerFactory.getLogger(HeapTrim.class);
    private static final String[][] OPTIONS = {
            {"MinHeapFreeRatio", "10"}, {"MaxHeapFreeRatio", "30"}, {"G1PeriodicGCInterval", "60000"}};

    private HeapTrim() {
    }

    /** Runs on {@code background}: a full collection takes a few hundred ms that the window need not wait for. */
    static void afterFirstLoad(Executor background) {
        background.execute(() -> {
            try {
                HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                for (String[] option : OPTIONS) {
                    vm.setVMOption(option[0], option[1]);
                }
            } catch (RuntimeException | LinkageError e) {
                // Another JVM, or options set on the command line that these would contradict: leave the heap be.
                LOG.debug("Heap options not changed: {}", e.toString());
                return;
            }
            long before = Runtime.getRuntime().totalMemory();
            System.gc();
            LOG.info("Heap trimmed after the first load: {} MB to {} MB", before >> 20,
                    Runtime.getRuntime().totalMemory() >> 20);
        });
    }
}
