package io.retailgen.core.runtime;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hand-written ONNX graphs for runtime tests, independent of the SDK's own graph writer. */
final class TinyModels {
    private TinyModels() {
    }

    /** y = x + c with x: float[batch, 3], c = {1, 2, 3}; also z = argmax-free ReduceSum-free copy of y as int64 id. */
    static byte[] addConstant() {
        ByteBuffer buf = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        buf.putFloat(1f).putFloat(2f).putFloat(3f);
        OnnxMl.TensorProto c = OnnxMl.TensorProto.newBuilder().setName("c").addDims(3)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(buf.array())).build();
        OnnxMl.NodeProto add = OnnxMl.NodeProto.newBuilder().setOpType("Add").setName("add")
                .addInput("x").addInput("c").addOutput("y").build();
        OnnxMl.NodeProto cast = OnnxMl.NodeProto.newBuilder().setOpType("Identity").setName("ids")
                .addInput("k").addOutput("k_out").build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("tiny")
                .addInitializer(c).addNode(add).addNode(cast)
                .addInput(value("x", OnnxMl.TensorProto.DataType.FLOAT, -1, 3))
                .addInput(value("k", OnnxMl.TensorProto.DataType.INT64, 2))
                .addOutput(value("y", OnnxMl.TensorProto.DataType.FLOAT, -1, 3))
                .addOutput(value("k_out", OnnxMl.TensorProto.DataType.INT64, 2))
                .build();
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph).build().toByteArray();
    }

    private static OnnxMl.ValueInfoProto value(String name, OnnxMl.TensorProto.DataType type, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (d < 0) {
                dim.setDimParam("batch");
            } else {
                dim.setDimValue(d);
            }
            shape.addDim(dim);
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber()).setShape(shape)))
                .build();
    }
}
