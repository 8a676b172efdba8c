package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.training.TrainingEngine;
import io.retailgen.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exported ONNX step graph equals the DJL model it was trained as. */
class GruExportTest {

    private static GruWeightsData weights;

    @BeforeAll
    static void train() {
        List<Interaction> events = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        String[] devices = {"mobile", "desktop", ""};
        for (Interaction i : Fixtures.ring(120, 30, 6, 2)) {
            events.add(new Interaction(i.sessionId(), i.itemId(), i.timestamp(), EventType.VIEW,
                    new EventContext(devices[r.nextInt(3)], r.nextInt(24), "")));
        }
        GruTrainer.Params p = new GruTrainer.Params(12, 4, 8, 16, 0.75, 2, 0.01f, 5);
        weights = new GruTrainer(p, new TrainingListener() { }).train(SessionLog.of(events)).weights();
    }

    @Test
    void onnxStepEqualsDjlStepOnRandomInputs() {
        GruWeightsData w = weights;
        assertThat(w.contextDim).isEqualTo(4);
        SplittableRandom r = new SplittableRandom(11);
        int batch = 5;
        long[] items = new long[batch];
        long[] dev = new long[batch];
        long[] hour = new long[batch];
        float[] h = new float[batch * w.hidden];
        for (int b = 0; b < batch; b++) {
            items[b] = r.nextInt(w.items);
            dev[b] = r.nextInt(GruWeightsData.DEVICE_SLOTS);
            hour[b] = r.nextInt(GruWeightsData.HOUR_SLOTS);
        }
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] djlHidden;
        float[] djlScores;
        TrainingEngine engine = TrainingEngine.builder().seed(1).build();
        try (NDManager m = engine.newManager()) {
            NDArray emb = m.create(w.embedding, new Shape(w.items, w.hidden));
            NDArray x = NDArrays.concat(new NDList(emb.get(m.create(items)),
                    m.create(w.deviceEmb, new Shape(GruWeightsData.DEVICE_SLOTS, w.contextDim)).get(m.create(dev)),
                    m.create(w.hourEmb, new Shape(GruWeightsData.HOUR_SLOTS, w.contextDim)).get(m.create(hour))), 1);
            NDArray hn = GruTrainer.step(x, m.create(h, new Shape(batch, w.hidden)),
                    m.create(w.wIh, new Shape(3L * w.hidden, w.inputSize())),
                    m.create(w.wHh, new Shape(3L * w.hidden, w.hidden)), m.create(w.bIh), m.create(w.bHh));
            djlHidden = hn.toFloatArray();
            djlScores = hn.matMul(emb.transpose()).add(m.create(w.outBias)).toFloatArray();
        }
        try (OnnxModel model = OnnxModel.builder().model(GruExport.toOnnx(w)).name("gru-test").build()) {
            Map<String, Tensor> out = model.run(Map.of(GruExport.IN_ITEM, Tensor.ofLongs(items, batch),
                    GruExport.IN_HIDDEN, Tensor.ofFloats(h, batch, w.hidden),
                    GruExport.IN_DEVICE, Tensor.ofLongs(dev, batch), GruExport.IN_HOUR, Tensor.ofLongs(hour, batch)));
            float[] ortHidden = out.get(GruExport.OUT_HIDDEN).toFloatArray();
            float[] ortScores = out.get(GruExport.OUT_SCORES).toFloatArray();
            assertThat(ortHidden).hasSameSizeAs(djlHidden);
            for (int i = 0; i < ortHidden.length; i++) {
                assertThat(ortHidden[i]).as("hidden[%d]", i).isCloseTo(djlHidden[i],
                        org.assertj.core.data.Offset.offset(1e-5f));
            }
            for (int i = 0; i < ortScores.length; i++) {
                assertThat(ortScores[i]).as("scores[%d]", i).isCloseTo(djlScores[i],
                        org.assertj.core.data.Offset.offset(1e-5f));
            }
            // in-graph TopK: the K best DJL scores per row, in descending order, with their item indices
            int kTop = GruExport.topCandidates(w.items);
            float[] topScores = out.get(GruExport.OUT_TOP_SCORES).toFloatArray();
            long[] topItems = out.get(GruExport.OUT_TOP_ITEMS).toLongArray();
            assertThat(topItems).hasSize(batch * kTop);
            for (int b = 0; b < batch; b++) {
                final int row = b;
                Integer[] order = new Integer[w.items];
                for (int i = 0; i < w.items; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (x, y) -> Float.compare(djlScores[row * w.items + y],
                        djlScores[row * w.items + x]));
                for (int j = 0; j < kTop; j++) {
                    int item = (int) topItems[b * kTop + j];
                    assertThat(topScores[b * kTop + j]).as("top score [%d,%d]", b, j)
                            .isCloseTo(djlScores[b * w.items + order[j]], org.assertj.core.data.Offset.offset(1e-5f))
                            .isCloseTo(djlScores[b * w.items + item], org.assertj.core.data.Offset.offset(1e-5f));
                    if (j > 0) {
                        assertThat(topScores[b * kTop + j]).isLessThanOrEqualTo(topScores[b * kTop + j - 1]);
                    }
                }
            }
            // asking for the hidden state alone (catch-up clicks) gives the same state
            Map<String, Tensor> hiddenOnly = model.run(Map.of(GruExport.IN_ITEM, Tensor.ofLongs(items, batch),
                    GruExport.IN_HIDDEN, Tensor.ofFloats(h, batch, w.hidden),
                    GruExport.IN_DEVICE, Tensor.ofLongs(dev, batch), GruExport.IN_HOUR, Tensor.ofLongs(hour, batch)),
                    java.util.Set.of(GruExport.OUT_HIDDEN));
            assertThat(hiddenOnly).containsOnlyKeys(GruExport.OUT_HIDDEN);
            assertThat(hiddenOnly.get(GruExport.OUT_HIDDEN).toFloatArray()).containsExactly(ortHidden);
            float[] javaHidden = w.step((int) items[0], (int) dev[0], (int) hour[0],
                    java.util.Arrays.copyOfRange(h, 0, w.hidden));
            for (int i = 0; i < w.hidden; i++) {
                assertThat(javaHidden[i]).isCloseTo(ortHidden[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void trainingLearnsTheRing() {
        GruWeightsData w = weights;
        assertThat(w.embedding).doesNotContain(Float.NaN);
        float[] bias = w.outBias;
        assertThat(bias).isNotEqualTo(new float[bias.length]);
    }
}
