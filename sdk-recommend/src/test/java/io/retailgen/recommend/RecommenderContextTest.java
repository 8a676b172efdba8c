package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request's context reaches the sequence model's context embeddings and changes the ranking. */
class RecommenderContextTest {

    private static final HybridWeights SEQUENCE_ONLY = new HybridWeights(1, 0, 0, 0, 0, 0);
    private static final EventContext MOBILE = new EventContext("mobile", -1, "");
    private static final EventContext DESKTOP = new EventContext("desktop", -1, "");
    private static RecommendModel withContext;

    @BeforeAll
    static void train() {
        withContext = Fixtures.tinyGru().contextDim(4).epochs(6).build().train(deviceRing(400, 30, 8, 5));
    }

    /**
     * Ring walks whose direction is set by the device: on mobile the next item is usually the next one up, on
     * desktop the next one down. From one click alone only the context tells the two apart.
     */
    static List<Interaction> deviceRing(int sessions, int items, int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Interaction> out = new ArrayList<>();
        double t = 1_000_000;
        for (int s = 0; s < sessions; s++) {
            EventContext c = s % 2 == 0 ? MOBILE : DESKTOP;
            int step = s % 2 == 0 ? 1 : -1;
            int it = r.nextInt(items);
            for (int p = 0; p < length; p++) {
                out.add(new Interaction("s" + s, "i" + it, t, EventType.VIEW, c));
                t += 10;
                it = r.nextInt(10) < 8 ? Math.floorMod(it + step, items) : r.nextInt(items);
            }
        }
        return out;
    }

    @Test
    void theRequestsDeviceDecidesTheDirectionOfTheNextItem() {
        assertThat(withContext.hasContextEmbeddings()).isTrue();
        try (Recommender rec = Recommender.builder().model(withContext).weights(SEQUENCE_ONLY).build()) {
            List<String> mobile = ids(rec.recommendFor(List.of("i10"), 5, MOBILE));
            List<String> desktop = ids(rec.recommendFor(List.of("i10"), 5, DESKTOP));
            assertThat(mobile.get(0)).isEqualTo("i11");
            assertThat(desktop.get(0)).isEqualTo("i9");
            assertThat(mobile).isNotEqualTo(desktop);
        }
    }

    @Test
    void aLiveSessionIsScoredInTheContextOfEachRequest() {
        try (Recommender rec = Recommender.builder().model(withContext).weights(SEQUENCE_ONLY).build()) {
            rec.observe(Interaction.view("u", "i10", 1));                   // the click itself carries no context
            assertThat(ids(rec.recommend("u", 5, MOBILE)).get(0)).isEqualTo("i11");
            assertThat(ids(rec.recommend("u", 5, DESKTOP)).get(0)).isEqualTo("i9");
            assertThat(ids(rec.recommend("u", 5, MOBILE)).get(0)).isEqualTo("i11");
        }
    }

    @Test
    void requestContextsDoNotLeakIntoTheSessionsState() {
        List<String> replayed;
        try (Recommender fresh = Recommender.builder().model(withContext).weights(SEQUENCE_ONLY).build()) {
            fresh.observe(new Interaction("u", "i10", 1, EventType.VIEW, DESKTOP));
            fresh.observe(new Interaction("u", "i11", 2, EventType.VIEW, MOBILE));
            replayed = ids(fresh.recommend("u", 5, EventContext.NONE));
        }
        try (Recommender rec = Recommender.builder().model(withContext).weights(SEQUENCE_ONLY).build()) {
            rec.observe(new Interaction("u", "i10", 1, EventType.VIEW, DESKTOP));
            List<String> asClicked = ids(rec.recommend("u", 5, EventContext.NONE));
            rec.recommend("u", 5, MOBILE);                                   // scores i10 as if on mobile
            assertThat(ids(rec.recommend("u", 5, EventContext.NONE))).isEqualTo(asClicked);
            rec.observe(new Interaction("u", "i11", 2, EventType.VIEW, MOBILE));
            assertThat(ids(rec.recommend("u", 5, EventContext.NONE))).isEqualTo(replayed);
        }
    }

    @Test
    void aModelTrainedWithoutContextIgnoresIt() {
        RecommendModel plain = Fixtures.tinyGru().contextDim(0).build().train(deviceRing(200, 30, 8, 5));
        assertThat(plain.hasContextEmbeddings()).isFalse();
        try (Recommender rec = Recommender.builder().model(plain).weights(SEQUENCE_ONLY).build()) {
            assertThat(ids(rec.recommendFor(List.of("i10"), 5, MOBILE)))
                    .isEqualTo(ids(rec.recommendFor(List.of("i10"), 5, DESKTOP)));
        }
    }

    private static List<String> ids(List<Recommendation> l) {
        return l.stream().map(Recommendation::itemId).toList();
    }
}
