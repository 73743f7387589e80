package io.camfleet.console.service.availability;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.StateSpan;
import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The spans of a period in plain arrays, grouped by camera number ({@link CameraLives}): some 30 bytes a span, where a
 * list of objects per camera would take several times that, and 100,000 lists.
 */
final class SpanTable {

    private static final HealthState[] STATES = HealthState.values();

    private int size;
    private int[] camera = new int[1024];
    private byte[] state = new byte[1024];
    private long[] start = new long[1024];
    private long[] end = new long[1024];
    /** For each camera number, where its spans begin in {@link #order}; one more entry closing the last. */
    private int[] first;
    /** Span positions, sorted by camera. */
    private int[] order;

    static SpanTable read(HealthHistory history, Period period, CameraLives lives) {
        SpanTable t = new SpanTable();
        history.spans(period, (cameraId, s, from, to) -> {
            int c = lives.indexOf(cameraId);
            if (c >= 0) {
                t.add(c, s, from, to);
            }
        });
        t.index(lives.size());
        return t;
    }

    private void add(int c, HealthState s, long from, long to) {
        if (size == camera.length) {
            int grown = size * 2;
            camera = Arrays.copyOf(camera, grown);
            state = Arrays.copyOf(state, grown);
            start = Arrays.copyOf(start, grown);
            end = Arrays.copyOf(end, grown);
        }
        camera[size] = c;
        state[size] = (byte) s.ordinal();
        start[size] = from;
        end[size] = to;
        size++;
    }

    private void index(int cameras) {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) camera[i] << 32) | i;
        }
        Arrays.sort(keys);
        order = new int[size];
        first = new int[cameras + 1];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
            first[camera[order[i]] + 1]++;
        }
        for (int c = 0; c < cameras; c++) {
            first[c + 1] += first[c];
        }
    }

    int size() {
        return size;
    }

    /** The spans of one camera, as the calculator takes them. */
    List<StateSpan> of(int c) {
        int from = first[c];
        int to = first[c + 1];
        if (from == to) {
            return List.of();
        }
        List<StateSpan> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            int i = order[k];
            out.add(new StateSpan(STATES[state[i]], Instant.ofEpochSecond(start[i]),
                    end[i] == HealthHistory.OPEN ? null : Instant.ofEpochSecond(end[i])));
        }
        return out;
    }
}
