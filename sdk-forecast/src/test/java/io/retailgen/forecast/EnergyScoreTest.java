package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnergyScoreTest {

    @Test
    void aSinglePathScoresItsEuclideanDistance() {
        ScenarioSet one = new ScenarioSet("p", 1, new double[][] {{1, 2, 3}});
        assertThat(EnergyScore.of(new double[] {4, 6, 3}, one)).isEqualTo(5.0);
    }

    @Test
    void pathsThatMoveTogetherLikeTheDataScoreBetterThanIndependentSteps() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 4000;
        int h = 6;
        double[][] together = new double[n][h];
        double[][] apart = new double[n][h];
        for (int i = 0; i < n; i++) {
            double level = r.nextGaussian();
            for (int k = 0; k < h; k++) {
                together[i][k] = level;
                apart[i][k] = r.nextGaussian();
            }
        }
        double[] actual = {1.5, 1.5, 1.5, 1.5, 1.5, 1.5};
        double es1 = EnergyScore.of(actual, new ScenarioSet("t", 1, together));
        double es2 = EnergyScore.of(actual, new ScenarioSet("a", 1, apart));
        assertThat(es1).isLessThan(es2);
        assertThatThrownBy(() -> EnergyScore.of(new double[2], new ScenarioSet("t", 1, together)))
                .hasMessageContaining("actual has 2 values, scenarios 6 steps");
    }
}
