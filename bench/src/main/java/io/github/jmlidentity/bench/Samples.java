package io.github.jmlidentity.bench;

/** Median and spread of repeated measurements. */
public record Samples(double median, double min, double max, int runs) {

    public static Samples of(double... values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Samples(median, sorted[0], sorted[n - 1], n);
    }

    public static Samples of(java.util.List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** e.g. "412 (398–455, n=5)". */
    public String describe(String format) {
        return String.format(java.util.Locale.ROOT, format, median) + " (" + String.format(java.util.Locale.ROOT, format, min)
                + "–" + String.format(java.util.Locale.ROOT, format, max) + ", n=" + runs + ")";
    }
}
