package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.MCompetition;
import io.retailgen.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void ensembleBeatsSeasonalNaiveOnAnM3SampleWithCalibratedIntervals() {
        List<LabeledSeries> all = MCompetition.read(SharedData.require("timeseries/m3.csv"), DataValidator.lenient())
                .stream().map(s -> LabeledSeries.of(s.id(), s.path(), s.frequency(), s.train(), s.test())).toList();
        assertThat(all).hasSize(3003);
        List<LabeledSeries> sample = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 15) {
            sample.add(all.get(i));
        }
        ForecastEvaluation auto = Evaluation.evaluate(sample, Forecaster.builder().paths(200).build());
        ForecastEvaluation naive = Evaluation.evaluate(sample,
                Forecaster.builder().method(Method.SEASONAL_NAIVE).paths(200).build());
        assertThat(auto.series()).isEqualTo(sample.size());
        assertThat(auto.smape()).isLessThan(naive.smape());
        assertThat(auto.mase()).isLessThan(naive.mase());
        assertThat(auto.crps()).isLessThan(naive.crps());
        assertThat(auto.coverage95()).isBetween(0.85, 0.99);
        assertThat(auto.coverage80()).isLessThan(auto.coverage95());
        assertThat(auto.smapeByGroup()).containsKeys("yearly", "quarterly", "monthly", "other");
    }

    @Test
    void rollingOriginBacktestScoresEveryOrigin() {
        double[] y = ForecasterTest.seasonal(60, 4, 100, 1, 0.2, 2, 8);
        ForecastEvaluation r = Evaluation.backtest(TimeSeries.of("b", Frequency.QUARTERLY, y), 4, 5, 2,
                Forecaster.builder().paths(100).build());
        assertThat(r.series()).isEqualTo(5);
        assertThat(r.smape()).isBetween(0.0, 10.0);
        assertThatThrownBy(() -> Evaluation.backtest(TimeSeries.of("s", Frequency.YEARLY, 1, 2, 3), 4, 5, 2,
                Forecaster.builder().build())).hasMessageContaining("need at least");
    }
}
