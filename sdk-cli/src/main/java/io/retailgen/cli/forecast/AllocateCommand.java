package io.retailgen.cli.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.InputMode;
import io.retailgen.cli.Json;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.CsvFields;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.data.StrictNumbers;
import io.retailgen.core.data.TextLines;
import io.retailgen.forecast.AllocationPlan;
import io.retailgen.forecast.AllocationProblem;
import io.retailgen.forecast.ScenarioAllocator;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.ScenarioStress;
import io.retailgen.forecast.StoreStock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retailgen forecast allocate}: the order and allocation over stores that minimise expected cost. */
@Command(name = "allocate", description = "Order and allocate stock over stores from demand scenarios: the plan with "
        + "the least expected cost (holding, shortage, ordering, transfers between stores), against every store "
        + "ordering its own newsvendor quantity.")
final class AllocateCommand implements Callable<Integer> {

    @Option(names = "--scenarios", required = true, description = "CSV store,path,step,value: demand per store, "
            + "scenario path (0-based) and step (1-based); path k of every store is one joint scenario.")
    Path scenarios;

    @Option(names = "--stores", required = true, description = "CSV store,on_hand,capacity,holding_cost,"
            + "shortage_cost.")
    Path stores;

    @Option(names = "--order-cost", defaultValue = "1", description = "Cost of ordering a unit (default: "
            + "${DEFAULT-VALUE}).")
    double orderCost;

    @Option(names = "--transfer-cost", defaultValue = "0", description = "Cost of moving a unit between stores "
            + "(default: ${DEFAULT-VALUE}).")
    double transferCost;

    @Option(names = "--max-order", description = "The most units that may be ordered (default: no limit).")
    Double maxOrder;

    @Option(names = "--delays", split = ",", description = "Supplier disruption: possible delivery delays in steps, "
            + "e.g. 0,1,2 (with --delay-probabilities).")
    List<Integer> delays;

    @Option(names = "--delay-probabilities", split = ",", description = "Probabilities of the --delays, summing "
            + "to 1.")
    List<Double> delayProbabilities;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the delay draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Mixin
    InputMode input = new InputMode();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        for (Path p : List.of(scenarios, stores)) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(cl, p + " is not a readable file");
            }
        }
        if ((delays == null) != (delayProbabilities == null)) {
            throw new CommandLine.ParameterException(cl, "--delays and --delay-probabilities go together");
        }
        nonNegative(cl, "--order-cost", orderCost);
        nonNegative(cl, "--transfer-cost", transferCost);
        if (maxOrder != null) {
            nonNegative(cl, "--max-order", maxOrder);
        }
        AllocationProblem.Builder b = AllocationProblem.builder().orderCost(orderCost).transferCost(transferCost);
        if (maxOrder != null) {
            b.maxOrder(maxOrder);
        }
        Map<String, ScenarioSet> demand = readScenarios(cl);
        Map<String, StoreStock> stock = readStores(cl);
        for (String s : demand.keySet()) {
            if (!stock.containsKey(s)) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, scenarios + ": store '" + s + "' has scenarios "
                        + "but no row in " + stores);
            }
        }
        for (StoreStock s : stock.values()) {
            ScenarioSet d = demand.get(s.id());
            if (d == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, stores + ": store '" + s.id() + "' has no "
                        + "scenarios in " + scenarios);
            }
            try {
                b.store(s, d);
            } catch (IllegalArgumentException e) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, scenarios + ": " + e.getMessage());
            }
        }
        int k = demand.values().iterator().next().paths();
        if (delays != null) {
            try {
                b.arrival(ScenarioStress.supplierDelays(k, delays.stream().mapToInt(Integer::intValue).toArray(),
                        delayProbabilities.stream().mapToDouble(Double::doubleValue).toArray(), seed));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--delays/--delay-probabilities: " + e.getMessage());
            }
        }
        AllocationProblem problem = b.build();
        long t0 = System.nanoTime();
        AllocationPlan plan = ScenarioAllocator.solve(problem);
        double seconds = (System.nanoTime() - t0) / 1e9;
        AllocationPlan base = ScenarioAllocator.newsvendorPerStore(problem);
        ObjectNode o = Json.object();
        o.put("stores", problem.stores().size());
        o.put("scenarios", problem.scenarios());
        o.put("horizon", problem.horizon());
        o.put("method", plan.method());
        ForecastJson.put(o, "order", plan.order());
        ForecastJson.put(o, "expected_cost", plan.expectedCost());
        o.set("allocation", ForecastJson.map(plan.allocation()));
        o.set("stock_before_delivery", ForecastJson.map(plan.stockBeforeDelivery()));
        var moves = o.putArray("transfers");
        for (AllocationPlan.Transfer t : plan.transfers()) {
            ObjectNode m = moves.addObject();
            m.put("from", t.from());
            m.put("to", t.to());
            ForecastJson.put(m, "units", t.units());
        }
        ObjectNode nb = o.putObject("baseline");
        nb.put("method", base.method());
        ForecastJson.put(nb, "order", base.order());
        ForecastJson.put(nb, "expected_cost", base.expectedCost());
        ForecastJson.put(o, "saving", base.expectedCost() > 0 ? 1 - plan.expectedCost() / base.expectedCost() : 0);
        ForecastJson.put(o, "solve_seconds", seconds);
        PrintWriter out = cl.getOut();
        if (json) {
            Json.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%d stores, %d scenarios x %d steps: order %.2f, expected cost %.2f "
                    + "(newsvendor per store: order %.2f, expected cost %.2f)%n", problem.stores().size(),
                    problem.scenarios(), problem.horizon(), plan.order(), plan.expectedCost(), base.order(),
                    base.expectedCost());
            plan.allocation().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.printf(
                    Locale.ROOT, "  %s: receives %.2f%n", e.getKey(), e.getValue()));
            for (AllocationPlan.Transfer t : plan.transfers()) {
                out.printf(Locale.ROOT, "  move %.2f from %s to %s%n", t.units(), t.from(), t.to());
            }
        }
        return 0;
    }

    private Map<String, ScenarioSet> readScenarios(CommandLine cl) {
        record Cell(String store, int path, int step, double value) {
        }
        DataValidator v = input.validator(scenarios.toString());
        Map<String, TreeMap<Integer, TreeMap<Integer, Double>>> cells = new LinkedHashMap<>();
        List<String> cols = List.of("store", "path", "step", "value");
        try (TextLines r = TextLines.open(scenarios, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            Map<String, Integer> col = header(r, scenarios, cols);
            CsvFields.<Cell>forEachRow(r, width(col), v, (row, f) -> {
                String s = f.get(col.get("store")).trim();
                row.require(!s.isEmpty(), "store", "store is empty", s);
                int path = row.parse("path", f.get(col.get("path")).trim(), x -> (int) StrictNumbers.parseLong(x));
                int step = row.parse("step", f.get(col.get("step")).trim(), x -> (int) StrictNumbers.parseLong(x));
                double value = row.parse("value", f.get(col.get("value")).trim(), StrictNumbers::parseDouble);
                row.require(path >= 0, "path", "path must be >= 0", path);
                row.require(step >= 1, "step", "step must be >= 1", step);
                row.require(value >= 0, "value", "demand must be >= 0", value);
                Double before = cells.getOrDefault(s, new TreeMap<>()).getOrDefault(path, new TreeMap<>()).get(step);
                row.require(before == null, "step", "a second value for store " + s + " path " + path + " step "
                        + step + "; the first is kept", step);
                return new Cell(s, path, step, value);
            }, c -> cells.computeIfAbsent(c.store(), x -> new TreeMap<>()).computeIfAbsent(c.path(),
                    x -> new TreeMap<>()).put(c.step(), c.value()));
        }
        InputMode.printSkipped(cl.getErr(), v.report());
        if (cells.isEmpty()) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, scenarios + " has no valid data rows");
        }
        Map<String, ScenarioSet> out = new LinkedHashMap<>();
        cells.forEach((store, paths) -> {
            int p = paths.lastKey() + 1;
            int h = paths.values().stream().mapToInt(TreeMap::lastKey).max().orElse(0);
            double[][] d = new double[p][h];
            for (int i = 0; i < p; i++) {
                TreeMap<Integer, Double> steps = paths.get(i);
                for (int t = 1; t <= h; t++) {
                    Double x = steps == null ? null : steps.get(t);
                    if (x == null) {
                        throw new RetailGenException(ErrorCode.INVALID_DATA, scenarios + ": store '" + store
                                + "' has no value for path " + i + " step " + t + " (every store needs paths 0.."
                                + (p - 1) + " x steps 1.." + h + ")");
                    }
                    d[i][t - 1] = x;
                }
            }
            out.put(store, new ScenarioSet(scenarios.getFileName().toString(), 0, d));
        });
        return out;
    }

    private Map<String, StoreStock> readStores(CommandLine cl) {
        DataValidator v = input.validator(stores.toString());
        Map<String, StoreStock> out = new LinkedHashMap<>();
        List<String> cols = List.of("store", "on_hand", "capacity", "holding_cost", "shortage_cost");
        try (TextLines r = TextLines.open(stores, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            Map<String, Integer> col = header(r, stores, cols);
            CsvFields.<StoreStock>forEachRow(r, width(col), v, (row, f) -> {
                String id = f.get(col.get("store")).trim();
                row.require(!out.containsKey(id), "store", "store " + id + " is listed twice; the first row is kept",
                        id);
                double[] x = new double[4];
                for (int i = 0; i < 4; i++) {
                    String c = cols.get(i + 1);
                    x[i] = row.parse(c, f.get(col.get(c)).trim(), StrictNumbers::parseDouble);
                }
                try {
                    return new StoreStock(id, x[0], x[1], x[2], x[3]);
                } catch (IllegalArgumentException e) {
                    row.reject("store", e.getMessage(), id);
                    return null;
                }
            }, s -> out.put(s.id(), s));
        }
        InputMode.printSkipped(cl.getErr(), v.report());
        if (out.isEmpty()) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, stores + " has no valid data rows");
        }
        return out;
    }

    private static Map<String, Integer> header(TextLines r, Path file, List<String> cols) {
        String header = r.next();
        if (header == null) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected the header "
                    + String.join(",", cols));
        }
        return CsvFields.columns(CsvFields.split(header), file, cols, List.of());
    }

    private static void nonNegative(CommandLine cl, String option, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new CommandLine.ParameterException(cl, option + " must be finite and >= 0, was " + v);
        }
    }

    private static int width(Map<String, Integer> col) {
        return col.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }
}
