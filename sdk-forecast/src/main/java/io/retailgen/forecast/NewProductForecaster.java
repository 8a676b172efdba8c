package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Forecasts for products with no or few observations, from analogues: earlier products similar by attributes
 * (category, brand, price band, region) and, once a few values are in, by the shape of their first months.
 *
 * <ul>
 *   <li>No observations: the level comes from the attributes, through an additive model of the log launch level
 *       (the mean of the first 12 values) over the library, {@code log level = mu + sum of one effect per attribute
 *       value}, fitted by backfitting; the analogues are the products sharing most attributes (ties: the closest
 *       fitted level); each analogue's launch curve is rescaled to the predicted level. Paths also carry the level
 *       model's residual spread (one log-normal level shock per path).</li>
 *   <li>{@code k} observations: the analogues are the products whose first {@code k} values have the closest shape
 *       (mean absolute difference of log values relative to their mean; sharing attributes breaks near ties); each
 *       analogue's continuation is rescaled by the ratio of the new product's first {@code k} values to its own.</li>
 * </ul>
 * The paths are the analogues' rescaled curves in turn (equally weighted), each times one log-normal level shock:
 * with no observations its spread is the level model's residual spread, with {@code k} observations the spread of
 * the rescaling measured on the analogues themselves (each one's continuation predicted from the others). The mean
 * is the paths' mean. Immutable and thread-safe.
 *
 * <p>Each {@link #forecast} passes one {@link GenerationRequest} through the {@link Builder#interceptors
 * interceptors}: module {@code "forecast"}, operation {@code "newProduct"}, the forecast's summary as text (as
 * {@link Forecaster} writes it), attributes {@code series}, {@code horizon}, {@code paths}, {@code method}
 * ({@code analogues}) and {@code observed} (k), model {@code new-product-analogues} version
 * {@code library-<size>}; a {@code BLOCK} verdict makes the call throw a {@link RetailGenException} naming the rules.
 *
 * <pre>{@code
 * NewProductForecaster f = NewProductForecaster.builder().library(launches).analogues(10).build();
 * Forecast fc = f.forecast("sku-new", Map.of("category", "shoes", "region", "north"), new double[] {12, 15}, 12);
 * }</pre>
 */
public final class NewProductForecaster {

    /** The launch level is the mean of at most this many first values. */
    static final int LEVEL_VALUES = 12;
    private static final int BACKFIT_ROUNDS = 20;

    /**
     * One earlier product from its launch on.
     *
     * @param id the product id
     * @param attributes its attributes by name (category, brand, price band, ...)
     * @param values its values from the first period on sale, oldest first, finite and {@code >= 0}
     */
    public record Launch(String id, Map<String, String> attributes, double[] values) {
        /** Validates and copies. */
        public Launch {
            Objects.requireNonNull(id, "id == null");
            attributes = Map.copyOf(attributes);
            values = values.clone();
            for (int t = 0; t < values.length; t++) {
                if (!(values[t] >= 0) || Double.isInfinite(values[t])) {
                    throw new IllegalArgumentException("launch " + id + ": value " + t + " must be finite and >= 0, "
                            + "got " + values[t]);
                }
            }
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        double level() {
            int n = Math.min(LEVEL_VALUES, values.length);
            double s = 0;
            for (int t = 0; t < n; t++) {
                s += values[t];
            }
            return n == 0 ? 0 : s / n;
        }
    }

    private final List<Launch> library;
    private final int analogues;
    private final int paths;
    private final long seed;
    private final LevelModel levels;
    private final InterceptorChain interceptors;

    private NewProductForecaster(Builder b) {
        this.interceptors = b.interceptors;
        this.library = List.copyOf(b.library);
        this.analogues = b.analogues;
        this.paths = b.paths;
        this.seed = b.seed;
        this.levels = LevelModel.fit(library);
    }

    /** @return a builder: 10 analogues, 1,000 paths, seed 42, no interceptors; a library is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param id the new product's id (names the forecast)
     * @param attributes its attributes; names or values the library has not seen add nothing to the level
     * @param observed its values so far, from launch on (may be empty), finite and {@code >= 0}
     * @param horizon the steps to forecast after the observed ones, at least 1
     * @return the forecast of the next {@code horizon} steps
     * @throws IllegalArgumentException when no library product covers {@code observed.length + horizon} steps
     * @throws RetailGenException when an interceptor blocks it
     */
    public Forecast forecast(String id, Map<String, String> attributes, double[] observed, int horizon) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(attributes, "attributes == null");
        Launch query = new Launch(id, attributes, observed);
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        int k = observed.length;
        List<Launch> usable = library.stream().filter(l -> l.values.length >= k + horizon && l.level() > 0)
                .toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no product of the library (" + library.size() + ") has "
                    + (k + horizon) + " values with a positive level; shorten the horizon or add launches");
        }
        double observedMean = k == 0 ? 0 : Arrays.stream(observed).average().orElse(0);
        boolean byShape = k > 0 && observedMean > 0;
        double logLevel = levels.predict(attributes);
        Comparator<Launch> order = byShape
                ? Comparator.comparingDouble(l -> shapeDistance(query.values, l.values) - 0.05 * similarity(attributes,
                        l.attributes))
                : Comparator.<Launch>comparingDouble(l -> -similarity(attributes, l.attributes))
                        .thenComparingDouble(l -> Math.abs(Math.log(l.level()) - logLevel));
        List<Launch> chosen = usable.stream().sorted(order.thenComparing(Launch::id)).limit(analogues).toList();
        double[][] curves = new double[chosen.size()][horizon];
        for (int a = 0; a < chosen.size(); a++) {
            Launch l = chosen.get(a);
            double factor;
            if (byShape) {
                factor = observedMean / Arrays.stream(l.values, 0, k).average().orElse(0);
            } else if (k > 0) {
                factor = 0; // observed all zero so far: no sales yet, nothing to scale by
            } else {
                factor = Math.exp(logLevel) / l.level();
            }
            for (int t = 0; t < horizon; t++) {
                double v = l.values[k + t] * factor;
                curves[a][t] = Double.isFinite(v) ? v : 0;
            }
        }
        double sigma = byShape ? leaveOneOutSpread(chosen, k, horizon) : levels.residualSd;
        SplittableRandom rng = new SplittableRandom(seed ^ id.hashCode());
        double[][] p = new double[paths][];
        for (int i = 0; i < paths; i++) {
            double shock = sigma > 0 ? Math.exp(sigma * rng.nextGaussian() - sigma * sigma / 2) : 1;
            p[i] = curves[i % curves.length].clone();
            for (int t = 0; t < horizon; t++) {
                p[i][t] *= shock;
            }
        }
        ScenarioSet s = new ScenarioSet("analogues", seed, p);
        List<String> names = chosen.stream().map(Launch::id).toList();
        String note = (byShape ? "shape of the first " + k + " values" : "attributes") + "; analogues " + names;
        Forecast fc = new Forecast(id, "analogues-" + (byShape ? "k" + k : "attributes"), s.mean(), s, note,
                new double[0]);
        audit(fc, k);
        return fc;
    }

    private void audit(Forecast fc, int observed) {
        if (interceptors.size() == 0) {
            return;
        }
        GenerationRequest request = GenerationRequest.builder().module(Forecaster.MODULE).operation("newProduct")
                .text(ForecastAudit.summary(List.of(fc), fc.horizon())).attribute("series", "1")
                .attribute("horizon", Integer.toString(fc.horizon())).attribute("paths", Integer.toString(paths))
                .attribute("method", "analogues").attribute("observed", Integer.toString(observed))
                .model("new-product-analogues", "library-" + library.size()).build();
        GenerationResponse response = interceptors.execute(request, r -> GenerationResponse.allow(r.text()));
        if (response.blocked()) {
            throw new RetailGenException(ErrorCode.GENERATION_BLOCKED, "the interceptors blocked newProduct of "
                    + fc.seriesId() + " (request " + request.requestId() + "): rules " + response.findings().stream()
                    .map(Finding::ruleId).distinct().collect(Collectors.joining(", ")));
        }
    }

    /**
     * How far off the rescaling is, measured on the analogues themselves: each analogue's mean continuation predicted
     * from the others (rescaled by its own first {@code k} values) against what it did; the root mean square of the
     * log errors.
     */
    static double leaveOneOutSpread(List<Launch> chosen, int k, int horizon) {
        double ss = 0;
        int n = 0;
        for (Launch a : chosen) {
            double firstA = Arrays.stream(a.values, 0, k).average().orElse(0);
            double actual = Arrays.stream(a.values, k, k + horizon).average().orElse(0);
            double predicted = 0;
            int m = 0;
            for (Launch b : chosen) {
                double firstB = Arrays.stream(b.values, 0, k).average().orElse(0);
                if (b != a && firstB > 0) {
                    predicted += Arrays.stream(b.values, k, k + horizon).average().orElse(0) * firstA / firstB;
                    m++;
                }
            }
            if (m > 0 && actual > 0 && predicted > 0) {
                double e = Math.log(actual / (predicted / m));
                ss += e * e;
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(ss / n);
    }

    /** The share of the query's attributes a library product has with the same value. */
    static double similarity(Map<String, String> query, Map<String, String> other) {
        if (query.isEmpty()) {
            return 0;
        }
        long same = query.entrySet().stream().filter(e -> e.getValue().equals(other.get(e.getKey()))).count();
        return (double) same / query.size();
    }

    /** Mean absolute difference of {@code log(v / mean)} over the first {@code observed.length} values. */
    static double shapeDistance(double[] observed, double[] values) {
        int k = observed.length;
        double mo = Arrays.stream(observed).average().orElse(0);
        double mv = Arrays.stream(values, 0, k).average().orElse(0);
        if (!(mv > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double eps = 0.05;
        double d = 0;
        for (int t = 0; t < k; t++) {
            d += Math.abs(Math.log(observed[t] / mo + eps) - Math.log(values[t] / mv + eps));
        }
        return d / k;
    }

    /** {@code log level = mu + sum over attributes of effect[name][value]}, fitted by backfitting. */
    static final class LevelModel {
        final double mu;
        final Map<String, Map<String, Double>> effects;
        final double residualSd;

        private LevelModel(double mu, Map<String, Map<String, Double>> effects, double residualSd) {
            this.mu = mu;
            this.effects = effects;
            this.residualSd = residualSd;
        }

        static LevelModel fit(List<Launch> library) {
            List<Launch> pos = library.stream().filter(l -> l.level() > 0).toList();
            double[] y = pos.stream().mapToDouble(l -> Math.log(l.level())).toArray();
            double mu = Arrays.stream(y).average().orElse(0);
            Map<String, Map<String, Double>> eff = new LinkedHashMap<>();
            pos.forEach(l -> l.attributes.forEach((k, v) -> eff.computeIfAbsent(k, x -> new HashMap<>()).put(v, 0.0)));
            for (int round = 0; round < BACKFIT_ROUNDS; round++) {
                for (String name : eff.keySet()) {
                    Map<String, double[]> acc = new HashMap<>();
                    for (int r = 0; r < pos.size(); r++) {
                        String v = pos.get(r).attributes.get(name);
                        if (v != null) {
                            double rest = y[r] - mu - others(eff, pos.get(r).attributes, name);
                            double[] a = acc.computeIfAbsent(v, x -> new double[2]);
                            a[0] += rest;
                            a[1]++;
                        }
                    }
                    acc.forEach((v, a) -> eff.get(name).put(v, a[0] / a[1]));
                }
            }
            double ss = 0;
            for (int r = 0; r < pos.size(); r++) {
                double e = y[r] - mu - others(eff, pos.get(r).attributes, null);
                ss += e * e;
            }
            return new LevelModel(mu, eff, pos.size() > 1 ? Math.sqrt(ss / (pos.size() - 1)) : 0);
        }

        private static double others(Map<String, Map<String, Double>> eff, Map<String, String> attrs, String skip) {
            double s = 0;
            for (Map.Entry<String, String> a : attrs.entrySet()) {
                Map<String, Double> m = eff.get(a.getKey());
                if (!a.getKey().equals(skip) && m != null) {
                    s += m.getOrDefault(a.getValue(), 0.0);
                }
            }
            return s;
        }

        double predict(Map<String, String> attributes) {
            return mu + others(effects, attributes, null);
        }
    }

    /** Builds a {@link NewProductForecaster}. Not thread-safe. */
    public static final class Builder {
        private final List<Launch> library = new ArrayList<>();
        private int analogues = 10;
        private int paths = 1000;
        private long seed = 42;
        private InterceptorChain interceptors = InterceptorChain.empty();

        private Builder() {
        }

        /**
         * @param chain the interceptors every forecast passes (default {@link InterceptorChain#empty()})
         * @return this
         */
        public Builder interceptors(InterceptorChain chain) {
            this.interceptors = Objects.requireNonNull(chain, "interceptors == null");
            return this;
        }

        /**
         * @param launches earlier products from their launch on (added to those given before)
         * @return this
         */
        public Builder library(List<Launch> launches) {
            launches.forEach(l -> library.add(Objects.requireNonNull(l, "launch == null")));
            return this;
        }

        /**
         * @param count how many analogues a forecast uses, 1 to 10,000
         * @return this
         */
        public Builder analogues(int count) {
            this.analogues = GenerativeArguments.range("analogues", count, 1, 10_000);
            return this;
        }

        /**
         * @param count scenario paths, 1 to 1,000,000
         * @return this
         */
        public Builder paths(int count) {
            this.paths = GenerativeArguments.range("paths", count, 1, 1_000_000);
            return this;
        }

        /**
         * @param value the seed of the level shocks
         * @return this
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @return the forecaster
         * @throws IllegalStateException when the library is empty
         */
        public NewProductForecaster build() {
            if (library.isEmpty()) {
                throw new IllegalStateException("a new-product forecaster needs a library of earlier launches");
            }
            return new NewProductForecaster(this);
        }
    }
}
