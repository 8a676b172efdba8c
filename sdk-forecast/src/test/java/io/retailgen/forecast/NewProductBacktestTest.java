package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.datasets.CompetitionSeries;
import io.retailgen.datasets.MCompetition;
import io.retailgen.testing.SharedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backtests of {@link NewProductForecaster} on real series treated as launches (their first values as the first
 * months on sale): each target series is hidden but for its first k values (k = 0, 3, 6), its next 12 values are
 * forecast from the other series (leave one out) and scored by sMAPE against naive baselines. Prints the table of
 * docs/BENCHMARKS.md ("New products").
 */
class NewProductBacktestTest {

    static final int HORIZON = 12;

    record Target(NewProductForecaster.Launch launch, boolean scored) {
    }

    static List<Target> ausRetail() {
        HierarchicalData aus = TimeSeriesReader.readHierarchical(SharedData.require("timeseries/aus-retail.csv"),
                AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN, AusRetail.HIERARCHY, DataValidator.lenient());
        List<Target> out = new ArrayList<>();
        for (int node : aus.hierarchy().bottom()) {
            TimeSeries s = aus.series().get(node);
            double[] v = s.values();
            int start = 0;
            while (start < v.length && !(v[start] > 0)) {
                start++;
            }
            double[] launch = Arrays.copyOfRange(v, start, v.length);
            if (Arrays.stream(launch).allMatch(x -> x >= 0) && launch.length >= 6 + HORIZON) {
                out.add(new Target(new NewProductForecaster.Launch(s.id(), Map.of("state", s.path().get(0),
                        "industry", s.path().get(1)), launch), true));
            }
        }
        return out;
    }

    static List<Target> m3Monthly() {
        List<CompetitionSeries> all = MCompetition.read(SharedData.require("timeseries/m3.csv"),
                DataValidator.lenient()).stream().filter(c -> c.frequency().equals("monthly")).toList();
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            CompetitionSeries c = all.get(i);
            out.add(new Target(new NewProductForecaster.Launch(c.id(), Map.of("type", c.type()), c.train()),
                    i % 4 == 0));
        }
        return out;
    }

    @Test
    void analoguesBeatNaiveBaselinesOnRealSeries() {
        List<String> rows = new ArrayList<>();
        rows.add("| data | k | analogues sMAPE | 80% coverage | baseline | baseline sMAPE | series |");
        rows.add("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Target>> set : Map.of("aus-retail bottom (state, industry)", ausRetail(),
                "M3 monthly, every 4th (type)", m3Monthly()).entrySet()) {
            for (int k : new int[] {0, 3, 6}) {
                double[] r = run(set.getValue(), k);
                rows.add(String.format(Locale.ROOT, "| %s | %d | %.2f | %.3f | %s | %.2f | %d |", set.getKey(), k, r[0],
                        r[1], k == 0 ? "mean launch curve of the library" : "last observed value", r[2], (int) r[3]));
                System.out.println(rows.get(rows.size() - 1));
                assertThat(r[0]).as("analogues vs baseline, k=" + k + " on " + set.getKey()).isLessThan(r[2]);
                assertThat(r[1]).as("80%% coverage, k=" + k + " on " + set.getKey()).isBetween(0.75, 0.92);
            }
        }
        System.out.println(String.join("\n", rows));
    }

    /** @return analogue sMAPE, its 80% coverage, baseline sMAPE, series scored */
    static double[] run(List<Target> targets, int k) {
        double sa = 0;
        double cov = 0;
        double sb = 0;
        int n = 0;
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            double[] v = t.launch().values();
            if (!t.scored() || v.length < k + HORIZON) {
                continue;
            }
            List<NewProductForecaster.Launch> library = new ArrayList<>();
            for (int j = 0; j < targets.size(); j++) {
                if (j != i) {
                    library.add(targets.get(j).launch());
                }
            }
            double[] observed = Arrays.copyOf(v, k);
            double[] actual = Arrays.copyOfRange(v, k, k + HORIZON);
            Forecast fc = NewProductForecaster.builder().library(library).paths(200).build()
                    .forecast(t.launch().id(), t.launch().attributes(), observed, HORIZON);
            sa += Metrics.smape(actual, fc.mean());
            cov += Metrics.coverage(actual, fc.scenarios().interval(0.8));
            double[] base = new double[HORIZON];
            if (k == 0) {
                int m = 0;
                for (NewProductForecaster.Launch l : library) {
                    double[] lv = l.values();
                    if (lv.length >= HORIZON) {
                        for (int h = 0; h < HORIZON; h++) {
                            base[h] += lv[h];
                        }
                        m++;
                    }
                }
                for (int h = 0; h < HORIZON; h++) {
                    base[h] /= m;
                }
            } else {
                Arrays.fill(base, observed[k - 1]);
            }
            sb += Metrics.smape(actual, base);
            n++;
        }
        return new double[] {sa / n, cov / n, sb / n, n};
    }
}
