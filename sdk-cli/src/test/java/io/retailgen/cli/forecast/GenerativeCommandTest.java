package io.retailgen.cli.forecast;

import static io.retailgen.cli.CliRun.run;
import io.retailgen.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.DeepArTrainer;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerativeCommandTest {



    /** Five weekly series of 40 points: 32 train and 8 test rows each. */
    private static Path mCompetition(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("series,period,type,split,t,value\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int s = 0; s < 5; s++) {
            for (int t = 1; t <= 40; t++) {
                double v = (50 + 10 * s) * Math.exp(0.1 * r.nextGaussian());
                sb.append("W").append(s).append(",WEEKLY,MICRO,").append(t <= 32 ? "train" : "test").append(',')
                        .append(t).append(',').append(v).append('\n');
            }
        }
        Path f = dir.resolve("w.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void evaluateTrainsASmallModelWithAMessageWhenNoneIsGiven(@TempDir Path dir) throws Exception {
        CliRun r = run("forecast", "evaluate", "--data", mCompetition(dir).toString(), "--format", "m-competition",
                "--method", "generative", "--epochs", "2", "--window", "4", "--hidden", "4", "--paths", "50",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("no --model given: training a small generative model on 5 series")
                .contains("epoch");
        JsonNode j = r.json();
        assertThat(j.get("method").asText()).isEqualTo("generative");
        assertThat(j.get("series").asInt()).isEqualTo(5);
        assertThat(j.get("smape").asDouble()).isBetween(0.0, 200.0);
        assertThat(j.get("coverage95").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void runWithASavedModelWritesTheWhatIfScenarios(@TempDir Path dir) throws Exception {
        // weekly demand y = 40 * exp(1.5 * discount) * noise, with promotions at 20-40% depth
        SplittableRandom r = new SplittableRandom(11);
        List<TimeSeries> train = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            int n = 60;
            double[] y = new double[n];
            double[] d = new double[n];
            for (int t = 0; t < n; t++) {
                d[t] = (t / 5 + s) % 3 == 0 ? 0.2 + 0.1 * ((t + s) % 3) : 0;
                y[t] = 40 * Math.exp(1.5 * d[t] + 0.1 * r.nextGaussian());
            }
            train.add(new TimeSeries("s" + s, List.of(), Frequency.WEEKLY, y, Map.of("discount", d)));
        }
        Path bundle = dir.resolve("model");
        try (DeepArModel m = DeepArTrainer.builder().drivers("discount").window(4).hidden(8)
                .epochs(25).seed(5L).build().train(train)) {
            m.toBundle("weekly-demand", "1").saveTo(bundle);
        }
        Path out = dir.resolve("out");
        Path data = mCompetition(dir);
        CliRun w = run("forecast", "run", "--data", data.toString(), "--series", "W1", "--horizon", "6", "--out",
                out.toString(), "--method", "generative", "--model", bundle.toString(), "--discount", "0.3",
                "--paths", "400", "--json");
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.err()).contains("loaded generative model");
        JsonNode j = w.json();
        JsonNode whatIf = j.get("what_if");
        assertThat(whatIf.get("discount").asDouble()).isEqualTo(0.3);
        assertThat(whatIf.get("baseline_mean").size()).isEqualTo(6);
        // the true effect of a 30% discount is exp(0.45) - 1 = 0.57; a tiny model must at least get the sign
        assertThat(whatIf.get("uplift").asDouble()).isGreaterThan(0.15);
        assertThat(Files.readAllLines(out.resolve("scenarios.csv"))).hasSize(1 + 400 * 6);
        assertThat(j.get("model").asText()).contains("discount=0.3");

        CliRun statistical = run("forecast", "run", "--data", data.toString(), "--series", "W1", "--horizon", "6",
                "--out", out.toString(), "--discount", "0.3");
        assertThat(statistical.code()).isEqualTo(2);
        assertThat(statistical.err()).contains("--method generative only");
        CliRun badDepth = run("forecast", "run", "--data", data.toString(), "--series", "W1", "--horizon", "6",
                "--out", out.toString(), "--method", "generative", "--model", bundle.toString(), "--discount", "1.5");
        assertThat(badDepth.code()).isEqualTo(2);
        assertThat(badDepth.err()).contains("[0, 1)").contains("1.5");
        CliRun noModel = run("forecast", "evaluate", "--data", data.toString(), "--format", "m-competition",
                "--method", "generative", "--model", dir.resolve("missing").toString());
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("is not a directory");
    }
}
