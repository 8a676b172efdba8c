package io.retailgen.cli.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.data.ValidationMode;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.HierarchicalData;
import io.retailgen.forecast.Inventory;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.forecast.LabeledSeries;
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

    @Option(names = "--method", defaultValue = "auto", description = "Forecasting method (default: ${DEFAULT-VALUE}).")
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (horizon < 1) {
            throw new CommandLine.ParameterException(cl, "--horizon must be >= 1, was " + horizon);
        }
        if (leadTime < 1 || leadTime > horizon) {
            throw new CommandLine.ParameterException(cl, "--lead-time must be in [1, " + horizon + "], was "
                    + leadTime);
        }
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new CommandLine.ParameterException(cl, "--service-level must be in (0, 1), was " + serviceLevel);
        }
        if (paths < 1) {
            throw new CommandLine.ParameterException(cl, "--paths must be >= 1, was " + paths);
        }
        if (!Files.isRegularFile(data)) {
            throw new CommandLine.ParameterException(cl, "--data " + data + " is not a readable file");
        }
        Method m = EvaluateCommand.parseMethod(cl, method);
        if (m == Method.GENERATIVE) {
            throw new IllegalStateException("--method generative is not available from the command line yet; use "
                    + "auto, ets, theta or ensemble");
        }
        TimeSeries series = find(cl);
        Forecaster f = Forecaster.builder().method(m).paths(paths).seed(seed).build();
        Forecast fc = f.forecast(series, horizon);
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
        FanChart.write(series, fc, png);
        ObjectNode o = ForecastJson.object();
        o.put("series", series.id());
        o.put("model", fc.model());
        o.put("horizon", horizon);
        o.put("paths", s.paths());
        o.put("seed", s.seed());
        o.put("note", fc.note());
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
        Files.writeString(summary, ForecastJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o),
                StandardCharsets.UTF_8);
        PrintWriter out = cl.getOut();
        if (json) {
            ForecastJson.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s: %s, %d paths x %d steps%n", series.id(), fc.model(), s.paths(), horizon);
            out.printf(Locale.ROOT, "safety stock %.3f, reorder point %.3f (lead time %d, service level %.3f)%n",
                    policy.safetyStock(), policy.reorderPoint(), leadTime, serviceLevel);
            out.println("wrote " + csv + ", " + scenJson + ", " + png + ", " + summary);
        }
        return 0;
    }

    private TimeSeries find(CommandLine cl) {
        DataValidator v = DataValidator.builder().source(data.toString()).mode(ValidationMode.LENIENT).build();
        String f = format.toLowerCase(Locale.ROOT);
        switch (f) {
            case "m-competition" -> {
                for (LabeledSeries ls : TimeSeriesReader.readMCompetition(data, v)) {
                    if (ls.train().id().equals(seriesId)) {
                        double[] tr = ls.train().values();
                        double[] te = ls.test();
                        double[] all = java.util.Arrays.copyOf(tr, tr.length + te.length);
                        System.arraycopy(te, 0, all, tr.length, te.length);
                        return new TimeSeries(seriesId, ls.train().path(), ls.train().frequency(), all, Map.of());
                    }
                }
            }
            case "aus-retail", "csv" -> {
                HierarchicalData hd = f.equals("aus-retail") ? TimeSeriesReader.readAusRetail(data, v)
                        : TimeSeriesReader.readHierarchical(data, need(cl, timeColumn, "--time-column"),
                                need(cl, valueColumn, "--value-column"), hierarchyOrFail(cl), v);
                for (TimeSeries s : hd.series()) {
                    if (s.id().equals(seriesId)) {
                        return s;
                    }
                }
            }
            default -> throw new CommandLine.ParameterException(cl, "unknown --format '" + format
                    + "', expected m-competition, aus-retail or csv");
        }
        throw new CommandLine.ParameterException(cl, "no series '" + seriesId + "' in " + data);
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
