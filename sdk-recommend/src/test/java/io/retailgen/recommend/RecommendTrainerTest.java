package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.JniUtils;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.bundle.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RecommendTrainer}'s builder, its threads and seed, and the model's bundle, registry and handle round trips. */
class RecommendTrainerTest {

    private static final List<Interaction> EVENTS = Fixtures.ring(60, 12, 5, 3);

    @Test
    void threadsOptionSetsPyTorchsThreadsForTheTrainingAndDefaultsToOne() {
        RecommendTrainer two = Fixtures.tinyGru().threads(2).build();
        two.train(EVENTS);
        assertThat(JniUtils.getNumThreads()).isEqualTo(2);
        assertThat(two.threads()).isEqualTo(2);
        RecommendTrainer unset = Fixtures.tinyGru().build();
        assertThat(unset.threads()).isEqualTo(1);
        unset.train(EVENTS);
        assertThat(JniUtils.getNumThreads()).isEqualTo(1);
    }

    @Test
    void settersValidateAtOnceNamingTheSettingAndValue() {
        assertThatThrownBy(() -> RecommendTrainer.builder().threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, was 0");
        assertThatThrownBy(() -> RecommendTrainer.builder().epochs(0)).hasMessage("epochs must be >= 1, was 0");
        assertThatThrownBy(() -> RecommendTrainer.builder().hidden(-3)).hasMessage("hidden must be >= 1, was -3");
        assertThatThrownBy(() -> RecommendTrainer.builder().contextDim(-1))
                .hasMessage("contextDim must be >= 0, was -1");
        assertThatThrownBy(() -> RecommendTrainer.builder().dropout(1f)).hasMessage("dropout must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> RecommendTrainer.builder().sessionKnn(10, 5))
                .hasMessage("sampleSize must be >= neighbours (10), was 5");
        assertThatThrownBy(() -> RecommendTrainer.builder().optimizer(RecommendTrainer.Optimizer.ADAM, 0f))
                .hasMessage("learningRate must be > 0, was 0.0");
        assertThatThrownBy(() -> RecommendTrainer.builder().build().train(List.of()))
                .hasMessage("cannot train on no events");
        RecommendTrainer t = RecommendTrainer.builder().seed(5_000_000_000L).epochs(3).build();
        assertThat(t.seed()).isEqualTo(5_000_000_000L);
        assertThat(t.toBuilder().threads(3).build().epochs()).isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameModelAndTheThreadCountDoesNotNameIt() {
        RecommendModel a = Fixtures.tinyGru().seed(11L).threads(1).build().train(EVENTS);
        RecommendModel b = Fixtures.tinyGru().seed(11L).threads(2).build().train(EVENTS);
        RecommendModel c = Fixtures.tinyGru().seed(12L).build().train(EVENTS);
        assertThat(b.version()).isEqualTo(a.version());
        assertThat(c.version()).isNotEqualTo(a.version());
    }

    @Test
    void bundleRoundTripKeepsNameVersionSettingsAndKind(@TempDir Path dir) {
        RecommendModel m = Fixtures.tinyGru().build().train(EVENTS);
        ModelBundle bundle = m.toBundle("storefront-recs", "2026-12-07");
        assertThat(bundle.manifest().kind()).isEqualTo(RecommendModel.KIND).isEqualTo("recommend.gru4rec");
        bundle.saveTo(dir.resolve("model"));
        try (RecommendModel back = RecommendModel.fromBundle(ModelBundle.load(dir.resolve("model")))) {
            assertThat(back.name()).isEqualTo("storefront-recs");
            assertThat(back.version()).isEqualTo("2026-12-07");
            assertThat(back.settings).isEqualTo(m.settings);
            assertThat(back.itemCount()).isEqualTo(m.itemCount());
            assertThat(back.hasSequenceModel()).isTrue();
            assertThat(back.onnxModel()).isEqualTo(m.onnxModel());
        }
    }

    @Test
    void bundlesOfTheEarlierKindStillLoadAndOtherKindsAreRejected() {
        RecommendModel m = Fixtures.tinyGru().build().train(EVENTS);
        ModelBundle current = m.toBundle("recs", m.version());
        // a bundle as written before the <module>.<model> scheme: old kind, int seed, thread count 0
        String oldJson = new String(current.file("recommend.json"), StandardCharsets.UTF_8)
                .replace("\"threads\" : 1", "\"threads\" : 0");
        assertThat(oldJson).contains("\"threads\" : 0");
        ModelBundle old = ModelBundle.builder().kind("recommend.session-hybrid").name("recommend")
                .version(m.version()).provenance(current.manifest().provenance()).model(current.modelBytes())
                .file("items.txt", current.file("items.txt"))
                .file("sessions.tsv", current.file("sessions.tsv"))
                .file("recommend.json", oldJson.getBytes(StandardCharsets.UTF_8)).build();
        try (RecommendModel loaded = RecommendModel.fromBundle(old)) {
            assertThat(loaded.version()).isEqualTo(m.version());
            assertThat(loaded.settings.seed()).isEqualTo(7L);
            assertThat(ids(loaded)).isEqualTo(ids(m));
        }
        ModelBundle other = current.toBuilder().kind("forecast.deepar").build();
        assertThatThrownBy(() -> RecommendModel.fromBundle(other)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("kind 'forecast.deepar', expected 'recommend.gru4rec'")
                .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.INVALID_BUNDLE));
    }

    @Test
    void modelsArePublishedToARegistryAndServedThroughAHandle(@TempDir Path dir) {
        RecommendModel m = Fixtures.tinyGru().build().train(EVENTS);
        ModelRegistry registry = ModelRegistry.open(dir);
        registry.publish(m.toBundle("recs", "v1"));
        try (ModelHandle<RecommendModel> handle = ModelHandle.fromRegistry(registry, "recs",
                RecommendModel::fromBundle)) {
            assertThat(handle.version()).isEqualTo("v1");
            assertThat(handle.apply(RecommendModel::itemCount)).isEqualTo(12);
        }
    }

    private static List<String> ids(RecommendModel m) {
        try (Recommender rec = Recommender.builder().model(m).build()) {
            return rec.recommendFor(List.of("i3"), 5, EventContext.NONE).stream().map(Recommendation::itemId)
                    .toList();
        }
    }
}
