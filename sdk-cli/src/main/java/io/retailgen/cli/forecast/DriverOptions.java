package io.retailgen.cli.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.InputMode;
import io.retailgen.cli.Json;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.data.StrictNumbers;
import io.retailgen.forecast.DriverSeriesReader;
import io.retailgen.forecast.Method;
import io.retailgen.forecast.TimeSeries;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/** The checks and the reading behind {@code forecast run --drivers} and {@code --future-driver}. */
final class DriverOptions {

    private DriverOptions() {
    }

    /**
     * Checks the driver options before any data is read.
     *
     * @return the future driver values given on the command line, by name (empty without {@code --future-driver})
     */
    static Map<String, double[]> check(CommandLine cl, List<String> drivers, Map<String, String> future,
            String format, Method method, int horizon) {
        if (drivers == null) {
            if (future != null) {
                throw new CommandLine.ParameterException(cl, "--future-driver needs --drivers");
            }
            return Map.of();
        }
        if (!format.toLowerCase(Locale.ROOT).equals("csv")) {
            throw new CommandLine.ParameterException(cl, "--drivers needs --format csv (a file with driver columns), "
                    + "not " + format);
        }
        if (drivers.stream().anyMatch(String::isBlank) || drivers.stream().distinct().count() != drivers.size()) {
            throw new CommandLine.ParameterException(cl, "--drivers must name distinct columns, got " + drivers);
        }
        if (method != Method.AUTO && method != Method.GENERATIVE) {
            throw new CommandLine.ParameterException(cl, "--drivers applies to --method auto (a regression with "
                    + "ARIMA errors on the drivers) or generative, not " + method.name().toLowerCase(Locale.ROOT));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        if (future != null) {
            for (Map.Entry<String, String> e : future.entrySet()) {
                if (!drivers.contains(e.getKey())) {
                    throw new CommandLine.ParameterException(cl, "--future-driver " + e.getKey() + ": not one of "
                            + "--drivers " + drivers);
                }
                String[] cells = e.getValue().split(",", -1);
                if (cells.length < horizon) {
                    throw new CommandLine.ParameterException(cl, "--future-driver " + e.getKey() + " has "
                            + cells.length + " values, --horizon needs " + horizon);
                }
                double[] v = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    try {
                        v[i] = StrictNumbers.parseDouble(cells[i].trim());
                    } catch (IllegalArgumentException ex) {
                        throw new CommandLine.ParameterException(cl, "--future-driver " + e.getKey() + " value "
                                + (i + 1) + ": " + ex.getMessage());
                    }
                }
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** Reads the series of a CSV file with driver columns; the {@code --hierarchy} columns name a series. */
    static List<TimeSeries> read(CommandLine cl, Path data, InputMode input, List<String> idColumns,
            String timeColumn, String valueColumn, List<String> drivers) {
        if (idColumns == null || idColumns.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--drivers needs --hierarchy COL[,COL...]: the columns "
                    + "that name a series");
        }
        if (timeColumn == null || valueColumn == null) {
            throw new CommandLine.ParameterException(cl, "--format csv needs --time-column and --value-column");
        }
        DataValidator v = input.validator(data.toString());
        List<TimeSeries> all = DriverSeriesReader.read(data, idColumns, timeColumn, valueColumn, drivers, v);
        InputMode.printSkipped(cl.getErr(), v.report());
        return all;
    }

    /** The drivers used: per driver, the future values the forecast was made with and where they came from. */
    static ObjectNode json(TimeSeries series, List<String> drivers, Map<String, double[]> given, int horizon) {
        ObjectNode o = Json.object();
        Map<String, double[]> planned = RunCommand.futureDrivers(series, drivers, horizon);
        for (String d : drivers) {
            ObjectNode one = o.putObject(d);
            double[] v = given.getOrDefault(d, planned.get(d));
            one.put("source", given.containsKey(d) ? "command line" : "file (planned rows; last value repeated)");
            var arr = one.putArray("future");
            for (int i = 0; i < horizon; i++) {
                arr.add(v[i]);
            }
        }
        return o;
    }
}
