package io.qorgan.gateway.testing;

/** Reads one sample from Prometheus text exposition. */
public final class Metrics {

    private Metrics() {}

    /** The value of the sample whose name and labels are exactly {@code series}, or 0 when absent. */
    public static double value(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }
}
