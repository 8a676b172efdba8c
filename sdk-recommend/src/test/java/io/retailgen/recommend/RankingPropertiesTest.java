package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingPropertiesTest {

    @Test
    void topKIsSortedUniqueAndTheBest() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, 1000)).ofSizeBetween(0, 60),
                integers().between(1, 30)).checkAssert((vals, k) -> {
                    Scores s = new Scores(64);
                    for (int i = 0; i < vals.size(); i++) {
                        s.add(i, vals.get(i));
                    }
                    int[] top = TopK.of(s, k, i -> true);
                    long positive = vals.stream().filter(v -> v > 0).count();
                    assertThat(top.length).isEqualTo((int) Math.min(k, positive));
                    assertThat(Arrays.stream(top).distinct().count()).isEqualTo(top.length);
                    for (int i = 1; i < top.length; i++) {
                        assertThat(s.get(top[i - 1])).isGreaterThanOrEqualTo(s.get(top[i]));
                    }
                    if (top.length > 0) {
                        float worst = s.get(top[top.length - 1]);
                        long better = vals.stream().filter(v -> v > worst).count();
                        assertThat(better).isLessThanOrEqualTo(top.length);
                    }
                });
    }

    @Test
    void knnRanksTheRingSuccessorFirst() {
        SessionLog log = SessionLog.of(Fixtures.ring(300, 40, 8, 1));
        SessionKnn knn = new SessionKnn(log, SessionKnn.Params.DEFAULT);
        int a = log.vocab.indexOf("i5");
        int b = log.vocab.indexOf("i6");
        Scores s = new Scores(log.vocab.size());
        knn.score(new int[] {a, b}, 2, s);
        int[] top = TopK.of(s, 3, i -> i != a && i != b);
        assertThat(log.vocab.id(top[0])).isEqualTo("i7");
    }

    @Test
    void experimentAssignmentIsDeterministicAndBalanced() {
        List<String> variants = List.of("a", "b");
        int[] n = new int[2];
        for (int u = 0; u < 10_000; u++) {
            String v = Experiments.assign("user" + u, "exp1", variants);
            assertThat(Experiments.assign("user" + u, "exp1", variants)).isEqualTo(v);
            n[variants.indexOf(v)]++;
        }
        assertThat(n[0]).isBetween(4800, 5200);
        long same = java.util.stream.IntStream.range(0, 2000).filter(u -> Experiments.assign("user" + u, "exp1",
                variants).equals(Experiments.assign("user" + u, "exp2", variants))).count();
        assertThat(same).isBetween(900L, 1100L);
    }

    @Test
    void liftIntervalCoversTheTruthAndDetectsRealEffects() {
        Experiments.Lift none = Experiments.lift(500, 10_000, 505, 10_000, 0.95);
        assertThat(none.low()).isLessThan(0);
        assertThat(none.high()).isGreaterThan(0);
        assertThat(none.significant()).isFalse();
        Experiments.Lift big = Experiments.lift(500, 10_000, 650, 10_000, 0.95);
        assertThat(big.relativeLift()).isCloseTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(big.low()).isGreaterThan(0.1).isLessThan(0.3);
        assertThat(big.high()).isGreaterThan(0.3).isLessThan(0.5);
        assertThat(big.pValue()).isLessThan(0.001);
        assertThat(Experiments.normalQuantile(0.975)).isCloseTo(1.95996, org.assertj.core.data.Offset.offset(1e-3));
    }
}
