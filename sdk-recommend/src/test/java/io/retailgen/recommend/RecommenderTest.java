package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.bundle.ModelHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private static RecommendModel model;

    @BeforeAll
    static void train() {
        model = Fixtures.tinyGru().build().train(Fixtures.ring(300, 40, 8, 1));
    }

    private static Catalog catalog(Map<String, Boolean> stock) {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "i" + i;
            items.add(new CatalogItem(id, "Item " + i, i % 2 == 0 ? "even" : "odd", Map.of(),
                    stock.getOrDefault(id, true), 1.0));
        }
        return Catalog.of(items);
    }

    @Test
    void recommendsTheSuccessorWithAReasonFromTheRankingSignal() {
        try (Recommender rec = Recommender.builder().model(model).catalog(catalog(Map.of())).build()) {
            rec.observe(Interaction.view("u", "i3", 1));
            rec.observe(Interaction.view("u", "i4", 2));
            List<Recommendation> list = rec.recommend("u", 5, EventContext.NONE);
            assertThat(list).hasSize(5);
            assertThat(list).extracting(Recommendation::itemId).contains("i5").doesNotHaveDuplicates();
            assertThat(list).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
            Recommendation top = list.stream().filter(r -> r.itemId().equals("i5")).findFirst().orElseThrow();
            assertThat(top.signal()).isIn(Signal.SEQUENCE, Signal.SIMILAR_SESSIONS, Signal.CO_OCCURRENCE);
            // the explanation is the sentence of the signal that ranked i5, naming the last item viewed (i4, which
            // is also the session item co-occurring most with i5)
            String expected = switch (top.signal()) {
                case SEQUENCE -> "Because you viewed Item 4";
                case SIMILAR_SESSIONS -> "Shoppers who viewed Item 4 also viewed this";
                case CO_OCCURRENCE -> "Often viewed with Item 4";
                default -> throw new AssertionError("unexpected signal " + top.signal());
            };
            assertThat(top.explanation()).isEqualTo(expected);
            assertThat(top.modelVersion()).isEqualTo(model.version());
        }
    }

    @Test
    void liveSessionsBecomeNeighboursOfLaterSessions() {
        // i0 -> i20 never happens in training (ring steps are +1); a live session teaches it
        HybridWeights knnOnly = new HybridWeights(0, 1, 0, 0, 0, 0);
        try (Recommender rec = Recommender.builder().model(model).weights(knnOnly).build()) {
            rec.observe(Interaction.view("late", "i0", 1));
            List<String> before = ids(rec.recommend("late", 10, EventContext.NONE));
            assertThat(before).doesNotContain("i20");
            for (int s = 0; s < 5; s++) {
                rec.observe(Interaction.view("teacher" + s, "i0", 1));
                rec.observe(Interaction.view("teacher" + s, "i20", 2));
            }
            rec.observe(Interaction.view("learner", "i0", 3));
            List<Recommendation> after = rec.recommend("learner", 10, EventContext.NONE);
            assertThat(ids(after).subList(0, 5)).contains("i20");
            assertThat(after.stream().filter(r -> r.itemId().equals("i20")).findFirst().orElseThrow().signal())
                    .isEqualTo(Signal.SIMILAR_SESSIONS);
        }
    }

    @Test
    void businessRulesDropPinCapAndBoost() {
        BusinessRules rules = BusinessRules.defaults().withDropViewed(true).withCategoryCap(2)
                .withPins(Map.of("i30", 0)).withBoosts(Map.of("i20", 1000.0));
        try (Recommender rec = Recommender.builder().model(model).catalog(catalog(Map.of("i5", false)))
                .rules(rules).build()) {
            List<Recommendation> list = rec.recommendFor(List.of("i3", "i4"), 5, EventContext.NONE);
            assertThat(list).hasSize(5);
            assertThat(list.get(0).itemId()).isEqualTo("i30");
            assertThat(list.get(0).signal()).isEqualTo(Signal.PINNED);
            assertThat(list).extracting(Recommendation::itemId).doesNotContain("i5", "i3", "i4").contains("i20");
            Map<String, Integer> perCategory = new HashMap<>();
            list.stream().filter(r -> r.signal() != Signal.PINNED)
                    .forEach(r -> perCategory.merge(Integer.parseInt(r.itemId().substring(1)) % 2 == 0 ? "e" : "o",
                            1, Integer::sum));
            assertThat(perCategory.values()).allMatch(n -> n <= 2);
        }
    }

    @Test
    void emptyAndUnknownSessionsFallBackToPopularityAndUnknownItemsAreCounted() {
        try (Recommender rec = Recommender.builder().model(model).catalog(catalog(Map.of())).build()) {
            List<Recommendation> cold = rec.recommend("nobody", 3, EventContext.NONE);
            assertThat(cold).hasSize(3).allMatch(r -> r.signal() == Signal.POPULARITY)
                    .allMatch(r -> r.explanation().startsWith("Popular in"));
            rec.observe(Interaction.view("x", "not-in-catalog", 1));
            assertThat(rec.recommendFor(List.of("nope"), 3, EventContext.NONE)).hasSize(3);
            assertThat(rec.unknownItems()).isEqualTo(2);
        }
    }

    @Test
    void tenThousandClickSessionWorks() {
        try (Recommender rec = Recommender.builder().model(model).build()) {
            for (int i = 0; i < 10_000; i++) {
                rec.observe(Interaction.view("long", "i" + (i % 40), i));
            }
            assertThat(rec.recommend("long", 10, EventContext.NONE)).hasSize(10);
        }
    }

    @Test
    void concurrentSessionsAndAtomicSwapThroughAModelHandle() throws Exception {
        // a second model trained on the ring walked backwards: after i2 it ranks i1 first, where the first ranks i3
        RecommendModel backwards = Fixtures.tinyGru().build().train(Fixtures.ring(300, 40, 8, -1, 1));
        // ranked by the sequence model alone, so live sessions of other threads cannot change the probe's ranking
        HybridWeights sequenceOnly = new HybridWeights(1, 0, 0, 0, 0, 0);
        List<String> probe = List.of("i2");
        Map<String, List<String>> expected = Map.of(
                "forwards", ranking(model, sequenceOnly, probe),
                "backwards", ranking(backwards, sequenceOnly, probe));
        assertThat(expected.get("forwards")).startsWith("i3");
        assertThat(expected.get("backwards")).startsWith("i1");
        assertThat(expected.get("forwards")).isNotEqualTo(expected.get("backwards"));

        try (ModelHandle<RecommendModel> handle = ModelHandle.of(model.toBundle("recs", "forwards"),
                RecommendModel::fromBundle);
                Recommender rec = Recommender.builder().model(handle).weights(sequenceOnly).build()) {
            AtomicBoolean swapped = new AtomicBoolean();
            Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                fs.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = 0; i < 200; i++) {
                        rec.observe(Interaction.view("c" + id, "i" + ((id + i) % 40), i));
                        n += rec.recommend("c" + id, 5, EventContext.NONE).size();
                        boolean afterSwap = swapped.get();
                        List<Recommendation> got = rec.recommendFor(probe, 5, EventContext.NONE);
                        String version = got.get(0).modelVersion();
                        // one model per response: every item carries its version and the list is that model's
                        assertThat(got).extracting(Recommendation::modelVersion).containsOnly(version);
                        assertThat(ids(got)).isEqualTo(expected.get(version));
                        if (afterSwap) {
                            assertThat(version).isEqualTo("backwards");
                        }
                        seen.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
                        if (id == 0 && i == 100) {
                            handle.swap(backwards.toBundle("recs", "backwards"));
                            swapped.set(true);
                        }
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : fs) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(1000);
            }
            pool.shutdown();
            assertThat(rec.modelVersion()).isEqualTo("backwards");
            assertThat(seen.get("forwards").get()).isGreaterThanOrEqualTo(101);
            assertThat(seen.get("backwards").get()).isGreaterThanOrEqualTo(99);
            assertThat(seen.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(800);
            assertThat(ids(rec.recommendFor(probe, 5, EventContext.NONE))).isEqualTo(expected.get("backwards"));
            // the first model's ONNX sessions were closed once no request used them any more
            assertThat(((DefaultRecommender) rec).openEngines()).isEqualTo(1);
        }
    }

    private static List<String> ranking(RecommendModel m, HybridWeights weights, List<String> items) {
        try (Recommender rec = Recommender.builder().model(m).weights(weights).build()) {
            List<String> ranking = ids(rec.recommendFor(items, 5, EventContext.NONE));
            assertThat(ranking).hasSize(5);
            return ranking;
        }
    }

    @Test
    void builderAndCloseContracts() {
        assertThatThrownBy(() -> Recommender.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model is required");
        assertThatThrownBy(() -> Recommender.builder().maxSessions(0)).isInstanceOf(IllegalArgumentException.class);
        Recommender rec = Recommender.builder().model(model).build();
        rec.close();
        rec.close();
        assertThatThrownBy(() -> rec.recommend("a", 1, EventContext.NONE)).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> ids(List<Recommendation> l) {
        return l.stream().map(Recommendation::itemId).toList();
    }
}
