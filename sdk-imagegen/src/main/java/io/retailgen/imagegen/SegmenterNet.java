package io.retailgen.imagegen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.retailgen.core.onnx.GraphValue;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.onnx.ResizeMode;
import io.retailgen.core.runtime.ElementType;

/**
 * The product segmenter's network: a small U-Net on the {@link SegmenterInput} planes at
 * {@value SegmenterInput#WIDTH}x{@value SegmenterInput#HEIGHT}. A stride-2 3x3 convolution makes the output grid
 * ({@value #OUT_WIDTH}x{@value #OUT_HEIGHT}); three more go down to 1/16 of the input (so the deepest features see
 * most of the photo and can tell the sold item from the other garments); nearest x2 upsampling with a 3x3
 * convolution over the concatenated skip goes back up to the output grid, and a 1x1 convolution gives one logit per
 * class ({@link PhotoRegions#BACKGROUND}, {@link PhotoRegions#PERSON}, {@link PhotoRegions#GARMENT}). No batch
 * normalisation, so training and inference compute the same function. The layers are fields so that the ONNX export
 * reads the trained weights directly.
 */
final class SegmenterNet extends AbstractBlock {
    static final String IN = "planes";
    static final String OUT = "logits";
    static final int CLASSES = 3;
    static final int OUT_WIDTH = SegmenterInput.WIDTH / 2;
    static final int OUT_HEIGHT = SegmenterInput.HEIGHT / 2;
    static final int OUT_CELLS = OUT_WIDTH * OUT_HEIGHT;

    /** {@code [in channels, out channels, stride]} of every 3x3 convolution, in forward order. */
    private static final int[][] LAYERS = {
        {SegmenterInput.CHANNELS, 16, 2}, {16, 16, 1}, // level 1: half the input resolution, the output grid
        {16, 24, 2}, {24, 24, 1}, // level 2
        {24, 32, 2}, {32, 32, 1}, // level 3
        {32, 40, 2}, {40, 40, 1}, {40, 40, 1}, // level 4, 1/16 of the input
        {40 + 32, 32, 1}, // up to level 3, with its skip
        {32 + 24, 24, 1}, // level 2
        {24 + 16, 16, 1}, // level 1
    };
    private static final int LEVELS = 4;

    private final Conv2d[] convs = new Conv2d[LAYERS.length];
    private final Conv2d head;

    SegmenterNet() {
        super((byte) 1);
        for (int i = 0; i < LAYERS.length; i++) {
            int[] l = LAYERS[i];
            convs[i] = addChildBlock("conv" + i, Conv2d.builder().setKernelShape(new Shape(3, 3))
                    .optPadding(new Shape(1, 1)).optStride(new Shape(l[2], l[2])).setFilters(l[1]).build());
        }
        head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(CLASSES).build());
    }

    static Shape inputShape(int batch) {
        return new Shape(batch, SegmenterInput.CHANNELS, SegmenterInput.HEIGHT, SegmenterInput.WIDTH);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray[] skips = new NDArray[LEVELS - 1];
        int layer = 0;
        for (int level = 0; level < LEVELS; level++) {
            x = conv(ps, layer++, x, training);
            x = conv(ps, layer++, x, training);
            if (level == LEVELS - 1) {
                x = conv(ps, layer++, x, training);
            } else {
                skips[level] = x;
            }
        }
        for (int level = LEVELS - 2; level >= 0; level--) {
            x = conv(ps, layer++, Nets.up2(x).concat(skips[level], 1), training);
        }
        return new NDList(head.forward(ps, new NDList(x), training).singletonOrThrow());
    }

    private NDArray conv(ParameterStore ps, int i, NDArray x, boolean training) {
        return Activation.relu(convs[i].forward(ps, new NDList(x), training).singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        return new Shape[] {new Shape(in.get(0), CLASSES, in.get(2) / 2, in.get(3) / 2)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        for (int i = 0; i < LAYERS.length; i++) {
            convs[i].initialize(manager, dataType, new Shape(n, LAYERS[i][0], 8, 8));
        }
        head.initialize(manager, dataType, new Shape(n, LAYERS[LAYERS.length - 1][1], 8, 8));
    }

    /**
     * @param doc the graph's doc string
     * @return the ONNX graph: input {@code planes [N, 5, 160, 128]}, output {@code logits [N, 3, 80, 64]}
     */
    byte[] export(String doc) {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("imagegen_segmenter").docString(doc);
        GraphValue x = g.input(IN, ElementType.FLOAT, -1, SegmenterInput.CHANNELS, SegmenterInput.HEIGHT,
                SegmenterInput.WIDTH);
        GraphValue[] skips = new GraphValue[LEVELS - 1];
        int layer = 0;
        for (int level = 0; level < LEVELS; level++) {
            x = conv(g, layer++, x);
            x = conv(g, layer++, x);
            if (level == LEVELS - 1) {
                x = conv(g, layer++, x);
            } else {
                skips[level] = x;
            }
        }
        for (int level = LEVELS - 2; level >= 0; level--) {
            x = conv(g, layer++, g.concat(1, g.resize(x, ResizeMode.NEAREST, 1, 1, 2, 2), skips[level]));
        }
        x = g.conv(x, weight(g, "head_w", head, "weight"), weight(g, "head_b", head, "bias"), null, null, null, 1);
        g.output(x, OUT);
        return g.toBytes();
    }

    private GraphValue conv(OnnxGraphBuilder g, int i, GraphValue x) {
        long stride = LAYERS[i][2];
        return g.relu(g.conv(x, weight(g, "c" + i + "_w", convs[i], "weight"), weight(g, "c" + i + "_b", convs[i],
                "bias"), new long[] {1, 1, 1, 1}, new long[] {stride, stride}, null, 1));
    }

    private static GraphValue weight(OnnxGraphBuilder g, String name, Conv2d layer, String param) {
        NDArray a = layer.getParameters().get(param).getArray();
        return g.constant(name, a.toFloatArray(), a.getShape().getShape());
    }

    /** @return the number of trainable weights */
    long weightCount() {
        long n = 0;
        for (var p : getParameters().values()) {
            n += p.getArray().size();
        }
        return n;
    }
}
