package io.camfleet.console.domain.availability;

import java.util.Arrays;

/** A growable list of longs, for the hot loops: no boxing. */
final class LongList {
    private long[] values;
    private int size;

    LongList() {
        this(16);
    }

    LongList(int capacity) {
        values = new long[Math.max(4, capacity)];
    }

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return values[i];
    }

    long last() {
        return values[size - 1];
    }

    void setLast(long v) {
        values[size - 1] = v;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    long[] sortedDistinct() {
        long[] sorted = toArray();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[n - 1] != sorted[i]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }
}
