package io.retailgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.forecast.Evaluation;
import io.retailgen.forecast.ForecastEvaluation;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.LabeledSeries;
import io.retailgen.forecast.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.junit.jupiter.api.Test;

/** The session and the input table behind {@code forecast evaluate --spark}. */
class SparkRunTest {

    @Test
    void forecastEvaluateMatchesOneJvmWithCodeGenerationOff() {
        SplittableRandom r = new SplittableRandom(11);
        List<LabeledSeries> series = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            double[] train = new double[20 + s];
            for (int t = 0; t < train.length; t++) {
                // every fourth series misses a period: a null in the array, NaN again on the executor
                train[t] = s % 4 == 0 && t == 7 ? Double.NaN : 50 + s + 0.4 * t + 3 * r.nextGaussian();
            }
            double[] test = {60 + s, 61 + s, 59 + s, 62 + s};
            series.add(LabeledSeries.of("S" + s, List.of(), s % 2 == 0 ? "monthly" : "quarterly", train, test));
        }
        ForecastEvaluation expected = Evaluation.evaluate(series, Forecaster.builder().method(Method.AUTO)
                .paths(100).seed(3).build());
        long compiled = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
        ForecastEvaluation actual;
        try (SparkRun run = SparkRun.start("local[2]", "spark-run-test")) {
            assertThat(run.session().conf().get("spark.sql.codegen.wholeStage")).isEqualTo("false");
            assertThat(run.session().conf().get("spark.sql.codegen.factoryMode")).isEqualTo("NO_CODEGEN");
            actual = run.forecastEvaluate(series, Method.AUTO, 100, 3, null);
        }
        assertThat(actual.series()).isEqualTo(expected.series());
        assertThat(actual.smape()).isEqualTo(expected.smape());
        assertThat(actual.mase()).isEqualTo(expected.mase());
        assertThat(actual.crps()).isEqualTo(expected.crps());
        assertThat(actual.coverage80()).isEqualTo(expected.coverage80());
        assertThat(actual.smapeByGroup()).isEqualTo(expected.smapeByGroup());
        // a command's few queries are interpreted: Janino and the JIT on its output cost seconds of CPU per run;
        // what Spark still generates (its shuffle's row joiner and the like) is at most 6 classes, 21 with codegen on
        assertThat(CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - compiled).isLessThanOrEqualTo(6);
    }
}
