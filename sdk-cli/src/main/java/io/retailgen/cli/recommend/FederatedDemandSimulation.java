package io.retailgen.cli.recommend;

import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.federated.Coordinator;
import io.retailgen.federated.FederatedModel;
import io.retailgen.federated.FederatedRun;
import io.retailgen.federated.StoreClient;
import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.DeepArTrainer;
import io.retailgen.forecast.FederatedDeepAr;
import io.retailgen.forecast.HierarchicalData;
import io.retailgen.forecast.Metrics;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.TimeSeries;
import io.retailgen.forecast.TimeSeriesReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code federated simulate --model demand}: the DeepAR-style demand model trained across the states of an
 * aus-retail-layout file, each state a store holding its own series (every bottom series, state x industry, with its
 * last {@code horizon} periods held out), and the same network trained centrally on all the held-in series with the
 * same seed, starting weights and epochs (rounds x local epochs). Both are scored on the held-out window like the
 * scenario VAE comparison in docs/BENCHMARKS.md: CRPS and the mean absolute scaled error of the median path, both
 * divided by the series' in-sample seasonal-naive mean absolute error, and the coverage of the 95% interval.
 */
final class FederatedDemandSimulation {

    /** The network of the scenario VAE comparison: 12 lags, 32 hidden units. */
    static final int WINDOW = 12;
    static final int HIDDEN = 32;

    private final int horizon;
    private final int rounds;
    private final int localEpochs;
    private final int batch;
    private final double prox;
    private final int paths;
    private final long seed;

    FederatedDemandSimulation(int horizon, int rounds, int localEpochs, int batch, double prox, int paths,
            long seed) {
        this.horizon = horizon;
        this.rounds = rounds;
        this.localEpochs = localEpochs;
        this.batch = batch;
        this.prox = prox;
        this.paths = paths;
        this.seed = seed;
    }

    /** The held-in series by state and the held-out values, in the file's bottom-series order. */
    record Split(Map<String, List<TimeSeries>> byState, List<TimeSeries> history, List<double[]> actual) {
    }

    Split split(Path data, DataValidator validator) {
        HierarchicalData aus = TimeSeriesReader.readHierarchical(data, AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN,
                AusRetail.HIERARCHY, validator);
        Map<String, List<TimeSeries>> byState = new LinkedHashMap<>();
        List<TimeSeries> history = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        for (int node : aus.hierarchy().bottom()) {
            TimeSeries s = aus.series().get(node);
            double[] v = s.values();
            if (v.length <= horizon + WINDOW) {
                throw new IllegalArgumentException(data + ": series " + s.id() + " has " + v.length + " periods; "
                        + "--horizon " + horizon + " with " + WINDOW + " lags needs more than " + (horizon + WINDOW));
            }
            TimeSeries held = new TimeSeries(s.id(), s.path(), s.frequency(), Arrays.copyOf(v, v.length - horizon),
                    Map.of());
            history.add(held);
            actual.add(Arrays.copyOfRange(v, v.length - horizon, v.length));
            byState.computeIfAbsent(s.path().get(0), k -> new ArrayList<>()).add(held);
        }
        if (byState.size() < 2) {
            throw new IllegalArgumentException(data + ": federated training needs at least 2 states, found "
                    + byState.keySet());
        }
        return new Split(byState, history, actual);
    }

    /** Trains both ways, scores both, and returns the JSON keys. */
    Map<String, Object> run(Split split, Coordinator coordinator) {
        DeepArTrainer.Builder b = DeepArTrainer.builder().window(WINDOW).hidden(HIDDEN).batchSize(batch)
                .seed(seed);
        FederatedDeepAr local = FederatedDeepAr.of(b.epochs(localEpochs).build());
        FederatedModel<List<TimeSeries>> model = FederatedModel.of(local);
        List<StoreClient<List<TimeSeries>>> stores = new ArrayList<>();
        for (Map.Entry<String, List<TimeSeries>> e : split.byState().entrySet()) {
            stores.add(new StoreClient<>(e.getKey(), e.getValue(), model, prox, coordinator.clipNorm()));
        }
        FederatedRun run = coordinator.run(local.initialWeights(), stores);

        FederatedDeepAr central = FederatedDeepAr.of(b.epochs(rounds * localEpochs).build());
        long t0 = System.nanoTime();
        float[] centralWeights = central.trainLocally(central.initialWeights(), split.history(), 0);
        double centralSeconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "demand");
        m.put("stores", stores.size());
        m.put("series", split.history().size());
        m.put("horizon", horizon);
        m.put("paths", paths);
        m.put("weights", local.size());
        m.put("rounds", run.rounds());
        m.put("local_epochs", localEpochs);
        m.put("batch", batch);
        m.put("bytes_per_client_round", Math.round(run.bytesPerStoreRound()));
        m.put("train_seconds", round(run.seconds()));
        try (DeepArModel fed = local.model(run.weights())) {
            score(fed, split).forEach((k, v) -> m.put(k, v));
        }
        m.put("centralised_epochs", rounds * localEpochs);
        m.put("centralised_train_seconds", round(centralSeconds));
        try (DeepArModel cen = central.model(centralWeights)) {
            score(cen, split).forEach((k, v) -> m.put("centralised_" + k, v));
        }
        if (coordinator.clientPrivacy()) {
            m.put("epsilon", round(run.epsilon()));
            m.put("delta", run.delta());
            m.put("noise_multiplier", round(run.noiseMultiplier()));
            m.put("clip", coordinator.clipNorm());
        }
        return m;
    }

    /** Scaled CRPS (mean and median over series), 95% coverage and MASE of the median path. */
    Map<String, Object> score(DeepArModel model, Split split) {
        List<Double> crps = new ArrayList<>();
        double covered = 0;
        double mase = 0;
        for (int i = 0; i < split.history().size(); i++) {
            TimeSeries s = split.history().get(i);
            double[] y = Arrays.stream(s.values()).filter(Double::isFinite).toArray();
            int m = y.length > 2 * s.frequency().seasonalPeriod() ? s.frequency().seasonalPeriod() : 1;
            double scale = Metrics.naiveScale(y, m);
            if (!(scale > 0)) {
                continue;
            }
            double[] a = split.actual().get(i);
            ScenarioSet paths = model.sample(s, horizon, Map.of(), this.paths, i);
            crps.add(Metrics.crps(a, paths) / scale);
            covered += Metrics.coverage(a, paths.interval(0.95));
            mase += Metrics.mase(y, a, paths.quantile(0.5), m);
        }
        double[] sorted = crps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("crps", round(Arrays.stream(sorted).average().orElse(Double.NaN)));
        out.put("crps_median", round(n == 0 ? Double.NaN : (sorted[(n - 1) / 2] + sorted[n / 2]) / 2));
        out.put("coverage_95", round(covered / n));
        out.put("mase", round(mase / n));
        out.put("scored_series", n);
        return out;
    }

    /** Six decimals; values too large for that (runaway sample paths of an untrained network) stay as they are. */
    private static double round(double v) {
        return Double.isFinite(v) && Math.abs(v) < 1e9 ? Math.round(v * 1e6) / 1e6 : v;
    }
}
