package io.retailgen.core.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Cuts an ONNX model down to some of its outputs: the nodes, initializers and inputs that none of the kept outputs
 * depends on are removed. ONNX Runtime runs every node of a graph whatever outputs a caller asks for, so a model whose
 * callers often need only a cheap output (a recurrent step that only advances its state, say) can be served faster
 * by a pruned copy.
 *
 * <pre>{@code
 * byte[] stateOnly = OnnxPruner.keepOutputs(stepModel, List.of("hidden_out"));
 * }</pre>
 *
 * <p>The graph's nodes must be in topological order (the ONNX standard requires it, and {@link OnnxGraphBuilder}
 * writes them so). Graphs with control-flow subgraphs ({@code If}, {@code Loop}, {@code Scan}) are refused, since a
 * subgraph may read values of the outer graph by name. Stateless and thread-safe.
 */
public final class OnnxPruner {

    private OnnxPruner() {
    }

    /**
     * @param model the bytes of an ONNX {@code ModelProto}
     * @param outputs the graph outputs to keep, at least one, each one of the model's outputs
     * @return the bytes of the pruned model (same opset, IR version and metadata)
     * @throws IllegalArgumentException when the bytes are not an ONNX model, an output is unknown, or the graph has
     *     control-flow subgraphs
     */
    public static byte[] keepOutputs(byte[] model, Collection<String> outputs) {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(outputs, "outputs == null");
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("keep at least one output");
        }
        OnnxMl.ModelProto proto;
        try {
            proto = OnnxMl.ModelProto.parseFrom(model);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
        OnnxMl.GraphProto graph = proto.getGraph();
        Set<String> known = new LinkedHashSet<>();
        for (OnnxMl.ValueInfoProto o : graph.getOutputList()) {
            known.add(o.getName());
        }
        for (String o : outputs) {
            if (!known.contains(o)) {
                throw new IllegalArgumentException("the model has no output '" + o + "'; its outputs are " + known);
            }
        }
        List<OnnxMl.NodeProto> nodes = graph.getNodeList();
        Set<String> needed = new HashSet<>(outputs);
        boolean[] keep = new boolean[nodes.size()];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            OnnxMl.NodeProto node = nodes.get(i);
            for (OnnxMl.AttributeProto a : node.getAttributeList()) {
                if (a.hasG() || a.getGraphsCount() > 0) {
                    throw new IllegalArgumentException("node '" + node.getName() + "' (" + node.getOpType()
                            + ") has a subgraph; graphs with control flow cannot be pruned");
                }
            }
            for (String out : node.getOutputList()) {
                if (needed.contains(out)) {
                    keep[i] = true;
                    break;
                }
            }
            if (keep[i]) {
                for (String in : node.getInputList()) {
                    if (!in.isEmpty()) {
                        needed.add(in);
                    }
                }
            }
        }
        OnnxMl.GraphProto.Builder g = graph.toBuilder().clearNode().clearOutput().clearInitializer().clearInput()
                .clearValueInfo();
        for (int i = 0; i < nodes.size(); i++) {
            if (keep[i]) {
                g.addNode(nodes.get(i));
            }
        }
        Set<String> wanted = new HashSet<>(outputs);
        for (OnnxMl.ValueInfoProto o : graph.getOutputList()) {
            if (wanted.contains(o.getName())) {
                g.addOutput(o);
            }
        }
        List<OnnxMl.TensorProto> inits = new ArrayList<>();
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            if (needed.contains(t.getName())) {
                inits.add(t);
            }
        }
        g.addAllInitializer(inits);
        for (OnnxMl.ValueInfoProto in : graph.getInputList()) {
            if (needed.contains(in.getName())) {
                g.addInput(in);
            }
        }
        for (OnnxMl.ValueInfoProto v : graph.getValueInfoList()) {
            if (needed.contains(v.getName())) {
                g.addValueInfo(v);
            }
        }
        return proto.toBuilder().setGraph(g).build().toByteArray();
    }
}
