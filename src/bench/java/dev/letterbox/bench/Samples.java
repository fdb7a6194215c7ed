package dev.letterbox.bench;

import java.util.Arrays;
import java.util.Locale;

/** Timings (or other figures) of one contender in one scenario, and their order statistics. */
final class Samples {
    private double[] values = new double[16];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    /** @param q 0..1 @return the q-quantile (nearest rank), NaN if empty */
    double quantile(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(values, size);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * size) - 1;
        return s[Math.max(0, Math.min(size - 1, rank))];
    }

    double median() {
        return quantile(0.5);
    }

    /** @return the arithmetic mean, NaN if empty (for coarse-grained values, whose median would keep their grain) */
    double mean() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return size == 0 ? Double.NaN : sum / size;
    }

    double p10() {
        return quantile(0.1);
    }

    double p90() {
        return quantile(0.9);
    }

    /** Formats a duration in nanoseconds with a unit that fits. */
    static String time(double nanos) {
        if (Double.isNaN(nanos)) {
            return "-";
        }
        if (nanos >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }

    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%+.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }
}
