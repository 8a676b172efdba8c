package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubPixelGeneratorTest {

    @Test
    void depthToSpacePutsChannelTwoIPlusJAtOffsetIJ() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = new float[4 * 2 * 2];
            for (int i = 0; i < v.length; i++) {
                v[i] = i;
            }
            float[] out = Nets.depthToSpace2(m.create(v, new Shape(1, 4, 2, 2))).toFloatArray();
            // pixel (2h + i, 2w + j) of the 4x4 output is channel 2i + j at (h, w) = v[(2i + j) * 4 + h * 2 + w]
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    int c = (y % 2) * 2 + x % 2;
                    assertThat(out[y * 4 + x]).isEqualTo(v[c * 4 + (y / 2) * 2 + x / 2]);
                }
            }
        }
    }

    @Test
    void subPixelGeneratorExportEqualsDjlWithin1e5() {
        int latent = 6;
        int classes = 3;
        int n = 5;
        Nets.Generator gen = new Nets.Generator(latent, classes, 4, true);
        SplittableRandom rnd = new SplittableRandom(3);
        float[] z = new float[n * latent];
        float[] y = new float[n * classes];
        float[] zy = new float[n * (latent + classes)];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < latent; j++) {
                z[r * latent + j] = (float) rnd.nextGaussian();
                zy[r * (latent + classes) + j] = z[r * latent + j];
            }
            int c = r % classes;
            y[r * classes + c] = 1f;
            zy[r * (latent + classes) + latent + c] = 1f;
        }
        float[] djl;
        byte[] onnx;
        try (NDManager m = NDManager.newBaseManager()) {
            gen.block.initialize(m, DataType.FLOAT32, gen.inputShape());
            NDArray out = gen.block.forward(new ParameterStore(m, false),
                    new NDList(m.create(zy, new Shape(n, latent + classes))), false).singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(n, 1, 28, 28));
            djl = out.add(1f).mul(0.5f).toFloatArray();
            onnx = gen.export("test");
        }
        try (OnnxModel m = OnnxModel.builder().model(onnx).name("subpixel").build()) {
            float[] ort = m.run(Map.of(Nets.IN_LATENT, Tensor.ofFloats(z, n, latent), Nets.IN_CATEGORY,
                    Tensor.ofFloats(y, n, classes))).get(Nets.OUT_IMAGE).toFloatArray();
            assertThat(Training.maxAbsDiff(djl, ort)).isLessThan(1e-5);
        }
    }
}
