package io.retailgen.forecast;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The argument checks shared by the generative models' trainers and their {@code sample} methods. */
final class GenerativeArguments {

    private GenerativeArguments() {
    }

    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    static float learningRate(float rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + rate);
        }
        return rate;
    }

    static int threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + count);
        }
        return count;
    }

    static List<String> driverNames(String... names) {
        List<String> l = List.of(names);
        if (l.stream().distinct().count() != l.size() || l.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("driver names must be distinct and non-blank, got " + l);
        }
        return l;
    }

    /** Checks the arguments of {@link GenerativeScenarioModel#sample} against the model's driver names. */
    static void checkSample(TimeSeries history, int horizon, Map<String, double[]> futureDrivers, int paths,
            List<String> drivers) {
        Objects.requireNonNull(history, "history == null");
        Objects.requireNonNull(futureDrivers, "futureDrivers == null");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        if (paths < 1) {
            throw new IllegalArgumentException("paths must be >= 1, got " + paths);
        }
        for (Map.Entry<String, double[]> e : futureDrivers.entrySet()) {
            if (!drivers.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown driver '" + e.getKey() + "', the model knows " + drivers);
            }
            if (e.getValue() == null || e.getValue().length < horizon) {
                throw new IllegalArgumentException("driver '" + e.getKey() + "' needs " + horizon
                        + " future values, got " + (e.getValue() == null ? "null" : e.getValue().length));
            }
        }
    }
}
