package io.retailgen.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.spi.SessionOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalDataTest {
    private static final String PASSWD = "../../../../../../../../../../etc/passwd";

    /** Without graph optimizations ONNX Runtime reads external data of a model given as bytes, host files too. */
    private static OnnxModel build(byte[] onnx) {
        return OnnxModel.builder().model(onnx).name("hostile").backend("onnxruntime-cpu")
                .options(new SessionOptions(1, 1, false)).build();
    }

    private static void assertRefused(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_LOAD_FAILED))
                .hasMessageContaining("external data").hasMessageContainingAll(fragments);
    }

    @Test
    void refusesAnInitializerWhoseBytesAreAHostFile() {
        assertRefused(() -> build(TinyModels.externalInitializer(PASSWD)),
                "tensor 'c'", "etc/passwd", "external data is refused", "externalDataDirectory");
    }

    @Test
    void refusesARelativePathIntoTheWorkingDirectory() throws Exception {
        Path inCwd = Files.createTempFile(Path.of(""), "weights", ".bin");
        try {
            Files.write(inCwd, new byte[12]);
            assertRefused(() -> build(TinyModels.externalInitializer(inCwd.getFileName().toString())),
                    inCwd.getFileName().toString(), "refused");
        } finally {
            Files.delete(inCwd);
        }
    }

    @Test
    void refusesExternalDataInsideALoopBody() {
        assertRefused(() -> build(TinyModels.loop(3, PASSWD)),
                "graph 'body'", "node 'const' (Constant)", "attribute 'value'", "refused");
    }

    @Test
    void refusesExternalSparseInitializersAndTensorsMarkedOnlyByTheirEntries() throws Exception {
        OnnxMl.TensorProto values = TinyModels.externalTensor(PASSWD).toBuilder().setName("sv").build();
        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.parseFrom(TinyModels.addConstant()).toBuilder();
        m.getGraphBuilder().addSparseInitializer(OnnxMl.SparseTensorProto.newBuilder().setValues(values).addDims(3)
                .setIndices(OnnxMl.TensorProto.newBuilder().setName("si").addDims(0)
                        .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber())));
        assertRefused(() -> build(m.build().toByteArray()), "sparse initializer", "tensor 'sv'");

        // data_location left at DEFAULT but external_data entries present: still external for the runtime
        OnnxMl.TensorProto sneaky = TinyModels.externalTensor(PASSWD).toBuilder()
                .setDataLocation(OnnxMl.TensorProto.DataLocation.DEFAULT).build();
        OnnxMl.ModelProto.Builder m2 = OnnxMl.ModelProto.parseFrom(TinyModels.externalInitializer("x")).toBuilder();
        m2.getGraphBuilder().setInitializer(0, sneaky);
        assertRefused(() -> build(m2.build().toByteArray()), "etc/passwd");
    }

    @Test
    void refusesExternalDataInAFunctionBody() throws Exception {
        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.parseFrom(TinyModels.addConstant()).toBuilder();
        m.addFunctions(OnnxMl.FunctionProto.newBuilder().setName("f").setDomain("custom")
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Constant").setName("fc").addOutput("o")
                        .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("value")
                                .setType(OnnxMl.AttributeProto.AttributeType.TENSOR)
                                .setT(TinyModels.externalTensor(PASSWD)))));
        assertRefused(() -> build(m.build().toByteArray()), "function 'f'", "node 'fc'");
    }

    @Test
    void theBackendSpiRefusesExternalDataToo() {
        assertRefused(() -> new OrtCpuBackend().open(TinyModels.externalInitializer(PASSWD), Device.cpu(),
                SessionOptions.defaults()), "etc/passwd");
    }

    @Test
    void readsExternalDataFromAnAllowedDirectoryOnly(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("weights"));
        Files.write(dir.resolve("c.bin"), floats(1f, 2f, 3f));
        Files.write(tmp.resolve("outside.bin"), floats(7f, 7f, 7f));
        try (OnnxModel m = OnnxModel.builder().model(TinyModels.externalInitializer("c.bin"))
                .externalDataDirectory(dir).backend("onnxruntime-cpu").build()) {
            Tensor y = m.run(Map.of("x", Tensor.ofFloats(new float[] {10, 10, 10}, 3))).get("y");
            assertThat(y.toFloatArray()).containsExactly(11f, 12f, 13f);
        }
        try (OnnxModel m = OnnxModel.builder().model(TinyModels.loop(2, "c.bin"))
                .externalDataDirectory(dir).backend("onnxruntime-cpu").build()) {
            Tensor y = m.run(Map.of("x", Tensor.ofFloats(new float[3], 3))).get("y");
            assertThat(y.toFloatArray()).containsExactly(2f, 4f, 6f);
        }
        assertRefused(() -> allowed(dir, "../outside.bin"), "must not contain '..'");
        assertRefused(() -> allowed(dir, tmp.resolve("outside.bin").toAbsolutePath().toString()), "relative path");
        assertRefused(() -> allowed(dir, "absent.bin"), "no such file");
        Files.createSymbolicLink(dir.resolve("link.bin"), tmp.resolve("outside.bin"));
        assertRefused(() -> allowed(dir, "link.bin"), "outside the allowed directory");
    }

    private static OnnxModel allowed(Path dir, String location) {
        return OnnxModel.builder().model(TinyModels.externalInitializer(location)).externalDataDirectory(dir)
                .backend("onnxruntime-cpu").build();
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }
}
