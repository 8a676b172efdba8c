package io.retailgen.core.train;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Number and duration formatting shared by the progress listeners, and the validation shared by the events. */
final class ProgressFormat {

    private ProgressFormat() {
    }

    static String loss(double loss) {
        if (Double.isNaN(loss) || Double.isInfinite(loss)) {
            return Double.toString(loss);
        }
        double abs = Math.abs(loss);
        if (abs != 0 && (abs < 1e-3 || abs >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", loss);
        }
        return String.format(Locale.ROOT, "%.4f", loss);
    }

    static String rate(double perSecond) {
        if (perSecond < 10) {
            return String.format(Locale.ROOT, "%.1f", perSecond);
        }
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = d.getSeconds();
        long days = s / 86_400;
        long hours = s / 3600 % 24;
        long minutes = s / 60 % 60;
        long seconds = s % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %02dh %02dm", days, hours, minutes);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes, seconds);
        }
        return String.format(Locale.ROOT, "%dm %02ds", minutes, seconds);
    }

    static String metrics(Map<String, Double> metrics) {
        StringBuilder b = new StringBuilder();
        metrics.forEach((k, v) -> b.append(' ').append(k).append('=').append(loss(v)));
        return b.toString();
    }

    static Map<String, Double> copyMetrics(Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> copy = new TreeMap<>();
        metrics.forEach((k, v) -> {
            Objects.requireNonNull(k, "metric name == null");
            copy.put(k, Objects.requireNonNull(v, () -> "metric '" + k + "' has a null value"));
        });
        return Collections.unmodifiableMap(copy);
    }

    static void requireEpoch(int epoch, int totalEpochs) {
        if (totalEpochs < 1) {
            throw new IllegalArgumentException("totalEpochs must be >= 1, was " + totalEpochs);
        }
        if (epoch < 1 || epoch > totalEpochs) {
            throw new IllegalArgumentException("epoch must be in 1.." + totalEpochs + ", was " + epoch);
        }
    }

    static void requireDuration(Duration d, String name) {
        Objects.requireNonNull(d, name + " == null");
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }

    static void requireRate(double perSecond) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("examplesPerSecond must be finite and >= 0, was " + perSecond);
        }
    }

    static void requireCount(long count, String name) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + count);
        }
    }
}
