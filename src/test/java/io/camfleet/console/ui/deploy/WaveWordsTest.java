package io.camfleet.console.ui.deploy;

import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How waves are named and counted in words, in the dry run, the wave bars and the targets table. */
class WaveWordsTest {

    private final Messages m = new Messages(Locale.ENGLISH);

    @Test
    void wavesAfterACanaryAreNumberedFromOne() {
        assertThat(TargetStyle.waveName(m, 0, true)).isEqualTo("Canary");
        assertThat(TargetStyle.waveName(m, 1, true)).isEqualTo("Wave 1");
        assertThat(TargetStyle.waveName(m, 2, true)).isEqualTo("Wave 2");
        assertThat(TargetStyle.waveName(m, 0, false)).isEqualTo("Wave 1");
        assertThat(TargetStyle.waveName(m, 1, false)).isEqualTo("Wave 2");
    }

    @Test
    void aRolledBackWaveSaysRolledBackNotFailed() {
        String text = WaveBars.countsText(m, Map.of(TargetStyle.Group.ROLLED_BACK, 2), false);
        assertThat(text).isEqualTo("0/2 done · 0 failed · 0 running · 2 rolled back");
    }

    @Test
    void failuresAndRollbacksAreCountedApart() {
        String text = WaveBars.countsText(m, Map.of(TargetStyle.Group.SUCCEEDED, 5, TargetStyle.Group.FAILED, 1,
                TargetStyle.Group.UNKNOWN, 1, TargetStyle.Group.ROLLED_BACK, 1), false);
        assertThat(text).isEqualTo("5/8 done · 2 failed · 0 running · 1 rolled back");
    }

    @Test
    void camerasTheErrorBudgetGuardHeldBackAreCountedAsSuchNeitherDoneNorFailed() {
        String text = WaveBars.countsText(m, Map.of(TargetStyle.Group.SUCCEEDED, 3, TargetStyle.Group.HELD_BACK, 3),
                false);
        assertThat(text).isEqualTo("3/6 done · 0 failed · 0 running · 3 held back");
    }
}
