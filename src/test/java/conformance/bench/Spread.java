package conformance.bench;

import java.util.List;

/** Repeated measurements of one quantity on a noisy shared machine: their min, median and max. */
record Spread(double min, double median, double max) {

    static Spread of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(sorted.get(0), median, sorted.get(n - 1));
    }

    /** {@code median (min–max)}, each with {@code format}. */
    String show(String format) {
        return String.format(format + " (" + format + "–" + format + ")", median, min, max);
    }
}
