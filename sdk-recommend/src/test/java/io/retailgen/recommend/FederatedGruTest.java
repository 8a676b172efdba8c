package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A store's local optimiser state carried across federated rounds. */
class FederatedGruTest {

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void aStoreContinuesItsAdagradSumsInTheNextRoundInsteadOfRestartingThem() {
        List<String> catalog = IntStream.range(0, 12).mapToObj(i -> "i" + i).toList();
        FederatedGru gru = FederatedGru.of(Fixtures.tinyGru().optimizer(RecommendTrainer.Optimizer.ADAGRAD, 0.05f)
                .epochs(1).build(), catalog);
        List<Interaction> events = Fixtures.ring(20, 12, 6, 1L);
        float[] start = gru.initialWeights();
        FederatedGru.LocalState state = gru.newLocalState(5L);
        float[] afterRound1 = gru.trainLocally(start, events, 0, state);

        float[] carried = gru.trainLocally(afterRound1, events, 0, state);
        float[] restarted = gru.trainLocally(afterRound1, events, 0);
        // a restarted Adagrad takes steps of about the learning rate on every weight it touches (its sums start near
        // zero); carried sums have grown over round 1, so round 2 moves the weights less, as a second epoch would
        double carriedStep = distance(carried, afterRound1);
        double restartedStep = distance(restarted, afterRound1);
        assertThat(carriedStep).isGreaterThan(0).isLessThan(0.9 * restartedStep);
        // without a state the three-argument call is unchanged: the same input gives the same weights
        assertThat(gru.trainLocally(afterRound1, events, 0)).containsExactly(restarted);
    }
}
