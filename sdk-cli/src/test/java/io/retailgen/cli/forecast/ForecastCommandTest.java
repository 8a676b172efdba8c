package io.retailgen.cli.forecast;

import static io.retailgen.cli.CliRun.run;
import io.retailgen.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {



    private static Path mCompetition(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("series,period,type,split,t,value\n");
        for (int s = 0; s < 6; s++) {
            for (int t = 1; t <= 48; t++) {
                double v = (100 + 10 * s + t) * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12)) + (t * 7919 % 13);
                sb.append("S").append(s).append(",MONTHLY,MICRO,").append(t <= 40 ? "train" : "test").append(',')
                        .append(t).append(',').append(v).append('\n');
            }
        }
        Path f = dir.resolve("m.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void evaluateMCompetitionPrintsTheKeys(@TempDir Path dir) throws Exception {
        CliRun r = run("forecast", "evaluate", "--data", mCompetition(dir).toString(), "--format", "m-competition",
                "--paths", "200", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("series").asInt()).isEqualTo(6);
        for (String k : List.of("smape", "mase", "mape", "crps", "coverage80", "coverage95", "fit_seconds")) {
            assertThat(j.get(k).isNumber()).as(k).isTrue();
        }
        assertThat(j.get("smape").asDouble()).isBetween(0.0, 20.0);
    }

    @Test
    void evaluateHierarchicalCsvReconciles(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("Region,Store,Month,Sales\n");
        String[][] stores = {{"north", "a"}, {"north", "b"}, {"south", "c"}};
        for (int s = 0; s < stores.length; s++) {
            for (int t = 0; t < 60; t++) {
                double v = (30 + 5 * s + 0.3 * t) * (1 + 0.25 * Math.cos(2 * Math.PI * t / 12)) + (t * 31 % 7);
                sb.append(stores[s][0]).append(',').append(stores[s][1]).append(',')
                        .append(String.format("%04d-%02d", 2015 + t / 12, t % 12 + 1)).append(',').append(v)
                        .append('\n');
            }
        }
        Path f = dir.resolve("h.csv");
        Files.writeString(f, sb.toString());
        CliRun r = run("forecast", "evaluate", "--data", f.toString(), "--format", "csv", "--time-column", "Month",
                "--value-column", "Sales", "--hierarchy", "Region,Store", "--holdout", "12", "--paths", "100",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("series").asInt()).isEqualTo(6);
        assertThat(j.get("coherence_error").asDouble()).isLessThan(1e-9);
        assertThat(j.get("mase_by_level").fieldNames()).toIterable().containsExactly("Total", "Region", "Store");
        CliRun missing = run("forecast", "evaluate", "--data", f.toString(), "--format", "csv", "--json");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--time-column");
        for (String how : new String[] {"wls-structural", "wls-variance", "mint-bottom-up",
                "log-aggregates-wls-bottom-up"}) {
            CliRun wls = run("forecast", "evaluate", "--data", f.toString(), "--format", "csv", "--time-column",
                    "Month", "--value-column", "Sales", "--hierarchy", "Region,Store", "--holdout", "12", "--paths",
                    "100", "--reconciliation", how, "--json");
            assertThat(wls.code()).as(wls.err()).isZero();
            assertThat(wls.json().get("reconciliation").asText()).startsWith(how.replace('-', '_'));
            assertThat(wls.json().get("coherence_error").asDouble()).isLessThan(1e-9);
        }
        CliRun unknown = run("forecast", "evaluate", "--data", f.toString(), "--format", "csv", "--time-column",
                "Month", "--value-column", "Sales", "--hierarchy", "Region,Store", "--holdout", "12", "--reconciliation",
                "wls");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown --reconciliation 'wls'").contains("wls-variance");
    }

    @Test
    void runWritesScenariosSafetyStockAndAFanChart(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun r = run("forecast", "run", "--data", mCompetition(dir).toString(), "--series", "S2", "--horizon", "6",
                "--out", out.toString(), "--paths", "300", "--lead-time", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("inventory").get("safety_stock").asDouble()).isPositive();
        assertThat(j.get("mean").size()).isEqualTo(6);
        assertThat(Files.readAllLines(out.resolve("scenarios.csv"))).hasSize(1 + 300 * 6);
        assertThat(ImageIO.read(out.resolve("fan-chart.png").toFile()).getWidth()).isEqualTo(900);
        assertThat(Files.readString(out.resolve("scenarios.json"))).contains("\"paths\":300");
        CliRun unknown = run("forecast", "run", "--data", mCompetition(dir).toString(), "--series", "NOPE",
                "--horizon", "6", "--out", out.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("NOPE");
    }

    @Test
    void badFormatAndMethodAreUsageErrors(@TempDir Path dir) throws Exception {
        Path f = mCompetition(dir);
        CliRun r = run("forecast", "evaluate", "--data", f.toString(), "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("m-competition, aus-retail or csv");
        CliRun m = run("forecast", "evaluate", "--data", f.toString(), "--format", "m-competition", "--method", "arima");
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).contains("arima");
    }
}
