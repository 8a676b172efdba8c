package io.retailgen.forecast;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Not a check but a measuring tool, skipped unless {@code -Dretailgen.dump.in=FILE} names a series file in the
 * m-competition layout: fits every candidate member of the ensemble (and some that were tried and not kept) once per
 * series at each origin the offline combination needs (the end of the training part, {@code h}, {@code 2h} and
 * {@code 3h} before it, and the ensemble's validation origins before those) and writes their point forecasts to
 * {@code -Dretailgen.dump.out=FILE}, one line per series, origin and member. {@code tools/forecast/combine_members.py}
 * combines them as the ensemble does; docs/BENCHMARKS.md has the commands. {@code -Dretailgen.dump.set=2} writes the
 * log-scale DOTM, ARIMA and median-drift candidates instead.
 */
class MemberDumpTest {

    record S(String id, int period, double[] train, int h) {
    }

    static List<S> read(Path file) throws IOException {
        Map<String, List<Double>> train = new LinkedHashMap<>();
        Map<String, Integer> h = new LinkedHashMap<>();
        Map<String, Integer> per = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(file);
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",");
            String id = f[0];
            per.put(id, switch (f[1]) {
                case "MONTHLY" -> 12;
                case "QUARTERLY" -> 4;
                default -> 1;
            });
            if (f[3].equals("train")) {
                train.computeIfAbsent(id, k -> new ArrayList<>()).add(Double.parseDouble(f[5]));
            } else {
                h.merge(id, 1, Integer::sum);
            }
        }
        List<S> out = new ArrayList<>();
        train.forEach((id, v) -> out.add(new S(id, per.get(id), v.stream().mapToDouble(Double::doubleValue).toArray(),
                h.getOrDefault(id, 0))));
        return out;
    }

    /** Point-forecast-only model. */
    static FittedModel point(String name, Function<Integer, double[]> f) {
        return new FittedModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void forecast(int h, double[] out) {
                System.arraycopy(f.apply(h), 0, out, 0, h);
            }

            @Override
            public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void fitted(double[] y, int n, double[] out) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int residualDf() {
                return 1;
            }
        };
    }

    static FittedModel drift(double[] a, int n, double slope) {
        double last = a[n - 1];
        return point("rwd", h -> {
            double[] o = new double[h];
            for (int k = 0; k < h; k++) {
                o[k] = last + (k + 1) * slope;
            }
            return o;
        });
    }

    static FittedModel thetaK(double[] a, int n, double theta, NelderMead nm) {
        Theta.Ses ses = Theta.Ses.fit(a, n, nm);
        double b = Theta.linearSlope(a, n);
        double alpha = Math.max(1e-10, ses.alpha);
        double w = (1 - 1 / theta) * b;
        double base = (1 - Math.pow(1 - alpha, n)) / alpha;
        double level = ses.level;
        return point("theta" + theta, h -> {
            double[] o = new double[h];
            for (int k = 0; k < h; k++) {
                o[k] = level + w * (k + base);
            }
            return o;
        });
    }

    static FittedModel exp(FittedModel inner) {
        return point("exp", h -> {
            double[] o = new double[h];
            inner.forecast(h, o);
            for (int k = 0; k < h; k++) {
                o[k] = Math.exp(o[k]);
            }
            return o;
        });
    }

    static Map<String, FittedModel> candidates(PreparedSeries p, Ets.Workspace ws) {
        Map<String, FittedModel> m = new LinkedHashMap<>();
        double[] a = p.adjusted();
        int n = p.n();
        if ("2".equals(System.getProperty("retailgen.dump.set"))) {
            double[] la = new double[n];
            for (int t = 0; t < n; t++) {
                if (!(a[t] > 0)) {
                    return m;
                }
                la[t] = Math.log(a[t]);
            }
            FittedModel dt = DynamicTheta.fit(la, n, ws.nm);
            if (dt != null) {
                m.put("logdotm", p.reseasonalise(exp(dt)));
            }
            FittedModel ar = Arima.fit(la, n);
            if (ar != null) {
                m.put("logarima", p.reseasonalise(exp(ar)));
            }
            MedianDrift md = MedianDrift.fit(la, n);
            if (md != null) {
                m.put("logrwdmed", p.reseasonalise(exp(md)));
            }
            return m;
        }
        Ets e = Ets.auto(p.y(), n, p.period(), ws);
        m.put("ets", e == null ? p.seasonalNaive() : e);
        FittedModel lg = LogTransformed.etsOnLog(p.y(), n, p.period(), ws);
        if (lg != null) {
            m.put("logets", lg);
        }
        m.put("theta", p.reseasonalise(Theta.fit(a, n, ws.nm)));
        FittedModel ar = Arima.fit(a, n);
        m.put("arima", ar == null ? p.seasonalNaive() : p.reseasonalise(ar));
        FittedModel dt = DynamicTheta.fit(a, n, ws.nm);
        m.put("dotm", dt == null ? p.seasonalNaive() : p.reseasonalise(dt));
        FittedModel ld = LogTransformed.dampedOnLog(a, n, ws);
        Ets damped = Ets.fit(a, n, 1, false, Ets.Trend.AD, Ets.Season.N, ws);
        Ets ses = Ets.fit(a, n, 1, false, Ets.Trend.N, Ets.Season.N, ws);
        Ets holt = Ets.fit(a, n, 1, false, Ets.Trend.A, Ets.Season.N, ws);
        m.put("damped", p.reseasonalise(damped != null ? damped : ses != null ? ses : SeasonalNaive.fit(a, n, 1)));
        m.put("logdamped", ld != null ? p.reseasonalise(ld) : m.get("damped"));
        m.put("ses", p.reseasonalise(ses != null ? ses : SeasonalNaive.fit(a, n, 1)));
        m.put("holt", p.reseasonalise(holt != null ? holt : SeasonalNaive.fit(a, n, 1)));
        m.put("naive", p.reseasonalise(SeasonalNaive.fit(a, n, 1)));
        m.put("rwd", p.reseasonalise(drift(a, n, (a[n - 1] - a[0]) / (n - 1))));
        MedianDrift md = MedianDrift.fit(a, n);
        m.put("rwdmed", p.reseasonalise(md != null ? md : SeasonalNaive.fit(a, n, 1)));
        int k = Math.min(n - 1, 10);
        m.put("rwd10", p.reseasonalise(drift(a, n, (a[n - 1] - a[n - 1 - k]) / k)));
        m.put("theta3", p.reseasonalise(thetaK(a, n, 3, ws.nm)));
        m.put("theta15", p.reseasonalise(thetaK(a, n, 1.5, ws.nm)));
        double[] la = new double[n];
        boolean pos = true;
        for (int t = 0; t < n; t++) {
            pos &= a[t] > 0;
            la[t] = pos ? Math.log(a[t]) : 0;
        }
        if (pos) {
            m.put("logtheta", p.reseasonalise(exp(Theta.fit(la, n, ws.nm))));
            m.put("logrwd", p.reseasonalise(exp(drift(la, n, (la[n - 1] - la[0]) / (n - 1)))));
        }
        return m;
    }

    @Test
    void dump() throws Exception {
        String in = System.getProperty("retailgen.dump.in");
        Assumptions.assumeTrue(in != null, "set -Dretailgen.dump.in");
        Path out = Path.of(System.getProperty("retailgen.dump.out"));
        List<S> data = read(Path.of(in));
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        ThreadLocal<Ets.Workspace> wsl = ThreadLocal.withInitial(Ets.Workspace::new);
        long t0 = System.nanoTime();
        data.parallelStream().forEach(s -> {
            int n = s.train().length;
            int m = s.period();
            int minTrain = m > 1 ? Math.max(2 * m, 8) : 8;
            java.util.TreeSet<Integer> origins = new java.util.TreeSet<>();
            for (int j = 0; j < 4; j++) {
                int o = n - j * s.h();
                if (o >= 3) {
                    origins.add(o);
                }
                int ov = o - Math.min(s.h(), o - minTrain);
                if (ov >= 3 && ov < o) {
                    origins.add(ov);
                }
            }
            for (int len : origins) {
                String tag = "o" + len;
                PreparedSeries p = PreparedSeries.of(Arrays.copyOf(s.train(), len), m);
                if (p.constant()) {
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                double[] f = new double[s.h()];
                for (Map.Entry<String, FittedModel> c : candidates(p, wsl.get()).entrySet()) {
                    c.getValue().forecast(s.h(), f);
                    sb.setLength(0);
                    sb.append(s.id()).append('\t').append(tag).append('\t').append(len).append('\t')
                            .append(c.getKey()).append('\t');
                    for (int i = 0; i < f.length; i++) {
                        sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "%.6g", f[i]));
                    }
                    lines.add(sb.toString());
                }
            }
        });
        System.out.println("dump seconds " + (System.nanoTime() - t0) / 1e9);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            lines.forEach(w::println);
        }
    }
}
