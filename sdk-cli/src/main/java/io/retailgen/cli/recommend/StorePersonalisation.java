package io.retailgen.cli.recommend;

import io.retailgen.core.data.DataReport;
import io.retailgen.core.data.ValidationMode;
import io.retailgen.federated.FederatedModel;
import io.retailgen.federated.Personalisation;
import io.retailgen.federated.StoreClient;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.EvaluationTally;
import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionData;
import io.retailgen.recommend.NextItemEvaluation;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import io.retailgen.recommend.TrainingPrivacy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Serving after a federated run, store by store: every store adapts the final shared weights on its own sessions
 * ({@link StoreClient#personalised}, which sends nothing) and serves the test sessions assigned to it, and the
 * stores' figures are summed into one result over all test sessions.
 */
final class StorePersonalisation {

    /**
     * How a store adapts the shared weights.
     *
     * @param epochs GRU epochs of fine-tuning on the store's own sessions, {@code >= 0} (0: none)
     * @param learningRate the fine-tuning's Adagrad learning rate, {@code > 0}
     * @param globalShare the shared weights' share in the interpolation with the fine-tuned ones, {@code [0, 1]}
     * @param ownSessions whether the served model also holds the store's own training sessions (session kNN,
     *     co-occurrence and popularity over them)
     */
    record Settings(int epochs, float learningRate, double globalShare, boolean ownSessions) {

        Settings {
            if (epochs < 0 || !(learningRate > 0) || !(globalShare >= 0 && globalShare <= 1)) {
                throw new IllegalArgumentException("epochs >= 0, learningRate > 0, globalShare in [0, 1]; were "
                        + epochs + ", " + learningRate + ", " + globalShare);
            }
        }

        /** @return the adaptation, or null when the store serves the shared weights unchanged */
        Personalisation<List<Interaction>> personalisation(RecommendTrainer base, List<String> catalog) {
            if (epochs == 0) {
                return null;
            }
            RecommendTrainer tuning = base.toBuilder().epochs(epochs)
                    .optimizer(RecommendTrainer.Optimizer.ADAGRAD, learningRate).build();
            return new Personalisation<>(FederatedModel.of(FederatedGru.of(tuning, catalog)), globalShare);
        }
    }

    /**
     * The summed figures.
     *
     * @param result the figures over every scored test session
     * @param testSessions the test sessions assigned to each store
     * @param storesScored the stores that had test sessions
     * @param seconds the time the stores spent adapting the weights
     */
    record Outcome(EvaluationResult result, List<Integer> testSessions, int storesScored, double seconds) {
    }

    private StorePersonalisation() {
    }

    /**
     * @param gru the shared model's shape
     * @param start the weights every store starts from (the final shared weights, or the starting weights for
     *     stores that train alone)
     * @param adapt the adaptation, or null to serve {@code start} unchanged
     * @param ownSessions whether a store's served model holds its own training sessions
     * @param privacy the shared weights' client-level DP, or null (kept only by a store that serves them unchanged
     *     and without its own sessions)
     * @param stores the stores, in split order
     * @param trainParts each store's training events (the stores' own data, for their own served models)
     * @param testParts the test events assigned to each store by the rule that assigned the training sessions
     * @param k the list length
     * @param err where a store with nothing to train on or to score is reported
     * @return the figures over all test sessions, each scored by its own store's model
     * @throws IllegalArgumentException when no store has a test session
     */
    static Outcome evaluate(FederatedGru gru, float[] start, Personalisation<List<Interaction>> adapt,
            boolean ownSessions, TrainingPrivacy privacy, List<StoreClient<List<Interaction>>> stores,
            List<List<Interaction>> trainParts, List<List<Interaction>> testParts, int k, PrintWriter err) {
        Objects.requireNonNull(start, "start == null");
        if (stores.size() != trainParts.size() || stores.size() != testParts.size()) {
            throw new IllegalArgumentException(stores.size() + " stores, " + trainParts.size() + " training parts, "
                    + testParts.size() + " test parts");
        }
        EvaluationTally all = null;
        List<Integer> sessions = new ArrayList<>();
        int scored = 0;
        double seconds = 0;
        for (int s = 0; s < stores.size(); s++) {
            StoreClient<List<Interaction>> store = stores.get(s);
            List<Interaction> test = testParts.get(s);
            int testSessions = sessionCount(test);
            sessions.add(testSessions);
            if (testSessions == 0) {
                err.println("store " + store.id() + " has no test sessions: none of its shoppers is scored");
                continue;
            }
            float[] weights = start;
            if (trainParts.get(s).isEmpty()) {
                err.println("store " + store.id() + " holds no training sessions: it serves the "
                        + (adapt == null ? "given" : "shared") + " weights unchanged");
            } else if (adapt != null) {
                long t0 = System.nanoTime();
                weights = store.personalised(start, adapt);
                seconds += (System.nanoTime() - t0) / 1e9;
            }
            // a model adapted on the store's own sessions, or holding them, is not DP towards them
            TrainingPrivacy served = adapt == null && !ownSessions ? privacy : null;
            try (RecommendModel model = gru.model(weights, served, ownSessions ? trainParts.get(s) : List.of())) {
                EvaluationTally t = NextItemEvaluation.tally(model, new InteractionData(test, new DataReport(
                        store.id() + " test sessions", ValidationMode.STRICT, test.size(), 0, List.of())), k);
                all = all == null ? t : all.merge(t);
            }
            scored++;
        }
        if (all == null) {
            throw new IllegalArgumentException("no store has a test session: nothing to score");
        }
        err.flush();
        return new Outcome(all.result(), sessions, scored, seconds);
    }

    static int sessionCount(List<Interaction> events) {
        return (int) events.stream().map(Interaction::sessionId).distinct().count();
    }
}
