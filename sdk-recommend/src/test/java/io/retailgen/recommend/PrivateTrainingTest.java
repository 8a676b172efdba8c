package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.retailgen.core.Device;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.governance.privacy.PrivacyBudget;
import io.retailgen.governance.privacy.RdpAccountant;
import io.retailgen.governance.reports.ModelCard;
import io.retailgen.training.TrainingEngine;
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
     * The clipped sum over a chunk of sessions, computed without per-session gradients (Gram-matrix norms, one product
     * per weight), must equal the naive computation: each session's gradient formed alone by autograd on the shared
     * weights, clipped as a whole, then summed. Sessions of unequal length (padding and masks), repeated items and
     * context slots within a session (the cross terms of the norm), with and without context tables, with clipping
     * inactive and active, clipping each session's gradient as a whole and per layer (the item table with its output
     * bias to {@code clip * sqrt(share)}, the rest to {@code clip * sqrt(1 - share)}).
     */
    @Test
    void clippedSumEqualsNaivePerSessionClippingAndSumming() {
        List<Interaction> events = new java.util.ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        String[] devices = {"mobile", "desktop", ""};
        for (int s = 0; s < 6; s++) {
            for (int p = 0; p < 2 + s * 2; p++) {
                events.add(new Interaction("s" + s, "i" + r.nextInt(7), 100 * s + p, EventType.VIEW,
                        new EventContext(devices[r.nextInt(3)], r.nextInt(3), "")));
            }
        }
        SessionLog log = SessionLog.of(events);
        for (int cd : new int[] {0, 3}) {
            GruTrainer.Params params = new GruTrainer.Params(8, cd, 16, 0, 0.75, 1, 0.05f, 3L);
            for (double[] clipShare : new double[][] {{1e6, 0}, {0.05, 0}, {1e6, 0.3}, {0.05, 0.3}, {0.05, 0.9}}) {
                double clip = clipShare[0];
                double share = clipShare[1];
                DpGruTrainer t = new DpGruTrainer(params, PrivateTraining.builder().epsilon(1).clipNorm(clip)
                        .maxSessionLength(7).itemTableClipShare(share).build(), 1, Device.cpu(),
                        new TrainingListener() { });
                TrainingEngine engine = GruTrainer.engine(params, 1, Device.cpu());
                try (NDManager m = engine.newManager()) {
                    GruTrainer.Weights ws = GruTrainer.Weights.init(m, log.vocab.size(), 8, cd,
                            new SplittableRandom(1), false);
                    int[] all = DpGruTrainer.poissonSample(log, 1.0, new SplittableRandom(2));
                    assertThat(all).hasSize(6);
                    float[][] together = t.clippedSum(m, engine.djlEngine(), ws, log, all, cd).sums();
                    float[][] naive = null;
                    for (int s : all) {
                        float[][] one = naiveGradient(m, engine, GruTrainer.Weights.init(m, log.vocab.size(), 8,
                                cd, new SplittableRandom(1), true), log, s, 7);
                        // weights 0 and 1 are the item table and its output bias, the rest the GRU and context
                        double sqItems = 0;
                        double sqRest = 0;
                        for (int i = 0; i < one.length; i++) {
                            for (float v : one[i]) {
                                if (i < 2) {
                                    sqItems += v * (double) v;
                                } else {
                                    sqRest += v * (double) v;
                                }
                            }
                        }
                        double whole = Math.min(1, clip / Math.sqrt(sqItems + sqRest));
                        double itemFactor = share > 0 ? Math.min(1, clip * Math.sqrt(share) / Math.sqrt(sqItems))
                                : whole;
                        double restFactor = share > 0 ? Math.min(1, clip * Math.sqrt(1 - share)
                                / Math.sqrt(sqRest)) : whole;
                        if (naive == null) {
                            naive = new float[one.length][];
                            for (int i = 0; i < one.length; i++) {
                                naive[i] = new float[one[i].length];
                            }
                        }
                        for (int i = 0; i < one.length; i++) {
                            double factor = i < 2 ? itemFactor : restFactor;
                            for (int j = 0; j < one[i].length; j++) {
                                naive[i][j] += (float) (one[i][j] * factor);
                            }
                        }
                    }
                    assertThat(together.length).isEqualTo(naive.length);
                    double scale = clip < 1 ? clip : 1;
                    for (int i = 0; i < together.length; i++) {
                        assertThat(together[i]).hasSameSizeAs(naive[i]);
                        for (int j = 0; j < together[i].length; j++) {
                            assertThat(together[i][j]).as("context %d, weight %d value %d, clip %s, share %s", cd, i,
                                    j, clip, share)
                                    .isCloseTo(naive[i][j], within((float) (1e-4 * scale)
                                            + 1e-3f * Math.abs(naive[i][j])));
                        }
                    }
                }
            }
        }
    }

    /**
     * One session's gradient computed the plain way: autograd through the shared weights, click by click (the hidden
     * state carried without gradient), the loss summed over the session's predictions; in the order of
     * {@link GruTrainer.Weights#all()}. {@code ws} must be fresh weights that record gradients.
     */
    private static float[][] naiveGradient(NDManager m, TrainingEngine engine, GruTrainer.Weights ws, SessionLog log,
            int session, int maxLength) {
        List<NDArray> weights = ws.all();
        int h = (int) ws.wHh().getShape().get(1);
        int clicks = Math.min(log.length(session), maxLength);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            try (GradientCollector gc = engine.djlEngine().newGradientCollector()) {
                NDArray hPrev = m.zeros(new Shape(1, h));
                NDArray loss = null;
                for (int t = 0; t + 1 < clicks; t++) {
                    int at = log.start[session] + t;
                    NDArray x = ws.emb().get(m.create(new long[] {log.items[at]}));
                    if (ws.dev() != null) {
                        x = NDArrays.concat(new NDList(x, ws.dev().get(m.create(new long[] {log.deviceSlots[at]})),
                                ws.hour().get(m.create(new long[] {log.hourSlots[at]}))), 1);
                    }
                    NDArray hNew = GruTrainer.step(x, hPrev, ws.wIh(), ws.wHh(), ws.bIh(), ws.bHh());
                    NDArray logits = hNew.matMul(ws.emb().transpose()).add(ws.outBias());
                    NDArray l = logits.logSoftmax(1).get(0, log.items[at + 1]).neg();
                    loss = loss == null ? l : loss.add(l);
                    hPrev = hNew.stopGradient();
                }
                gc.backward(loss);
            }
            float[][] out = new float[weights.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = weights.get(i).getGradient().toFloatArray();
            }
            return out;
        }
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

    /**
     * 80 sessions at 18 per step: 1 / q = 4.44, so 3 epochs plan ceil(3 / q) = 14 steps; counting epochs as
     * round(1 / q) = 4 steps each ended the third epoch at step 12 and stepped past the planned epochs.
     */
    @Test
    void epochsEndWhereTheirShareOfThePlannedStepsEnds() {
        RecommendTrainer t = Fixtures.tinyGru().epochs(3).privacy(PrivateTraining.builder().epsilon(8)
                .sessionsPerStep(18).build()).build();
        try (RecommendModel model = t.train(EVENTS)) {
            assertThat(model.privacy().orElseThrow().steps()).isEqualTo(14);
        }
    }

    @Test
    void largeExpectedBatchesByDefault() {
        PrivateTraining dp = PrivateTraining.builder().epsilon(8).build();
        assertThat(dp.sessionsPerStep()).isEqualTo(4096);
        assertThat(dp.clipNorm()).isEqualTo(1.0);
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
            assertThat(p.conversion()).isEqualTo(TrainingPrivacy.IMPROVED);
            double again = new RdpAccountant().compose(p.samplingRate(), p.noiseMultiplier(), p.steps())
                    .epsilon(p.delta(), RdpAccountant.Conversion.IMPROVED).epsilon();
            assertThat(again).isCloseTo(p.epsilon(), within(1e-9));
            assertThat(model.sessionCount()).isZero();

            ModelBundle b = model.toBundle("private-recs", "1");
            assertThat(new String(b.file("sessions.tsv"), StandardCharsets.UTF_8).strip())
                    .isEqualTo("SessionId\tItemId\tTime");
            assertThat(b.manifest().provenance().hyperParameters()).containsEntry("dp.steps", "12")
                    .containsKey("dp.noise_multiplier").containsKey("dp.epsilon");
            PrivacyBudget card = ModelCard.privacyBudget(b.manifest().provenance());
            assertThat(card.epsilon()).isCloseTo(p.epsilon(), within(1e-9));
            assertThat(card.conversion()).isEqualTo(RdpAccountant.Conversion.IMPROVED);
            assertThat(card.deltaAssumed()).isFalse();

            RecommendModel loaded = RecommendModel.fromBundle(b);
            assertThat(loaded.privacy()).contains(p);
            assertThat(loaded.hasSequenceModel()).isTrue();
            try (Recommender rec = Recommender.builder().model(loaded).build()) {
                assertThat(rec.recommendFor(List.of("i3", "i4"), 5, io.retailgen.recommend.EventContext.NONE)).hasSize(5);
            }
        }
    }

    /**
     * A record without a conversion (written before it was recorded, or by federated training, which accounts with
     * the classic conversion) reads as classic, and the model card recomputes its epsilon with the classic conversion.
     */
    @Test
    void aRecordWithoutAConversionIsClassicAndTheCardAccountsItSo() throws Exception {
        TrainingPrivacy old = new com.fasterxml.jackson.databind.ObjectMapper().readValue("{\"epsilon\": 8.8376,"
                + " \"delta\": 1e-5, \"noiseMultiplier\": 2.0, \"samplingRate\": 1.0, \"steps\": 10,"
                + " \"clipNorm\": 1.0}", TrainingPrivacy.class);
        assertThat(old.conversion()).isEqualTo(TrainingPrivacy.CLASSIC);
        assertThat(old).isEqualTo(new TrainingPrivacy(8.8376, 1e-5, 2.0, 1.0, 10, 1.0));
        java.util.Map<String, String> hp = RecommendModel.privacyHyperParameters(old);
        assertThat(hp).containsEntry(ModelCard.CONVERSION, "CLASSIC");
        io.retailgen.core.bundle.Provenance prov = io.retailgen.core.bundle.Provenance.capture(
                io.retailgen.core.bundle.DataFingerprint.ofRows(List.of("s1,a")), 100, hp, 1,
                java.util.Map.of());
        assertThat(ModelCard.privacyBudget(prov).epsilon()).isCloseTo(8.8376, within(1e-3));
        assertThatThrownBy(() -> new TrainingPrivacy(8, 1e-5, 2.0, 1.0, 10, 1.0, "tight"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tight");
    }
}
