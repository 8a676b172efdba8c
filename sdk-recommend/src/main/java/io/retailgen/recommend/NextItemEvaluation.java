package io.retailgen.recommend;

import java.util.Objects;

/**
 * Measures a model with the next-item protocol through the public serving path: for every test session and every
 * click after its first, the previous click is {@link Recommender#observe observed} and one
 * {@link Recommender#recommend} call is timed; the click itself is the single relevant item.
 *
 * <pre>{@code
 * EvaluationResult r = NextItemEvaluation.evaluate(model, InteractionReader.readLenient(testFile), 20);
 * System.out.println(r.asMap());   // {recall@20=0.66, mrr@20=0.36, ...}
 * }</pre>
 *
 * <p>With context (the default), each click is observed in its own context and each request carries the context
 * of the click being predicted: the device and hour of day a live request would know. Stateless and thread-safe.
 */
public final class NextItemEvaluation {

    private NextItemEvaluation() {
    }

    /**
     * Replays {@code test} on a recommender with default serving settings, using the events' contexts.
     *
     * @param model the model
     * @param test the test events (items the model does not know are skipped and counted)
     * @param k the list length, {@code >= 1}
     * @return the figures
     */
    public static EvaluationResult evaluate(RecommendModel model, InteractionData test, int k) {
        return evaluate(Recommender.builder(), model, test, k, true);
    }

    /**
     * Replays {@code test} on a recommender built from {@code serving} with {@code model}.
     *
     * @param serving the serving settings (weights, rules, catalog, interceptors); its model is replaced
     * @param model the model
     * @param test the test events (items the model does not know are skipped and counted)
     * @param k the list length, {@code >= 1}
     * @param useContext whether clicks are observed and requests made with the events' contexts; false replays
     *     every event with {@link EventContext#NONE}
     * @return the figures
     */
    public static EvaluationResult evaluate(Recommender.Builder serving, RecommendModel model, InteractionData test,
            int k, boolean useContext) {
        return tally(serving, model, null, test, k, useContext).result();
    }

    /**
     * Replays {@code test} like {@link #evaluate(RecommendModel, InteractionData, int)} but returns the running
     * sums, to be {@link EvaluationTally#merge merged} with those of other sessions (one tally per partition of
     * whole sessions on a cluster).
     *
     * @param model the model
     * @param test the test events, each session complete
     * @param k the list length, {@code >= 1}
     * @return the sums
     */
    public static EvaluationTally tally(RecommendModel model, InteractionData test, int k) {
        return tally(Recommender.builder(), model, null, test, k, true);
    }

    /**
     * Replays {@code test} after observing {@code warmUp}: the clicks of the warm-up sessions (those that come
     * before the test's sessions in time) are observed in order, feeding the recommender's live neighbour index as
     * they would in one replay of all sessions, but are neither scored nor counted. A replay of all sessions split
     * into consecutive ranges, each range warmed up with every session before it, merges into exactly the tally of
     * one replay.
     *
     * @param model the model
     * @param warmUp the sessions before those of {@code test}, complete (may be empty)
     * @param test the test events, each session complete
     * @param k the list length, {@code >= 1}
     * @return the sums of {@code test}'s sessions
     */
    public static EvaluationTally tally(RecommendModel model, InteractionData warmUp, InteractionData test, int k) {
        return tally(Recommender.builder(), model, Objects.requireNonNull(warmUp, "warmUp == null"), test, k, true);
    }

    private static EvaluationTally tally(Recommender.Builder serving, RecommendModel model, InteractionData warmUp,
            InteractionData test, int k, boolean useContext) {
        Objects.requireNonNull(serving, "serving == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(test, "test == null");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        SessionLog log = SessionLog.of(test.interactions(), model.log.vocab);
        try (Recommender rec = serving.model(model).build()) {
            ItemVocab vocab = model.log.vocab;
            if (warmUp != null) {
                SessionLog warm = SessionLog.of(warmUp.interactions(), vocab);
                for (int s = 0; s < warm.sessionCount(); s++) {
                    int[] items = warm.sessionItems(s);
                    // the clicks the replay observes: every one but the last, each before its successor is asked for
                    for (int len = 1; len < items.length; len++) {
                        EventContext clicked = useContext ? contextAt(warm, warm.start[s] + len - 1)
                                : EventContext.NONE;
                        rec.observe(new Interaction("warm-" + s, vocab.id(items[len - 1]), len, EventType.VIEW,
                                clicked));
                    }
                }
            }
            NextItemProtocol.Lister lister = (s, items, len) -> {
                String sid = "eval-" + s;
                int seen = log.start[s] + len - 1;
                EventContext clicked = useContext ? contextAt(log, seen) : EventContext.NONE;
                EventContext now = useContext ? contextAt(log, seen + 1) : EventContext.NONE;
                rec.observe(new Interaction(sid, vocab.id(items[len - 1]), len, EventType.VIEW, clicked));
                var list = rec.recommend(sid, k, now);
                int[] out = new int[list.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = vocab.indexOf(list.get(i).itemId());
                }
                return out;
            };
            Popularity pop = Popularity.of(model.log, 0);
            CoOccurrence co = CoOccurrence.of(model.log);
            return NextItemProtocol.tally(log, k, lister, pop,
                    (a, b) -> co.weight(a, b) + co.weight(b, a) > 0 ? 0 : 1, vocab.size());
        }
    }

    private static EventContext contextAt(SessionLog log, int position) {
        return EventContext.ofSlots(log.deviceSlots[position], log.hourSlots[position]);
    }
}
