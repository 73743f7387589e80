package io.camfleet.console.service.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class QuiesceTest {

    @Test
    void workUnderWayFinishesUninterruptedAndNothingNewStarts() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        executor.execute(() -> {
            started.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.set(true);
                }
                Thread.onSpinWait();
            }
            finished.set(true);
        });
        started.await();

        assertThat(Quiesce.stop(executor, Duration.ofSeconds(10), "test work")).isTrue();
        assertThat(finished).as("the stop waited for the work").isTrue();
        assertThat(interrupted).as("and never interrupted it").isFalse();
        assertThat(executor.isTerminated()).isTrue();
    }

    @Test
    void workThatOutlastsTheWaitIsInterrupted() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        executor.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        started.await();

        assertThat(Quiesce.stop(executor, Duration.ofMillis(100), "stuck work")).isFalse();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
