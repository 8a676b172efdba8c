package io.retailgen.core.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PyTorch-to-ONNX gate reordering of {@link GruWeights}. */
class GruWeightsTest {

    @Test
    void swapsResetAndUpdateBlocks() {
        // hidden 1, input 2: rows r, z, n of weight_ih
        float[] wih = {1, 2, 3, 4, 5, 6};
        float[] whh = {7, 8, 9};
        float[] bih = {10, 11, 12};
        float[] bhh = {13, 14, 15};
        GruWeights w = GruWeights.fromPyTorch(2, 1, wih, whh, bih, bhh);
        assertThat(w.w()).containsExactly(3, 4, 1, 2, 5, 6);
        assertThat(w.r()).containsExactly(8, 7, 9);
        assertThat(w.b()).containsExactly(11, 10, 12, 14, 13, 15);
        assertThat(w.wShape()).containsExactly(1, 3, 2);
        assertThat(w.rShape()).containsExactly(1, 3, 1);
        assertThat(w.bShape()).containsExactly(1, 6);
    }

    @Test
    void reorderingTwiceGivesTheInputBack() {
        qt().withExamples(30).forAll(integers().between(1, 20), longs().all()).checkAssert((blocks, seed) -> {
            float[] a = OrtRunner.uniform(new SplittableRandom(seed), 3 * blocks, -1, 1);
            float[] once = GruWeights.reorderPyTorchGates(a);
            assertThat(GruWeights.reorderPyTorchGates(once)).containsExactly(a);
            if (blocks > 0 && a[0] != a[blocks]) {
                assertThat(once).isNotEqualTo(a);
            }
        });
    }

    @Test
    void missingBiasesAreZerosAndArraysAreCopied() {
        float[] wih = new float[3 * 2 * 2];
        float[] whh = new float[3 * 2 * 2];
        GruWeights w = GruWeights.fromPyTorch(2, 2, wih, whh, null, null);
        assertThat(w.b()).containsOnly(0f).hasSize(12);
        w.w()[0] = 42;
        assertThat(w.w()[0]).isZero();
        assertThat(w).isEqualTo(GruWeights.fromPyTorch(2, 2, wih, whh, null, null));
    }

    @Test
    void rejectsWrongSizes() {
        assertThatThrownBy(() -> GruWeights.fromPyTorch(2, 1, new float[5], new float[3], null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weightIh has 5 elements")
                .hasMessageContaining("expected 6");
        assertThatThrownBy(() -> GruWeights.fromPyTorch(2, 0, new float[0], new float[0], null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hiddenSize");
        assertThatThrownBy(() -> GruWeights.reorderPyTorchGates(new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 3");
        assertThatThrownBy(() -> new GruWeights(1, 1, new float[3], new float[3], new float[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b has 5 elements");
    }
}
