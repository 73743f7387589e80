package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WaveRunnerPartsTest {

    /** Takes 50 ids a command, or a whole wave of more when {@code whole}; sends nothing. */
    private record Runner(boolean whole) implements WaveRunner {
        @Override
        public int mostPerCommand() {
            return 50;
        }

        @Override
        public int mostPerCommand(List<Target> wave) {
            return whole ? Integer.MAX_VALUE : 50;
        }

        @Override
        public void check(Release release, List<List<Target>> waves) {
        }

        @Override
        public Optional<String> cannotReach(Target target) {
            return Optional.empty();
        }

        @Override
        public Dispatch send(Order order) {
            throw new AssertionError("nothing is sent");
        }

        @Override
        public Optional<String> find(String deploymentId, int wave, Instant since, List<Target> targets) {
            throw new AssertionError("nothing is looked for");
        }

        @Override
        public Map<String, Invocation> poll(String commandId, List<Target> targets) {
            throw new AssertionError("nothing is polled");
        }
    }

    private static WaveRunner runner(boolean whole) {
        return new Runner(whole);
    }

    /** cam-120 down to cam-001: the parts take them in the order of their ids, whatever the wave's order. */
    private static List<Target> wave(int size) {
        return IntStream.iterate(size, i -> i >= 1, i -> i - 1)
                .mapToObj(i -> new Target(String.format("cam-%03d", i), "site", "", "", "i-" + i)).toList();
    }

    private static List<String> cameras(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> String.format("cam-%03d", i)).toList();
    }

    @Test
    void aWaveOneCommandCanTakeWholeIsPartZeroThenTheSameCamerasFiftyAtATimeForWhenItCannotBePrepared() {
        assertThat(WaveRunner.parts(wave(120), runner(true))).containsExactly(cameras(1, 120), cameras(1, 50),
                cameras(51, 100), cameras(101, 120));
    }

    @Test
    void aWaveOfFiftyIdsAtATimeHasNoWholePart() {
        assertThat(WaveRunner.parts(wave(120), runner(false))).containsExactly(cameras(1, 50), cameras(51, 100),
                cameras(101, 120));
    }

    @Test
    void aWaveThatFitsOneCommandOfIdsIsOnePartEvenWhenItCouldBeTakenWhole() {
        assertThat(WaveRunner.parts(wave(50), runner(true))).containsExactly(cameras(1, 50));
    }
}
