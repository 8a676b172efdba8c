package io.retailgen.recommend;

import io.retailgen.core.onnx.GraphValue;
import io.retailgen.core.onnx.GruOutputs;
import io.retailgen.core.onnx.GruWeights;
import io.retailgen.core.onnx.OnnxDim;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.onnx.TopKOutputs;
import io.retailgen.core.runtime.ElementType;

/**
 * Writes the sequence model as an ONNX step graph. Inputs: {@code item} {@code [batch]} int64, {@code hidden}
 * {@code [batch, H]} float and, when the model has context embeddings, {@code device} and {@code hour}
 * {@code [batch]} int64 slots. Outputs: {@code hidden_out} {@code [batch, H]}, the new hidden state, and
 * {@code scores} {@code [batch, items]}, the logits of every item (the new state times the item-embedding matrix
 * plus the item bias), and {@code top_scores} / {@code top_items} {@code [batch, K]}, the K highest of those scores
 * and their item indices (TopK inside the graph, K = {@link #topCandidates}), so that serving copies K values back
 * instead of one per catalog item.
 */
final class GruExport {

    static final String IN_ITEM = "item";
    static final String IN_HIDDEN = "hidden";
    static final String IN_DEVICE = "device";
    static final String IN_HOUR = "hour";
    static final String OUT_HIDDEN = "hidden_out";
    /** The initializer holding the device embeddings (present only in graphs with context embeddings). */
    static final String DEVICE_EMBEDDING = "device_embedding";
    static final String OUT_SCORES = "scores";
    /** The {@link #topCandidates} highest scores per row, sorted descending. */
    static final String OUT_TOP_SCORES = "top_scores";
    /** The item indices (int64) of {@link #OUT_TOP_SCORES}. */
    static final String OUT_TOP_ITEMS = "top_items";

    private GruExport() {
    }

    /** How many top-scored items the graph returns per row for a catalog of {@code items}. */
    static int topCandidates(int items) {
        return Math.min(HybridRanker.SEQUENCE_CANDIDATES, items);
    }

    static byte[] toOnnx(GruWeightsData w) {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("retailgen_gru4rec_step").docString(
                "GRU4Rec-style session model, one step: item + hidden -> hidden_out, scores");
        OnnxDim batch = OnnxDim.symbolic("batch");
        GraphValue item = g.input(IN_ITEM, ElementType.INT64, batch);
        GraphValue hidden = g.input(IN_HIDDEN, ElementType.FLOAT, batch, OnnxDim.of(w.hidden));
        GraphValue emb = g.constant("item_embedding", w.embedding, w.items, w.hidden);
        GraphValue x = g.gather(emb, item, 0);
        if (w.contextDim > 0) {
            GraphValue dev = g.input(IN_DEVICE, ElementType.INT64, batch);
            GraphValue hour = g.input(IN_HOUR, ElementType.INT64, batch);
            GraphValue devEmb = g.constant(DEVICE_EMBEDDING, w.deviceEmb, GruWeightsData.DEVICE_SLOTS,
                    w.contextDim);
            GraphValue hourEmb = g.constant("hour_embedding", w.hourEmb, GruWeightsData.HOUR_SLOTS, w.contextDim);
            x = g.concat(1, x, g.gather(devEmb, dev, 0), g.gather(hourEmb, hour, 0));
        }
        GruWeights gw = GruWeights.fromPyTorch(w.inputSize(), w.hidden, w.wIh, w.wHh, w.bIh, w.bHh);
        GruOutputs out = g.gru("gru", g.unsqueeze(x, 0), gw, g.unsqueeze(hidden, 0));
        GraphValue hNew = g.squeeze(out.lastHidden(), 0);
        GraphValue bias = g.constant("item_bias", w.outBias, w.items);
        GraphValue scores = g.gemm(hNew, emb, bias, 1f, 1f, false, true);
        g.output(hNew, OUT_HIDDEN);
        g.output(scores, OUT_SCORES);
        TopKOutputs top = g.topK(scores, topCandidates(w.items), 1, true);
        g.output(top.values(), OUT_TOP_SCORES);
        g.output(top.indices(), OUT_TOP_ITEMS);
        return g.toBytes();
    }
}
