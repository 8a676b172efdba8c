package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.datasets.MCompetition;
import io.retailgen.testing.SharedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The scenario VAE against the DeepAR-style model and the statistical ensemble on held-out data: scaled CRPS, scaled
 * energy score and 95% interval coverage on the aus-retail bottom series (last 12 months held out) and on every
 * fourth M3 monthly series (the official 18 months held out), plus the discount effect each generative model
 * recovers from simulated data. Takes minutes, so it runs only with {@code -Dretailgen.compare=true}; it prints the
 * table of docs/BENCHMARKS.md ("Scenario VAE").
 */
class GenerativeComparisonTest {

    static final int PATHS = 500;
    static final int EPOCHS = 30;

    /** One data set: histories and the held-out values. */
    record Holdout(String name, List<TimeSeries> history, List<double[]> actual, int horizon) {
    }

    record Scores(double crps, double medianCrps, double energy, double medianEnergy, double coverage95, int series,
            double seconds) {
        String row(String data, String model) {
            return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %d | %.0f |", data,
                    model, crps, medianCrps, energy, medianEnergy, coverage95, series, seconds);
        }

        Scores plusSeconds(double more) {
            return new Scores(crps, medianCrps, energy, medianEnergy, coverage95, series, seconds + more);
        }
    }

    static Scores score(Holdout h, BiFunction<TimeSeries, Integer, ScenarioSet> forecast) {
        long t0 = System.nanoTime();
        List<ScenarioSet> sets = new ArrayList<>();
        for (int i = 0; i < h.history().size(); i++) {
            sets.add(forecast.apply(h.history().get(i), i));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return score(h, sets, seconds);
    }

    static Scores score(Holdout h, List<ScenarioSet> sets, double seconds) {
        List<Double> crps = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        double covered = 0;
        int n = 0;
        for (int i = 0; i < sets.size(); i++) {
            TimeSeries s = h.history().get(i);
            double[] y = Arrays.stream(s.values()).filter(Double::isFinite).toArray();
            int m = y.length > 2 * s.frequency().seasonalPeriod() ? s.frequency().seasonalPeriod() : 1;
            double scale = Metrics.naiveScale(y, m);
            if (!(scale > 0)) {
                continue;
            }
            double[] a = h.actual().get(i);
            crps.add(Metrics.crps(a, sets.get(i)) / scale);
            energy.add(EnergyScore.of(a, sets.get(i)) / scale / Math.sqrt(a.length));
            covered += Metrics.coverage(a, sets.get(i).interval(0.95));
            n++;
        }
        return new Scores(mean(crps), median(crps), mean(energy), median(energy), covered / n, n, seconds);
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length == 0 ? Double.NaN : (a[(a.length - 1) / 2] + a[a.length / 2]) / 2;
    }

    static Holdout ausRetail() {
        HierarchicalData aus = TimeSeriesReader.readHierarchical(SharedData.require("timeseries/aus-retail.csv"),
                AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN, AusRetail.HIERARCHY, DataValidator.lenient());
        int h = 12;
        List<TimeSeries> hist = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        for (int node : aus.hierarchy().bottom()) {
            TimeSeries s = aus.series().get(node);
            double[] v = s.values();
            hist.add(new TimeSeries(s.id(), s.path(), s.frequency(), Arrays.copyOf(v, v.length - h), Map.of()));
            actual.add(Arrays.copyOfRange(v, v.length - h, v.length));
        }
        return new Holdout("aus-retail bottom", hist, actual, h);
    }

    static Holdout m3Monthly() {
        List<LabeledSeries> all = MCompetition.read(SharedData.require("timeseries/m3.csv"), DataValidator.lenient())
                .stream().filter(c -> c.frequency().equals("monthly"))
                .map(c -> LabeledSeries.of(c.id(), c.path(), c.frequency(), c.train(), c.test())).toList();
        List<TimeSeries> hist = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 4) {
            hist.add(all.get(i).train());
            actual.add(all.get(i).test());
        }
        return new Holdout("M3 monthly, every 4th", hist, actual, 18);
    }

    @Test
    void scenarioVaeAgainstDeepArAndTheEnsemble() {
        Assumptions.assumeTrue(Boolean.getBoolean("retailgen.compare"),
                "skipped: the generative comparison takes minutes; run it with -Dretailgen.compare=true");
        List<String> table = new ArrayList<>();
        table.add("| data | model | scaled CRPS, mean | median | scaled energy score, mean | median | 95% coverage "
                + "| series | seconds |");
        table.add("|---|---|---|---|---|---|---|---|---|");
        for (Holdout h : List.of(ausRetail(), m3Monthly())) {
            Forecaster ensemble = Forecaster.builder().paths(PATHS).seed(1).build();
            long t0 = System.nanoTime();
            List<ScenarioSet> ens = ensemble.forecastAll(h.history(), h.horizon()).stream()
                    .map(Forecast::scenarios).toList();
            Scores e = score(h, ens, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            Scores d;
            try (DeepArModel deepar = DeepArTrainer.builder().window(12).hidden(32).epochs(EPOCHS).seed(1L).build()
                    .train(h.history())) {
                double train = (System.nanoTime() - t0) / 1e9;
                d = score(h, (s, i) -> deepar.sample(s, h.horizon(), Map.of(), PATHS, i)).plusSeconds(train);
            }
            Scores v = vae(h, ScenarioVaeTrainer.builder());
            Scores v0 = vae(h, ScenarioVaeTrainer.builder().diversityWeight(0));
            table.add(e.row(h.name(), "statistical ensemble"));
            table.add(d.row(h.name(), "DeepAR-style"));
            table.add(v.row(h.name(), "scenario VAE"));
            table.add(v0.row(h.name(), "scenario VAE without the diversity term"));
            System.out.println(String.join("\n", table));
            for (Scores s : List.of(e, d, v, v0)) {
                assertThat(s.series()).isGreaterThan(100);
                assertThat(s.medianCrps()).isPositive().isLessThan(s.medianEnergy() * 10);
                assertThat(s.coverage95()).isBetween(0.3, 1.0);
            }
        }
        table.add(simulatedEffects());
        System.out.println(String.join("\n", table));
    }

    static Scores vae(Holdout h, ScenarioVaeTrainer.Builder b) {
        long t0 = System.nanoTime();
        try (ScenarioVae vae = b.context(24).block(h.horizon()).hidden(32).epochs(EPOCHS).seed(1L).build()
                .train(h.history())) {
            double train = (System.nanoTime() - t0) / 1e9;
            return score(h, (s, i) -> vae.sample(s, h.horizon(), Map.of(), PATHS, i)).plusSeconds(train);
        }
    }

    /** The discount effect at 30% depth each generative model recovers on simulated data (true effect known). */
    static String simulatedEffects() {
        List<TimeSeries> data = DeepArModelTest.simulate(11);
        double depth = 0.3;
        double truth = Math.exp(DeepArModelTest.BETA * depth) - 1;
        double[] promo = new double[6];
        Arrays.fill(promo, depth);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "simulated data (30 weekly series, true effect of a 30%% discount %+.3f):", truth));
        try (DeepArModel deepar = DeepArTrainer.builder().drivers("discount").window(6).hidden(16).epochs(40)
                .learningRate(0.02f).seed(3L).build().train(data);
                ScenarioVae vae = ScenarioVaeTest.small().build().train(data)) {
            for (GenerativeScenarioModel m : List.<GenerativeScenarioModel>of(deepar, vae)) {
                double base = 0;
                double lifted = 0;
                for (TimeSeries s : data) {
                    base += DeepArModelTest.meanOf(m.sample(s, 6, Map.of("discount", new double[6]), 2000, 5));
                    lifted += DeepArModelTest.meanOf(m.sample(s, 6, Map.of("discount", promo), 2000, 5));
                }
                double effect = lifted / base - 1;
                out.append(String.format(Locale.ROOT, " %s %+.3f (error %.1f%%);", m.name().replaceAll("-.*", ""),
                        effect, 100 * Math.abs(effect - truth) / truth));
                assertThat(effect).isPositive();
            }
        }
        return out.toString();
    }
}
