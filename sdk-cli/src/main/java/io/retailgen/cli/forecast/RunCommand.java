package io.retailgen.cli.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.InputMode;
import io.retailgen.cli.Json;
import io.retailgen.cli.OptionRanges;
import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.datasets.CompetitionSeries;
import io.retailgen.datasets.MCompetition;
import io.retailgen.forecast.ArimaWithDrivers;
import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.FanChart;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.HierarchicalData;
import io.retailgen.forecast.Inventory;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.Method;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.TimeSeries;
import io.retailgen.forecast.TimeSeriesReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retailgen forecast run}: one series into scenarios, an inventory policy and a fan chart. */
@Command(name = "run", description = "Forecast one series: write scenarios (CSV, JSON), safety stock and a fan-chart "
        + "PNG.")
final class RunCommand implements Callable<Integer> {

    static final String DISCOUNT = "discount";

    @Option(names = "--data", required = true, description = "The data file.")
    Path data;

    @Option(names = "--format", defaultValue = "m-competition",
            description = "m-competition (train and test rows are the history), aus-retail or csv "
                    + "(default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--series", required = true,
            description = "Series id; for hierarchical data the node path, e.g. Total or Victoria/Food retailing.")
    String seriesId;

    @Option(names = "--horizon", required = true, description = "Steps to forecast.")
    int horizon;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path outDir;

    @Option(names = "--method", defaultValue = "auto", description = "auto, ets, theta, damped, dotm, ces, "
            + "seasonal-naive, ensemble or generative (with --model DIR, or a small model is trained first) (default: "
            + "${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--time-column", description = "csv: the period column.")
    String timeColumn;

    @Option(names = "--value-column", description = "csv: the value column.")
    String valueColumn;

    @Option(names = "--hierarchy", split = ",", description = "csv: hierarchy columns, top level first.")
    List<String> hierarchy;

    @Option(names = "--paths", defaultValue = "1000", description = "Scenario paths (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--lead-time", defaultValue = "1", description = "Lead time in periods (default: ${DEFAULT-VALUE}).")
    int leadTime;

    @Option(names = "--service-level", defaultValue = "0.95",
            description = "Cycle service level (default: ${DEFAULT-VALUE}).")
    double serviceLevel;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Option(names = "--discount", description = "generative what-if: the discount depth (e.g. 0.2) for every future "
            + "step; the outputs are the scenarios under it, and the JSON compares them with the baseline.")
    Double discount;

    @Option(names = "--drivers", split = ",", description = "csv: driver columns (promotion flag, price, ...); rows "
            + "with an empty value are planned future periods. With --method auto the forecast is a regression with "
            + "ARIMA errors on them, with --method generative the generative model is conditioned on them.")
    List<String> drivers;

    @Option(names = "--future-driver", description = "with --drivers: future values of a driver for the horizon, "
            + "NAME=v1,v2,... (repeatable); replaces the planned path from the file (a what-if).")
    Map<String, String> futureDriverValues;

    @CommandLine.Mixin
    GenerativeOptions generative = new GenerativeOptions();

    @CommandLine.Mixin
    InputMode input = new InputMode();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        OptionRanges.require(cl, "--horizon", horizon, 1, OptionRanges.MAX_HORIZON);
        OptionRanges.require(cl, "--paths", paths, 1, OptionRanges.MAX_PATHS);
        OptionRanges.requireScenarioSize(cl, paths, "--horizon", horizon);
        if (leadTime < 1 || leadTime > horizon) {
            throw new CommandLine.ParameterException(cl, "--lead-time must be in [1, " + horizon + "], was "
                    + leadTime);
        }
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new CommandLine.ParameterException(cl, "--service-level must be in (0, 1), was " + serviceLevel);
        }
        if (!Files.isRegularFile(data)) {
            throw new CommandLine.ParameterException(cl, "--data " + data + " is not a readable file");
        }
        Method m = EvaluateCommand.parseMethod(cl, method);
        if (m != Method.GENERATIVE && (discount != null || generative.givenWithoutGenerative(cl))) {
            throw new CommandLine.ParameterException(cl, "--discount, --model, --epochs, --window and --hidden apply "
                    + "to --method generative only (the statistical models ignore drivers), not " + method);
        }
        if (discount != null && !(discount >= 0 && discount < 1)) {
            throw new CommandLine.ParameterException(cl, "--discount must be in [0, 1), was " + discount);
        }
        generative.check(cl, m == Method.GENERATIVE);
        Map<String, double[]> future = DriverOptions.check(cl, drivers, futureDriverValues, format, m, horizon);
        List<TimeSeries> all = drivers != null ? DriverOptions.read(cl, data, input, hierarchy, timeColumn,
                valueColumn, drivers) : readAll(cl);
        TimeSeries series = all.stream().filter(t -> t.id().equals(seriesId)).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(cl, "no series '" + seriesId + "' in " + data));
        Forecast fc;
        ObjectNode whatIf = null;
        DeepArModel gen = null;
        try {
            Forecaster.Builder fb = Forecaster.builder().method(m).paths(paths).seed(seed);
            if (drivers != null && m == Method.AUTO) {
                fb.method(Method.GENERATIVE).generativeModel(ArimaWithDrivers.of(drivers.toArray(String[]::new)));
            } else if (m == Method.GENERATIVE) {
                gen = generative.obtain(cl, all.stream().filter(t -> t.frequency() == series.frequency()).toList(),
                        seed);
                fb.generativeModel(gen);
            }
            Forecaster forecaster = fb.build();
            fc = future.isEmpty() ? forecaster.forecast(series, horizon) : forecaster.whatIf(series, horizon, future);
            if (discount != null) {
                if (!gen.drivers().contains(DISCOUNT)) {
                    throw new CommandLine.ParameterException(cl, "--discount needs a generative model conditioned on "
                            + "a '" + DISCOUNT + "' driver; this one has drivers " + gen.drivers() + " (train one with "
                            + "DeepArTrainer.builder().drivers(\"discount\") and pass --model DIR)");
                }
                Forecast base = fc;
                Map<String, double[]> drivers = futureDrivers(series, gen.drivers(), horizon);
                java.util.Arrays.fill(drivers.get(DISCOUNT), discount);
                ScenarioSet under = forecaster.whatIf(series, horizon, drivers).scenarios();
                fc = new Forecast(series.id(), gen.name() + " discount=" + discount, under.mean(), under,
                        "what-if: discount " + discount + " at every future step", base.fitted());
                whatIf = Json.object();
                whatIf.put("discount", discount);
                double b = sum(base.mean());
                double w = sum(fc.mean());
                ForecastJson.put(whatIf, "baseline_total", b);
                ForecastJson.put(whatIf, "what_if_total", w);
                ForecastJson.put(whatIf, "uplift", b > 0 ? w / b - 1 : Double.NaN);
                var bm = whatIf.putArray("baseline_mean");
                for (double v : base.mean()) {
                    bm.add(v);
                }
            }
        } finally {
            if (gen != null) {
                gen.close();
            }
        }
        ScenarioSet s = fc.scenarios();
        InventoryPolicy policy = Inventory.forServiceLevel(s, leadTime, serviceLevel);
        Files.createDirectories(outDir);
        Path csv = outDir.resolve("scenarios.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            s.writeCsv(w);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Path scenJson = outDir.resolve("scenarios.json");
        Files.writeString(scenJson, s.toJson(), StandardCharsets.UTF_8);
        Path png = outDir.resolve("fan-chart.png");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // the CLI draws charts, never windows
        }
        Files.write(png, FanChart.png(FanChart.render(series.id() + "  " + fc.model(), series.values(), List.of(),
                fc.scenarios(), List.of())));
        ObjectNode o = Json.object();
        o.put("series", series.id());
        o.put("model", fc.model());
        o.put("horizon", horizon);
        o.put("paths", s.paths());
        o.put("seed", s.seed());
        o.put("note", fc.note());
        if (whatIf != null) {
            o.set("what_if", whatIf);
        }
        if (drivers != null) {
            o.set("drivers", DriverOptions.json(series, drivers, future, horizon));
        }
        ObjectNode inv = o.putObject("inventory");
        inv.put("lead_time", leadTime);
        inv.put("service_level", serviceLevel);
        ForecastJson.put(inv, "safety_stock", policy.safetyStock());
        ForecastJson.put(inv, "reorder_point", policy.reorderPoint());
        ForecastJson.put(inv, "mean_lead_time_demand", policy.meanLeadTimeDemand());
        var mean = o.putArray("mean");
        for (double v : fc.mean()) {
            mean.add(v);
        }
        ScenarioSet.Interval i95 = s.interval(0.95);
        var lo = o.putArray("lower95");
        for (double v : i95.lower()) {
            lo.add(v);
        }
        var hi = o.putArray("upper95");
        for (double v : i95.upper()) {
            hi.add(v);
        }
        ObjectNode files = o.putObject("files");
        files.put("scenarios_csv", csv.toString());
        files.put("scenarios_json", scenJson.toString());
        files.put("fan_chart", png.toString());
        Path summary = outDir.resolve("summary.json");
        files.put("summary", summary.toString());
        Files.writeString(summary, Json.pretty(o),
                StandardCharsets.UTF_8);
        PrintWriter out = cl.getOut();
        if (json) {
            Json.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s: %s, %d paths x %d steps%n", series.id(), fc.model(), s.paths(), horizon);
            out.printf(Locale.ROOT, "safety stock %.3f, reorder point %.3f (lead time %d, service level %.3f)%n",
                    policy.safetyStock(), policy.reorderPoint(), leadTime, serviceLevel);
            out.println("wrote " + csv + ", " + scenJson + ", " + png + ", " + summary);
        }
        return 0;
    }

    /** Every series of the file with its full history (for M-competition data: train and test rows). */
    private List<TimeSeries> readAll(CommandLine cl) {
        DataValidator v = input.validator(data.toString());
        List<TimeSeries> all = readAll(cl, v);
        InputMode.printSkipped(cl.getErr(), v.report());
        return all;
    }

    private List<TimeSeries> readAll(CommandLine cl, DataValidator v) {
        String f = format.toLowerCase(Locale.ROOT);
        switch (f) {
            case "m-competition" -> {
                List<TimeSeries> out = new java.util.ArrayList<>();
                for (CompetitionSeries c : MCompetition.read(data, v)) {
                    double[] tr = c.train();
                    double[] te = c.test();
                    double[] all = java.util.Arrays.copyOf(tr, tr.length + te.length);
                    System.arraycopy(te, 0, all, tr.length, te.length);
                    out.add(new TimeSeries(c.id(), c.path(), Frequency.parse(c.frequency()), all, Map.of()));
                }
                return out;
            }
            case "aus-retail", "csv" -> {
                HierarchicalData hd = f.equals("aus-retail") ? TimeSeriesReader.readHierarchical(data,
                        AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN, AusRetail.HIERARCHY, v)
                        : TimeSeriesReader.readHierarchical(data, need(cl, timeColumn, "--time-column"),
                                need(cl, valueColumn, "--value-column"), hierarchyOrFail(cl), v);
                return hd.series();
            }
            default -> throw new CommandLine.ParameterException(cl, "unknown --format '" + format
                    + "', expected m-competition, aus-retail or csv");
        }
    }

    /** The drivers known ahead from the series' covariates (last value repeated), 0 for a driver it lacks. */
    static Map<String, double[]> futureDrivers(TimeSeries series, List<String> names, int horizon) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        int n = series.length();
        for (String k : names) {
            double[] v = series.covariates().get(k);
            double[] f = new double[horizon];
            for (int i = 0; v != null && v.length > 0 && i < horizon; i++) {
                f[i] = n + i < v.length ? v[n + i] : v[v.length - 1];
            }
            out.put(k, f);
        }
        return out;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    private List<String> hierarchyOrFail(CommandLine cl) {
        if (hierarchy == null || hierarchy.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--format csv needs --hierarchy L1,L2,...");
        }
        return hierarchy;
    }

    private static String need(CommandLine cl, String v, String name) {
        if (v == null || v.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--format csv needs " + name);
        }
        return v;
    }
}
