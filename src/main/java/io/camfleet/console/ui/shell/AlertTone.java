package io.camfleet.console.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The alert sound for a wall screen: two short tones, generated (no sound file to ship), played on a thread of its own
 * so that neither the FX thread nor an alert waits for the sound card. Where there is no audio device it is skipped,
 * with one line in the log.
 */
public final class AlertTone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTone.class);
    private static final float RATE = 44_100f;

    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-sound");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean toldNoDevice;

    /** Plays the sound, unless one is about to play: alerts that come together sound once. */
    public void play() {
        if (queued.compareAndSet(false, true)) {
            player.execute(() -> {
                queued.set(false);
                playNow();
            });
        }
    }

    /** 880 Hz then 660 Hz, 180 ms each, faded in and out so that it does not click. */
    static byte[] samples() {
        int each = (int) (RATE * 0.18);
        byte[] pcm = new byte[each * 2 * 2];
        double[] tones = {880, 660};
        for (int t = 0; t < tones.length; t++) {
            for (int i = 0; i < each; i++) {
                double fade = Math.min(1, Math.min(i, each - i) / (RATE * 0.01));
                short v = (short) (Math.sin(2 * Math.PI * tones[t] * i / RATE) * fade * 0.4 * Short.MAX_VALUE);
                int at = (t * each + i) * 2;
                pcm[at] = (byte) v;
                pcm[at + 1] = (byte) (v >> 8);
            }
        }
        return pcm;
    }

    /** 16-bit signed little-endian mono at 44.1 kHz: what every sound device takes. */
    static AudioFormat format() {
        return new AudioFormat(RATE, 16, 1, true, false);
    }

    private void playNow() {
        AudioFormat format = format();
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            byte[] pcm = samples();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            if (!toldNoDevice) {
                toldNoDevice = true;
                LOG.info("No audio device to play the alert sound on ({}); the sound is skipped", e.toString());
            }
        }
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
