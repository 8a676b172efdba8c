package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.JniUtils;
import io.retailgen.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code threads} training option: validated, applied to PyTorch, kept out of the model's version. */
class TrainThreadsTest {

    private static final List<Interaction> EVENTS = Fixtures.ring(60, 12, 5, 3);

    @Test
    void threadsOptionSetsPyTorchsThreadsForTheTraining() {
        RecommendModel two = RecommendModel.train(EVENTS, Fixtures.tinyGru().withThreads(2), new TrainingListener() { });
        assertThat(JniUtils.getNumThreads()).isEqualTo(2);
        assertThat(two.options().threads()).isEqualTo(2);
        RecommendModel one = RecommendModel.train(EVENTS, Fixtures.tinyGru().withThreads(1), new TrainingListener() { });
        assertThat(JniUtils.getNumThreads()).isEqualTo(1);
        assertThat(one.options().threads()).isEqualTo(1);
    }

    @Test
    void unsetThreadsTakeTheApplicationsChoiceOrTheDefaultOfOne() {
        RecommendModel.train(EVENTS, Fixtures.tinyGru().withThreads(2), new TrainingListener() { });
        RecommendModel m = RecommendModel.train(EVENTS, Fixtures.tinyGru(), new TrainingListener() { });
        assertThat(m.options().threads()).isZero();
        assertThat(JniUtils.getNumThreads()).isEqualTo(1);
    }

    @Test
    void threadsAreValidatedAndSurviveOtherChanges() {
        assertThatThrownBy(() -> TrainOptions.defaults().withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1, was 0");
        TrainOptions o = TrainOptions.defaults().withThreads(3).withEpochs(2).withSeed(5).withHidden(8);
        assertThat(o.threads()).isEqualTo(3);
        assertThat(TrainOptions.defaults().threads()).isZero();
    }

    @Test
    void aSavedModelLoadsWithItsOptions(@TempDir Path dir) {
        RecommendModel m = RecommendModel.train(EVENTS, Fixtures.tinyGru().withThreads(1), new TrainingListener() { });
        m.save(dir.resolve("model"));
        RecommendModel back = RecommendModel.load(dir.resolve("model"));
        assertThat(back.version()).isEqualTo(m.version());
        assertThat(back.options()).isEqualTo(m.options());
    }
}
