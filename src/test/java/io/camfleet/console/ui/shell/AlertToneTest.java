package io.camfleet.console.ui.shell;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AlertToneTest {

    @Test
    void theToneIsTwoShortFadedBeepsOf16BitMono() {
        byte[] pcm = AlertTone.samples();
        // 2 tones x 0.18 s x 44,100 samples/s = 15,876 samples of 2 bytes
        assertThat(pcm).hasSize(2 * (int) (44_100f * 0.18) * 2);
        // faded in: the first sample is silence, and no sample goes above 40 % of full scale
        assertThat(pcm[0]).isZero();
        assertThat(pcm[1]).isZero();
        int loudest = 0;
        for (int i = 0; i < pcm.length; i += 2) {
            loudest = Math.max(loudest, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        assertThat(loudest).isBetween(Short.MAX_VALUE / 3, (int) (Short.MAX_VALUE * 0.4) + 1);
    }

    @Test
    void playingReturnsAtOnceAndWithoutAnAudioDeviceIsSkippedWithOneLogLine() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(AlertTone.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        log.addAppender(lines);
        boolean device = hasDevice();
        try (AlertTone tone = new AlertTone()) {
            long started = System.nanoTime();
            tone.play();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
            Thread.sleep(1_500);
            tone.play();
            Thread.sleep(1_500);
        } finally {
            log.detachAppender(lines);
        }
        if (device) {
            System.err.println("AlertToneTest: this machine has an audio device; the skip was not exercised");
            assertThat(lines.list).as("played, nothing to say").isEmpty();
        } else {
            assertThat(lines.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .startsWith("No audio device to play the alert sound on"));
        }
    }

    private static boolean hasDevice() {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(AlertTone.format())) {
            line.open(AlertTone.format());
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
