package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.retailgen.core.Device;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.governance.privacy.PrivacyBudget;
import io.retailgen.governance.privacy.RdpAccountant;
import io.retailgen.governance.reports.ModelCard;
import io.retailgen.training.TrainingEngine;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DP-SGD on the GRU: per-session gradients, clipping, the budget, and what a private model keeps and records. */
class PrivateTrainingTest {

    private static final List<Interaction> EVENTS = Fixtures.ring(80, 12, 6, 3);

    private static GruTrainer.Params params() {
        return new GruTrainer.Params(8, 0, 16, 0, 0.75, 1, 0.05f, 3L);
    }

    /**
     * The clipped sum over a chunk of sessions run as lanes must equal the sum of each session's clipped gradient
     * computed alone: that is what makes the lane copies per-session gradients (sessions of unequal length, so the
     * padding and masks are exercised too).
     */
    @Test
    void lanesGivePerSessionGradientsClippedOneByOne() throws Exception {
        List<Interaction> events = new java.util.ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int s = 0; s < 5; s++) {
            for (int p = 0; p < 2 + s * 2; p++) {
                events.add(Interaction.view("s" + s, "i" + r.nextInt(9), 100 * s + p));
            }
        }
        SessionLog log = SessionLog.of(events);
        for (double clip : new double[] {1e6, 0.05}) {
            DpGruTrainer t = new DpGruTrainer(params(), PrivateTraining.builder().epsilon(1).clipNorm(clip)
                    .maxSessionLength(7).build(), 1, Device.cpu(), new TrainingListener() { });
            TrainingEngine engine = GruTrainer.engine(params(), 1, Device.cpu());
            try (NDManager m = engine.newManager()) {
                GruTrainer.Weights ws = GruTrainer.Weights.init(m, log.vocab.size(), 8, 0, new SplittableRandom(1),
                        false);
                int[] all = DpGruTrainer.poissonSample(log, 1.0, new SplittableRandom(2));
                assertThat(all).hasSize(5);
                float[][] together = sums(t, m, engine, ws, log, all);
                float[][] alone = null;
                for (int s : all) {
                    float[][] one = sums(t, m, engine, ws, log, new int[] {s});
                    double norm = 0;
                    for (float[] g : one) {
                        for (float v : g) {
                            norm += v * (double) v;
                        }
                    }
                    assertThat(Math.sqrt(norm)).isLessThanOrEqualTo(clip * (1 + 1e-4));
                    if (alone == null) {
                        alone = one;
                    } else {
                        for (int i = 0; i < one.length; i++) {
                            for (int j = 0; j < one[i].length; j++) {
                                alone[i][j] += one[i][j];
                            }
                        }
                    }
                }
                for (int i = 0; i < together.length; i++) {
                    for (int j = 0; j < together[i].length; j++) {
                        assertThat(together[i][j]).as("weight %d value %d, clip %s", i, j, clip)
                                .isCloseTo(alone[i][j], within(2e-4f + 1e-3f * Math.abs(alone[i][j])));
                    }
                }
            }
        }
    }

    private static float[][] sums(DpGruTrainer t, NDManager m, TrainingEngine engine, GruTrainer.Weights ws,
            SessionLog log, int[] chunk) throws Exception {
        Object outcome = t.clippedSum(m, engine.djlEngine(), ws, log, chunk, 0);
        Method sumsOf = outcome.getClass().getDeclaredMethod("sums");
        sumsOf.setAccessible(true);
        return (float[][]) sumsOf.invoke(outcome);
    }

    @Test
    void trainingRefusesAPlanThatWouldSpendMoreThanTheBudget() {
        RecommendTrainer t = Fixtures.tinyGru().privacy(PrivateTraining.builder().epsilon(1).noiseMultiplier(0.3)
                .sessionsPerStep(40).build()).build();
        assertThatThrownBy(() -> t.train(EVENTS)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("more than the budget epsilon 1.000")
                .hasMessageContaining("noise multiplier 0.3");
        assertThatThrownBy(() -> PrivateTraining.builder().epsilon(0)).hasMessage("epsilon must be finite and > 0,"
                + " was 0.0");
        assertThatThrownBy(() -> PrivateTraining.builder().build()).hasMessageContaining("epsilon(...)");
        assertThatThrownBy(() -> Fixtures.tinyGru().sequenceModel(false).privacy(PrivateTraining.builder()
                .epsilon(1).build()).build().train(EVENTS)).hasMessageContaining("trains the sequence model");
    }

    @Test
    void calibratedNoiseSpendsAtMostTheBudgetAndTheBundleRecordsItWithoutSessions() {
        RecommendTrainer t = Fixtures.tinyGru().epochs(3).privacy(PrivateTraining.builder().epsilon(3)
                .sessionsPerStep(20).build()).build();
        try (RecommendModel model = t.train(EVENTS)) {
            TrainingPrivacy p = model.privacy().orElseThrow();
            assertThat(p.epsilon()).isLessThanOrEqualTo(3).isGreaterThan(2.9);
            assertThat(p.delta()).isEqualTo(1e-5);
            assertThat(p.samplingRate()).isEqualTo(20 / 80.0);
            assertThat(p.steps()).isEqualTo(12);
            double again = new RdpAccountant().compose(p.samplingRate(), p.noiseMultiplier(), p.steps())
                    .epsilon(p.delta()).epsilon();
            assertThat(again).isCloseTo(p.epsilon(), within(1e-9));
            assertThat(model.sessionCount()).isZero();

            ModelBundle b = model.toBundle("private-recs", "1");
            assertThat(new String(b.file("sessions.tsv"), StandardCharsets.UTF_8).strip())
                    .isEqualTo("SessionId\tItemId\tTime");
            assertThat(b.manifest().provenance().hyperParameters()).containsEntry("dp.steps", "12")
                    .containsKey("dp.noise_multiplier").containsKey("dp.epsilon");
            PrivacyBudget card = ModelCard.privacyBudget(b.manifest().provenance());
            assertThat(card.epsilon()).isCloseTo(p.epsilon(), within(1e-9));
            assertThat(card.deltaAssumed()).isFalse();

            RecommendModel loaded = RecommendModel.fromBundle(b);
            assertThat(loaded.privacy()).contains(p);
            assertThat(loaded.hasSequenceModel()).isTrue();
            try (Recommender rec = Recommender.builder().model(loaded).build()) {
                assertThat(rec.recommendFor(List.of("i3", "i4"), 5, io.retailgen.recommend.EventContext.NONE)).hasSize(5);
            }
        }
    }
}
