package io.retailgen.core.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import io.retailgen.core.runtime.ElementType;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnnxPrunerTest {

    /** x -> relu(x W1 + b1) = "state"; state W2 + b2 = "scores": a cheap output and an expensive one. */
    private static byte[] twoOutputs(SplittableRandom rnd) {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("two");
        GraphValue x = g.input("x", ElementType.FLOAT, OnnxDim.symbolic("batch"), OnnxDim.of(4));
        GraphValue unused = g.input("unused", ElementType.FLOAT, OnnxDim.of(1));
        GraphValue state = g.relu(g.gemm(x, g.constant("w1", OrtRunner.uniform(rnd, 24, -1, 1), 4, 6),
                g.constant("b1", OrtRunner.uniform(rnd, 6, -1, 1), 6)));
        GraphValue scores = g.gemm(state, g.constant("w2", OrtRunner.uniform(rnd, 18, -1, 1), 6, 3),
                g.constant("b2", OrtRunner.uniform(rnd, 3, -1, 1), 3));
        g.output(state, "state");
        g.output(scores, "scores");
        g.output(g.add(unused, unused), "echo");
        return g.toBytes();
    }

    @Test
    void keepsWhatTheOutputNeedsAndGivesTheSameValues() throws Exception {
        byte[] full = twoOutputs(new SplittableRandom(3));
        byte[] pruned = OnnxPruner.keepOutputs(full, List.of("state"));

        OnnxMl.GraphProto g = OnnxMl.ModelProto.parseFrom(pruned).getGraph();
        assertThat(g.getOutputList()).extracting(OnnxMl.ValueInfoProto::getName).containsExactly("state");
        assertThat(g.getInitializerList()).extracting(OnnxMl.TensorProto::getName).containsExactlyInAnyOrder("w1",
                "b1");
        assertThat(g.getInputList()).extracting(OnnxMl.ValueInfoProto::getName).containsExactly("x");
        assertThat(g.getNodeCount()).isLessThan(OnnxMl.ModelProto.parseFrom(full).getGraph().getNodeCount());

        float[] x = OrtRunner.uniform(new SplittableRandom(9), 8, -2, 2);
        Map<String, OrtRunner.Out> a = OrtRunner.run(full, OrtRunner.Feed.of("x", x, 2, 4),
                OrtRunner.Feed.of("unused", new float[] {1f}, 1));
        Map<String, OrtRunner.Out> b = OrtRunner.run(pruned, OrtRunner.Feed.of("x", x, 2, 4));
        assertThat(b).containsOnlyKeys("state");
        assertThat(b.get("state").floats()).containsExactly(a.get("state").floats());
    }

    @Test
    void keepingEveryOutputKeepsEveryNode() throws Exception {
        byte[] full = twoOutputs(new SplittableRandom(4));
        byte[] same = OnnxPruner.keepOutputs(full, List.of("echo", "scores", "state"));
        assertThat(OnnxMl.ModelProto.parseFrom(same).getGraph()).isEqualTo(
                OnnxMl.ModelProto.parseFrom(full).getGraph());
    }

    @Test
    void refusesUnknownOutputsAndBytesThatAreNoModel() {
        byte[] full = twoOutputs(new SplittableRandom(5));
        assertThatThrownBy(() -> OnnxPruner.keepOutputs(full, List.of("logits")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no output 'logits'").hasMessageContaining("[state, scores, echo]");
        assertThatThrownBy(() -> OnnxPruner.keepOutputs(full, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OnnxPruner.keepOutputs(new byte[] {1, 2, 3, 4, 5}, List.of("state")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an ONNX model");
    }
}
