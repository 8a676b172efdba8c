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
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
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
        int[] stages;
        int tasks;
        SparkSession session;
        try (SparkRun.Starting starting = SparkRun.startInBackground("local[2]", "spark-run-test")) {
            SparkRun run = starting.get();
            session = run.session();
            assertThat(run.session().conf().get("spark.sql.codegen.wholeStage")).isEqualTo("false");
            assertThat(run.session().conf().get("spark.sql.codegen.factoryMode")).isEqualTo("NO_CODEGEN");
            run.session().sparkContext().setJobGroup("evaluate", "evaluate", false);
            actual = run.forecastEvaluate(series, Method.AUTO, 100, 3, null);
            SparkStatusTracker status = run.session().sparkContext().statusTracker();
            int[] jobs = status.getJobIdsForGroup("evaluate");
            assertThat(jobs).hasSize(1);
            stages = status.getJobInfo(jobs[0]).get().stageIds();
            tasks = status.getStageInfo(stages[0]).get().numTasks();
        }
        assertThat(session.sparkContext().isStopped()).as("closing stops the session").isTrue();
        // one stage, no shuffle: the driver's table of one row per series in 4 slices per core (8 of the 10 series)
        assertThat(stages).hasSize(1);
        assertThat(tasks).isEqualTo(SparkRun.TASKS_PER_CORE * 2);
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

    @Test
    void theLongestSeriesGoFirstInFileOrderAmongEquals() {
        List<LabeledSeries> series = List.of(
                LabeledSeries.of("short", List.of(), "yearly", new double[] {1, 2, 3}, new double[] {4}),
                LabeledSeries.of("long", List.of(), "monthly", new double[30], new double[] {1, 2}),
                LabeledSeries.of("mid-a", List.of(), "quarterly", new double[8], new double[] {1, 2, 3}),
                LabeledSeries.of("longer-horizon", List.of(), "monthly", new double[29], new double[] {1, 2, 3, 4}),
                LabeledSeries.of("mid-b", List.of(), "other", new double[10], new double[] {1}));
        // periods: 4, 32, 11, 33, 11
        assertThat(SparkRun.longestFirst(series)).containsExactly(3, 1, 2, 4, 0);
    }
}
