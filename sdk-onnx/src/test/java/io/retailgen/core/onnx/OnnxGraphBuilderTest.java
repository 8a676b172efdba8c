package io.retailgen.core.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.onnx.OrtRunner.Feed;
import io.retailgen.core.onnx.OrtRunner.Out;
import io.retailgen.core.runtime.ElementType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation, versions and metadata of {@link OnnxGraphBuilder}. */
class OnnxGraphBuilderTest {

    private static OnnxGraphBuilder reluGraph(OnnxGraphBuilder g) {
        GraphValue x = g.input("x", ElementType.FLOAT, OnnxDim.symbolic("batch"), OnnxDim.of(3));
        g.output(g.relu(x), "y");
        return g;
    }

    @Test
    void defaultsAreOpset17AndIr8WithProducer() throws Exception {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(reluGraph(OnnxGraphBuilder.create("g")).toBytes());
        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(17);
        assertThat(model.getOpsetImport(0).getDomain()).isEmpty();
        assertThat(model.getProducerName()).isEqualTo("retailgen-sdk");
        assertThat(model.getGraph().getName()).isEqualTo("g");
    }

    @Test
    void everySupportedOpsetAndIrVersionLoadsAndRunsInOnnxRuntime() {
        for (int opset = 17; opset <= 21; opset++) {
            for (int ir = OnnxGraphBuilder.minIrVersion(opset); ir <= 10; ir++) {
                OnnxGraphBuilder g = reluGraph(OnnxGraphBuilder.create("v" + opset + "_" + ir).opset(opset)
                        .irVersion(ir));
                Map<String, Out> out = OrtRunner.run(g.toBytes(), Feed.of("x", new float[] {-1, 0, 2}, 1, 3));
                assertThat(out.get("y").floats()).as("opset %d, IR %d", opset, ir).containsExactly(0, 0, 2);
            }
        }
    }

    @Test
    void irVersionFollowsOpsetUnlessSet() {
        assertThat(OnnxGraphBuilder.create("g").opset(18).irVersion()).isEqualTo(8);
        assertThat(OnnxGraphBuilder.create("g").opset(19).irVersion()).isEqualTo(9);
        assertThat(OnnxGraphBuilder.create("g").opset(21).irVersion()).isEqualTo(10);
        assertThat(OnnxGraphBuilder.create("g").opset(17).irVersion(10).irVersion()).isEqualTo(10);
    }

    @Test
    void rejectsUnsupportedVersions() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("g");
        assertThatThrownBy(() -> g.opset(16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opset 16").hasMessageContaining("17..21");
        assertThatThrownBy(() -> g.opset(22)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opset 22");
        assertThatThrownBy(() -> g.irVersion(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IR version 7").hasMessageContaining("8..10");
        assertThatThrownBy(() -> g.irVersion(11)).isInstanceOf(IllegalArgumentException.class);
        OnnxGraphBuilder tooOld = reluGraph(OnnxGraphBuilder.create("old").opset(21).irVersion(8));
        assertThatThrownBy(tooOld::toBytes).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opset 21 needs IR version >= 10");
    }

    @Test
    void failsWithoutOutputs() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("empty");
        g.relu(g.input("x", ElementType.FLOAT, 2));
        assertThatThrownBy(g::toBytes).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'empty' has no outputs");
    }

    @Test
    void rejectsDuplicateAndBadNames() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("g");
        GraphValue x = g.input("x", ElementType.FLOAT, 2);
        assertThatThrownBy(() -> g.input("x", ElementType.FLOAT, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has a value named 'x'");
        assertThatThrownBy(() -> g.constant("x", new float[] {1, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> g.input("bad name", ElementType.FLOAT, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad value name 'bad name'");
        assertThatThrownBy(() -> OnnxGraphBuilder.create("")).isInstanceOf(IllegalArgumentException.class);
        GraphValue y = g.relu(x);
        g.output(y, "y");
        assertThatThrownBy(() -> g.output(y, "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has an output named 'y'");
        assertThatThrownBy(() -> g.output(x, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has a value named 'x'");
        assertThatThrownBy(() -> g.metadata("k", "1").metadata("k", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already set");
    }

    @Test
    void generatedNamesStepAroundUserNames() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("g");
        GraphValue x = g.input("relu_1", ElementType.FLOAT, 2);
        GraphValue y = g.relu(x);
        assertThat(y.name()).isNotEqualTo("relu_1").startsWith("relu_");
        g.output(y, y.name());
        OnnxMl.GraphProto graph = g.toProto().getGraph();
        assertThat(graph.getNodeList()).extracting(OnnxMl.NodeProto::getOpType).containsExactly("Relu");
        g.output(y, "alias");
        assertThat(g.toProto().getGraph().getNodeList()).extracting(OnnxMl.NodeProto::getOpType)
                .containsExactly("Relu", "Identity");
        assertThat(g.outputNames()).containsExactly(y.name(), "alias");
    }

    @Test
    void rejectsValuesOfAnotherBuilder() {
        OnnxGraphBuilder a = OnnxGraphBuilder.create("first");
        OnnxGraphBuilder b = OnnxGraphBuilder.create("second");
        GraphValue x = a.input("x", ElementType.FLOAT, 2);
        assertThatThrownBy(() -> b.relu(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to graph 'first', not to graph 'second'");
        assertThatThrownBy(() -> b.output(x, "y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.relu(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void checksElementTypes() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("g");
        GraphValue f = g.input("f", ElementType.FLOAT, 2);
        GraphValue i = g.input("i", ElementType.INT64, 2);
        assertThatThrownBy(() -> g.relu(i)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Relu").hasMessageContaining("must be float, was INT64");
        assertThatThrownBy(() -> g.add(f, i)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element types differ");
        assertThatThrownBy(() -> g.gather(f, f, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be int64");
        assertThat(g.add(i, i).elementType()).isEqualTo(ElementType.INT64);
    }

    @Test
    void checksKnownShapes() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("g");
        GraphValue x = g.input("x", ElementType.FLOAT, -1, 4);
        GraphValue w = g.constant("w", new float[12], 3, 4);
        assertThatThrownBy(() -> g.gemm(x, w, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Gemm: inner dimensions differ");
        assertThat(g.gemm(x, w, null, 1, 1, false, true).shape().orElseThrow())
                .containsExactly(OnnxDim.dynamic(), OnnxDim.of(3));
        assertThatThrownBy(() -> g.matMul(x, w)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MatMul");
        assertThatThrownBy(() -> g.add(x, g.constant("c", new float[3], 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be broadcast");
        assertThatThrownBy(() -> g.reshape(w, 5, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot reshape");
        assertThat(g.reshape(w, 2, -1).shape().orElseThrow()).containsExactly(OnnxDim.of(2), OnnxDim.of(6));
        assertThatThrownBy(() -> g.transpose(w, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> g.topK(w, 5, -1, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 5 exceeds");
        assertThatThrownBy(() -> g.softmax(x, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 2 out of range for rank 2");
        assertThatThrownBy(() -> g.constant("bad", new float[5], 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 6 values but data has 5");
        assertThatThrownBy(() -> g.slice(w, new long[] {0}, new long[] {1}, null, new long[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps must not be 0");
        assertThatThrownBy(() -> g.resize(w, ResizeMode.NEAREST, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one scale per axis");
        GraphValue img = g.input("img", ElementType.FLOAT, 1, 3, 8, 8);
        GraphValue k = g.constant("k", new float[4 * 2 * 9], 4, 2, 3, 3);
        assertThatThrownBy(() -> g.conv(img, k, null, null, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels");
        assertThatThrownBy(() -> g.conv(img, k, null, new long[] {1, 1}, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pads needs 4 values");
    }

    @Test
    void infersShapesThroughOperators() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("g");
        GraphValue img = g.input("img", ElementType.FLOAT, OnnxDim.symbolic("n"), OnnxDim.of(2), OnnxDim.of(9),
                OnnxDim.of(7));
        GraphValue k = g.constant("k", new float[4 * 2 * 9], 4, 2, 3, 3);
        GraphValue y = g.conv(img, k, null, new long[] {1, 0, 1, 0}, new long[] {2, 1}, null, 1);
        assertThat(y.shape().orElseThrow()).containsExactly(OnnxDim.symbolic("n"), OnnxDim.of(4), OnnxDim.of(5),
                OnnxDim.of(5));
        GraphValue sl = g.slice(y, new long[] {-1, 4}, new long[] {Long.MIN_VALUE, 0}, new long[] {2, 3},
                new long[] {-2, -1});
        assertThat(sl.shape().orElseThrow().subList(2, 4)).containsExactly(OnnxDim.of(3), OnnxDim.of(4));
        GraphValue cat = g.concat(1, y, y);
        assertThat(cat.shape().orElseThrow().get(1)).isEqualTo(OnnxDim.of(8));
        GraphValue red = g.reduceSum(cat, new long[0], false);
        assertThat(red.shape().orElseThrow()).isEmpty();
    }

    @Test
    void sessionSeesSymbolicDimsAndMetadata(@TempDir Path dir) throws OrtException, java.io.IOException {
        OnnxGraphBuilder g = reluGraph(OnnxGraphBuilder.create("meta").docString("relu test").modelVersion(3)
                .metadata("retailgen.kind", "test"));
        Path file = dir.resolve("m.onnx");
        g.write(file);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(file.toString(), options)) {
            NodeInfo out = session.getOutputInfo().get("y");
            TensorInfo info = (TensorInfo) out.getInfo();
            assertThat(info.getShape()).containsExactly(-1, 3);
            assertThat(info.getDimensionNames()[0]).isEqualTo("batch");
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("retailgen.kind", "test");
            assertThat(session.getMetadata().getProducerName()).isEqualTo("retailgen-sdk");
            assertThat(session.getMetadata().getVersion()).isEqualTo(3);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(g.toBytes());
    }

    @Test
    void writeReportsIoFailure(@TempDir Path dir) {
        OnnxGraphBuilder g = reluGraph(OnnxGraphBuilder.create("g"));
        Path missing = dir.resolve("no/such/dir/m.onnx");
        assertThatThrownBy(() -> g.write(missing)).isInstanceOf(RetailGenException.class)
                .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.IO))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void inputsAreListedInOrder() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("g");
        GraphValue a = g.input("a", ElementType.FLOAT, 1);
        GraphValue b = g.input("b", ElementType.INT64, 1);
        assertThat(g.inputs()).containsExactly(a, b);
        assertThat(a.kind()).isEqualTo(GraphValue.Kind.INPUT);
        assertThat(g.constant("c", new long[] {1}).kind()).isEqualTo(GraphValue.Kind.CONSTANT);
        assertThat(List.of(a.toString(), b.toString())).containsExactly("a:float[1]", "b:int64[1]");
    }
}
