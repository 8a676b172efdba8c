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

    /** A float[3] tensor named {@code c} whose bytes live in an external file at {@code location}. */
    static OnnxMl.TensorProto externalTensor(String location) {
        return OnnxMl.TensorProto.newBuilder().setName("c").addDims(3)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", "0"))
                .addExternalData(entry("length", "12"))
                .build();
    }

    /** y = x + c with x: float[3] and c an initializer whose bytes are external data at {@code location}. */
    static byte[] externalInitializer(String location) {
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("external")
                .addInitializer(externalTensor(location))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Add").setName("add").addInput("x").addInput("c")
                        .addOutput("y"))
                .addInput(value("x", OnnxMl.TensorProto.DataType.FLOAT, 3))
                .addOutput(value("y", OnnxMl.TensorProto.DataType.FLOAT, 3))
                .build();
        return model(graph);
    }

    /**
     * A Loop with {@code trips} iterations whose body adds a tensor to the loop-carried value {@code v}; the tensor
     * comes from a Constant node in the body, stored as external data at {@code location} when it is non-null, else
     * inline {1, 1, 1}. y = x + trips * c.
     */
    static byte[] loop(long trips, String location) {
        OnnxMl.TensorProto c = location != null ? externalTensor(location) : floats("c", 1f, 1f, 1f);
        OnnxMl.GraphProto body = OnnxMl.GraphProto.newBuilder().setName("body")
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Constant").setName("const").addOutput("c")
                        .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("value")
                                .setType(OnnxMl.AttributeProto.AttributeType.TENSOR).setT(c)))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Add").setName("step").addInput("v_in")
                        .addInput("c").addOutput("v_out"))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").setName("keep_going")
                        .addInput("cond_in").addOutput("cond_out"))
                .addInput(value("iter", OnnxMl.TensorProto.DataType.INT64))
                .addInput(value("cond_in", OnnxMl.TensorProto.DataType.BOOL))
                .addInput(value("v_in", OnnxMl.TensorProto.DataType.FLOAT, 3))
                .addOutput(value("cond_out", OnnxMl.TensorProto.DataType.BOOL))
                .addOutput(value("v_out", OnnxMl.TensorProto.DataType.FLOAT, 3))
                .build();
        OnnxMl.TensorProto tripCount = OnnxMl.TensorProto.newBuilder().setName("trips")
                .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber()).addInt64Data(trips).build();
        OnnxMl.TensorProto yes = OnnxMl.TensorProto.newBuilder().setName("yes")
                .setDataType(OnnxMl.TensorProto.DataType.BOOL.getNumber()).addInt32Data(1).build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("looping")
                .addInitializer(tripCount).addInitializer(yes)
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Loop").setName("loop").addInput("trips")
                        .addInput("yes").addInput("x").addOutput("y")
                        .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("body")
                                .setType(OnnxMl.AttributeProto.AttributeType.GRAPH).setG(body)))
                .addInput(value("x", OnnxMl.TensorProto.DataType.FLOAT, 3))
                .addOutput(value("y", OnnxMl.TensorProto.DataType.FLOAT, 3))
                .build();
        return model(graph);
    }

    static OnnxMl.TensorProto floats(String name, float... values) {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putFloat(v);
        }
        return OnnxMl.TensorProto.newBuilder().setName(name).addDims(values.length)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(buf.array())).build();
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static byte[] model(OnnxMl.GraphProto graph) {
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
