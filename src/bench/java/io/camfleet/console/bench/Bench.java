package io.camfleet.console.bench;

import java.util.Arrays;
import java.util.Locale;

/** Shared pieces of the benchmark harness: the output line format and simple statistics. */
public final class Bench {

    private Bench() {
    }

    /** Prints {@code BENCH <name>.<figure> <value> <unit>}, the line the README and CI look for. */
    public static void report(String name, String figure, double value, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %s.%s %s %s%n", name, figure,
                value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value),
                unit);
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    public static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    public static void note(String text) {
        System.err.println("# " + text);
    }
}
