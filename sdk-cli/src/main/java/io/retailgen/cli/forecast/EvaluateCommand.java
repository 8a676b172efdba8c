package io.retailgen.cli.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.InputMode;
import io.retailgen.cli.Json;
import io.retailgen.cli.OptionRanges;
import io.retailgen.cli.SparkOption;
import io.retailgen.cli.SparkRun;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataReport;
import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.datasets.MCompetition;
import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.Evaluation;
import io.retailgen.forecast.ForecastEvaluation;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.HierarchicalData;
import io.retailgen.forecast.HierarchicalResult;
import io.retailgen.forecast.LabeledSeries;
import io.retailgen.forecast.Method;
import io.retailgen.forecast.Reconciliation;
import io.retailgen.forecast.TimeSeries;
import io.retailgen.forecast.TimeSeriesReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retailgen forecast evaluate}: accuracy, calibration and speed on held-out data. */
@Command(name = "evaluate", description = "Forecast held-out periods and report sMAPE, MASE, MAPE, CRPS, interval "
        + "coverage and fit time.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "The data file.")
    Path data;

    @Option(names = "--format", required = true, description = "m-competition, aus-retail or csv.")
    String format;

    @Option(names = "--method", defaultValue = "auto",
            description = "auto, ets, theta, damped, dotm, ces, seasonal-naive, ensemble or generative (with --model DIR, or a "
                    + "small model is "
                    + "trained first) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--time-column", description = "csv: the period column (YYYY-MM or integer).")
    String timeColumn;

    @Option(names = "--value-column", description = "csv: the value column.")
    String valueColumn;

    @Option(names = "--hierarchy", split = ",", description = "csv: hierarchy columns, top level first.")
    List<String> hierarchy;

    @Option(names = "--holdout", description = "csv: held-out periods at the end (aus-retail: 24).")
    Integer holdout;

    @Option(names = "--reconciliation", defaultValue = "mint-bottom-up",
            description = "bottom-up, top-down, mint, wls-structural, wls-variance, mint-bottom-up or "
                    + "log-aggregates-wls-bottom-up (default: ${DEFAULT-VALUE}).")
    String reconciliation;

    @Option(names = "--paths", defaultValue = "1000", description = "Scenario paths per series (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Forecast and score through sdk-spark on this "
            + "Spark master (local[2], spark://host:7077); --format m-competition. Spark must be on the class path; "
            + "adds spark_seconds.")
    String spark;

    @CommandLine.Mixin
    GenerativeOptions generative = new GenerativeOptions();

    @CommandLine.Mixin
    InputMode input = new InputMode();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static Reconciliation parseReconciliation(CommandLine cl, String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "bottom-up", "bottom_up", "bu" -> Reconciliation.BOTTOM_UP;
            case "top-down", "top_down", "td" -> Reconciliation.TOP_DOWN;
            case "mint", "mint-shrink", "mint_shrink" -> Reconciliation.MINT_SHRINK;
            case "wls-structural", "wls_structural" -> Reconciliation.WLS_STRUCTURAL;
            case "wls-variance", "wls_variance" -> Reconciliation.WLS_VARIANCE;
            case "mint-bottom-up", "mint_bottom_up", "mint_bottom_up_validated" ->
                Reconciliation.MINT_BOTTOM_UP_VALIDATED;
            case "log-aggregates-wls-bottom-up", "log_aggregates_wls_bottom_up" ->
                Reconciliation.LOG_AGGREGATES_WLS_BOTTOM_UP;
            default -> throw new CommandLine.ParameterException(cl, "unknown --reconciliation '" + s
                    + "', expected bottom-up, top-down, mint, wls-structural, wls-variance, mint-bottom-up or"
                    + " log-aggregates-wls-bottom-up");
        };
    }

    static Method parseMethod(CommandLine cl, String s) {
        try {
            return Method.parse(s);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--method: " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        Method m = parseMethod(cl, method);
        OptionRanges.require(cl, "--paths", paths, 1, OptionRanges.MAX_PATHS);
        if (holdout != null) {
            OptionRanges.require(cl, "--holdout", holdout, 1, OptionRanges.MAX_HORIZON);
            OptionRanges.requireScenarioSize(cl, paths, "--holdout", holdout);
        }
        generative.check(cl, m == Method.GENERATIVE);
        if (spark != null) {
            SparkOption.require(cl, spark);
            if (!format.equalsIgnoreCase("m-competition")) {
                throw new CommandLine.ParameterException(cl, "--spark runs --format m-competition; the hierarchical "
                        + "formats reconcile the whole tree in one JVM (see docs/scale-out.md)");
            }
        }
        if (!Files.isRegularFile(data)) {
            throw new CommandLine.ParameterException(cl, "--data " + data + " is not a readable file");
        }
        if (m != Method.GENERATIVE && generative.givenWithoutGenerative(cl)) {
            throw new CommandLine.ParameterException(cl, "--model, --epochs, --window and --hidden apply to "
                    + "--method generative only, not " + method);
        }
        DataValidator validator = input.validator(data.toString());
        ObjectNode o = Json.object();
        double sparkSeconds = Double.NaN;
        String f = format.toLowerCase(Locale.ROOT);
        switch (f) {
            case "m-competition" -> {
                // with --spark the session starts while the file is read and checked
                try (SparkRun.Starting starting = spark == null ? null
                        : SparkRun.startInBackground(spark, "retailgen forecast evaluate")) {
                    List<LabeledSeries> series = MCompetition.read(data, validator).stream()
                            .map(c -> LabeledSeries.of(c.id(), c.path(), c.frequency(), c.train(), c.test()))
                            .toList();
                    for (LabeledSeries ls : series) {
                        requireScenarioSize(ls.train().id(), ls.test().length);
                    }
                    ForecastEvaluation r;
                    try (DeepArModel gen = m == Method.GENERATIVE
                            ? generative.obtain(cl, series.stream().map(LabeledSeries::train).toList(), seed)
                            : null) {
                        if (starting == null) {
                            r = Evaluation.evaluate(series, forecaster(m, gen));
                        } else {
                            SparkRun run = starting.get();
                            r = run.forecastEvaluate(series, m, paths, seed,
                                    gen == null ? null : gen.toBundle("forecast-evaluate", gen.version()));
                            sparkSeconds = run.seconds();
                        }
                    }
                    fill(o, r);
                    o.set("smape_by_period", ForecastJson.map(r.smapeByGroup()));
                }
            }
            case "aus-retail", "csv" -> {
                String tc = f.equals("aus-retail") ? AusRetail.TIME_COLUMN : require(cl, timeColumn, "--time-column");
                String vc = f.equals("aus-retail") ? AusRetail.VALUE_COLUMN
                        : require(cl, valueColumn, "--value-column");
                List<String> hc = f.equals("aus-retail") ? AusRetail.HIERARCHY : hierarchy;
                if (hc == null || hc.isEmpty()) {
                    throw new CommandLine.ParameterException(cl, "--format csv needs --hierarchy L1,L2,...");
                }
                int h = holdout != null ? holdout : f.equals("aus-retail") ? 24 : -1;
                if (h < 1) {
                    throw new CommandLine.ParameterException(cl, "--format csv needs --holdout H (>= 1)");
                }
                HierarchicalData hd = TimeSeriesReader.readHierarchical(data, tc, vc, hc, validator);
                Reconciliation how = parseReconciliation(cl, reconciliation);
                HierarchicalResult r;
                try (DeepArModel gen = m == Method.GENERATIVE
                        ? generative.obtain(cl, truncated(hd.series(), h), seed) : null) {
                    r = Evaluation.hierarchical(hd, h, forecaster(m, gen), how);
                }
                fill(o, r.overall());
                o.set("mase_by_level", ForecastJson.map(r.maseByLevel()));
                o.set("base_mase_by_level", ForecastJson.map(r.baseMaseByLevel()));
                ForecastJson.put(o, "coherence_error", r.coherenceError());
                o.put("reconciliation", r.reconciliation().name().toLowerCase(Locale.ROOT));
                o.put("holdout", h);
            }
            default -> throw new CommandLine.ParameterException(cl, "unknown --format '" + format
                    + "', expected m-competition, aus-retail or csv");
        }
        DataReport report = validator.report();
        o.put("method", m.name().toLowerCase(Locale.ROOT));
        o.put("paths", paths);
        o.put("rows_rejected", report.rejected());
        if (spark != null) {
            ForecastJson.put(o, "spark_seconds", sparkSeconds);
        }
        InputMode.printSkipped(cl.getErr(), report);
        if (json) {
            Json.print(out, o);
        } else {
            o.properties().forEach(e -> out.println(e.getKey() + ": " + e.getValue()));
        }
        return 0;
    }

    /** A file's test rows set the horizon: the scenarios it needs must fit the same limit as the options. */
    private void requireScenarioSize(String series, int horizon) {
        long values = (long) paths * horizon;
        if (horizon > OptionRanges.MAX_HORIZON || values > OptionRanges.MAX_SCENARIO_VALUES) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, String.format(Locale.ROOT, "series %s of %s has %,d "
                    + "test rows: forecasting them with --paths %,d needs %,d scenario values, over the limit of %,d "
                    + "(and at most %,d steps); lower --paths", DataIssue.printable(series, 80), data, horizon,
                    paths, values, OptionRanges.MAX_SCENARIO_VALUES, OptionRanges.MAX_HORIZON));
        }
    }

    private Forecaster forecaster(Method m, DeepArModel gen) {
        Forecaster.Builder b = Forecaster.builder().method(m).paths(paths).seed(seed);
        return gen == null ? b.build() : b.generativeModel(gen).build();
    }

    /** The series without their last {@code h} values: a generative model trained on them never sees the holdout. */
    static List<TimeSeries> truncated(List<TimeSeries> all, int h) {
        List<TimeSeries> out = new java.util.ArrayList<>(all.size());
        for (TimeSeries s : all) {
            int n = s.length() - h;
            if (n < 1) {
                continue;
            }
            Map<String, double[]> cov = new java.util.LinkedHashMap<>();
            s.covariates().forEach((k, v) -> cov.put(k, Arrays.copyOf(v, Math.min(v.length, n))));
            out.add(new TimeSeries(s.id(), s.path(), s.frequency(), Arrays.copyOf(s.values(), n), cov));
        }
        return out;
    }

    private static String require(CommandLine cl, String v, String name) {
        if (v == null || v.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--format csv needs " + name);
        }
        return v;
    }

    private static void fill(ObjectNode o, ForecastEvaluation r) {
        o.put("series", r.series());
        ForecastJson.put(o, "smape", r.smape());
        ForecastJson.put(o, "mase", r.mase());
        ForecastJson.put(o, "mape", r.mape());
        ForecastJson.put(o, "crps", r.crps());
        ForecastJson.put(o, "coverage80", r.coverage80());
        ForecastJson.put(o, "coverage95", r.coverage95());
        ForecastJson.put(o, "fit_seconds", r.fitSeconds());
    }
}
