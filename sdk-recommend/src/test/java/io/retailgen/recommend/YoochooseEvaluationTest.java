package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The next-item protocol on the real YooChoose tuning split (kNN + co-occurrence only, to stay fast). */
class YoochooseEvaluationTest {

    @Test
    void knnOnlyHybridReachesPublishedRange() {
        Path train = Fixtures.sessionData("train_tr.tsv");
        Path test = Fixtures.sessionData("train_valid.tsv");
        RecommendModel model = RecommendTrainer.builder().sequenceModel(false).build()
                .train(InteractionReader.readLenient(train));
        EvaluationResult e = NextItemEvaluation.evaluate(model, InteractionReader.readLenient(test), 20);
        assertThat(e.predictions()).isEqualTo(12455);
        assertThat(e.recall()).isGreaterThan(0.60);
        assertThat(e.mrr()).isGreaterThan(0.30);
        assertThat(e.ndcg()).isBetween(e.mrr(), e.recall());
        assertThat(e.coverage()).isBetween(0.0, 1.0);
        assertThat(e.asMap()).containsKeys("recall@20", "mrr@20", "ndcg@20", "coverage@20", "latency_p50_us",
                "latency_p99_us");
    }
}
