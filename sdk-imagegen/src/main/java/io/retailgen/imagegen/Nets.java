package io.retailgen.imagegen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.retailgen.core.onnx.GraphValue;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.onnx.ResizeMode;
import io.retailgen.core.runtime.ElementType;

/**
 * The three networks (generator, discriminator, classifier) as DJL blocks, with their ONNX export. The layers are kept
 * as fields so that export reads the trained weights directly.
 */
final class Nets {
    static final int SIDE = 28;
    static final int BASE = 7;
    static final String IN_LATENT = "z";
    static final String IN_CATEGORY = "category_one_hot";
    static final String OUT_IMAGE = "image";
    static final String IN_IMAGE = "image";
    static final String OUT_FEATURES = "features";
    static final String OUT_PROBABILITIES = "probabilities";
    static final float BN_EPSILON = 1e-5f;

    private Nets() {
    }

    /** Upsampling by 2 with nearest neighbour: what ONNX Resize(nearest, asymmetric, floor) computes. */
    static NDArray up2(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    /** Generator: [z, one-hot] -> Linear -> BN -> ReLU -> 7x7 -> up -> conv3 -> BN -> ReLU -> up -> conv5 -> tanh. */
    static final class Generator {
        final int latent;
        final int classes;
        final int width;
        final Linear fc;
        final BatchNorm bn0;
        final Conv2d conv1;
        final BatchNorm bn1;
        final Conv2d conv2;
        final SequentialBlock block;

        Generator(int latent, int classes, int width) {
            this.latent = latent;
            this.classes = classes;
            this.width = width;
            fc = Linear.builder().setUnits(2L * width * BASE * BASE).build();
            bn0 = BatchNorm.builder().optEpsilon(BN_EPSILON).build();
            conv1 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(width)
                    .build();
            bn1 = BatchNorm.builder().optEpsilon(BN_EPSILON).build();
            conv2 = Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).setFilters(1)
                    .build();
            int channels = 2 * width;
            block = new SequentialBlock()
                    .add(fc).add(bn0).add(Activation.reluBlock())
                    .add(LambdaBlock.singleton(x -> x.reshape(-1, channels, BASE, BASE), "to_map"))
                    .add(LambdaBlock.singleton(Nets::up2, "up1"))
                    .add(conv1).add(bn1).add(Activation.reluBlock())
                    .add(LambdaBlock.singleton(Nets::up2, "up2"))
                    .add(conv2).add(Activation.tanhBlock());
        }

        Shape inputShape() {
            return new Shape(2, latent + classes);
        }

        /** ONNX graph: inputs {@code z [N, latent]}, {@code category_one_hot [N, classes]}; output image in [0,1]. */
        byte[] export(String doc) {
            OnnxGraphBuilder g = OnnxGraphBuilder.create("imagegen_generator").docString(doc);
            GraphValue z = g.input(IN_LATENT, ElementType.FLOAT, -1, latent);
            GraphValue y = g.input(IN_CATEGORY, ElementType.FLOAT, -1, classes);
            GraphValue h = g.concat(1, z, y);
            h = g.gemm(h, param(g, "fc_w", fc, "weight"), param(g, "fc_b", fc, "bias"), 1f, 1f, false, true);
            h = g.relu(batchNorm(g, "bn0", h, bn0));
            h = g.reshape(h, -1, 2L * width, BASE, BASE);
            h = g.resize(h, ResizeMode.NEAREST, 1, 1, 2, 2);
            h = g.conv(h, param(g, "c1_w", conv1, "weight"), param(g, "c1_b", conv1, "bias"),
                    new long[] {1, 1, 1, 1}, null, null, 1);
            h = g.relu(batchNorm(g, "bn1", h, bn1));
            h = g.resize(h, ResizeMode.NEAREST, 1, 1, 2, 2);
            h = g.conv(h, param(g, "c2_w", conv2, "weight"), param(g, "c2_b", conv2, "bias"),
                    new long[] {2, 2, 2, 2}, null, null, 1);
            h = g.tanh(h);
            GraphValue one = g.constant("one", new float[] {1f}, 1);
            GraphValue half = g.constant("half", new float[] {0.5f}, 1);
            h = g.mul(g.add(h, one), half);
            g.output(h, OUT_IMAGE);
            return g.toBytes();
        }
    }

    /** Discriminator with one real/fake head per category (the head of the requested category is read). */
    static final class Discriminator {
        final SequentialBlock block;

        Discriminator(int classes, int width) {
            block = new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .optStride(new Shape(2, 2)).setFilters(width).build())
                    .add(LambdaBlock.singleton(x -> Activation.leakyRelu(x, 0.2f), "lrelu1"))
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .optStride(new Shape(2, 2)).setFilters(2 * width).build())
                    .add(LambdaBlock.singleton(x -> Activation.leakyRelu(x, 0.2f), "lrelu2"))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(classes).build());
        }
    }

    /** Classifier: two stride-2 convolutions, a 128-unit feature layer, and a softmax over categories. */
    static final class Classifier {
        static final int FEATURES = 128;
        final int classes;
        final Conv2d conv1;
        final Conv2d conv2;
        final Linear fc;
        final Linear head;
        final SequentialBlock block;

        Classifier(int classes) {
            this.classes = classes;
            conv1 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .optStride(new Shape(2, 2)).setFilters(32).build();
            conv2 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .optStride(new Shape(2, 2)).setFilters(64).build();
            fc = Linear.builder().setUnits(FEATURES).build();
            head = Linear.builder().setUnits(classes).build();
            block = new SequentialBlock()
                    .add(conv1).add(Activation.reluBlock())
                    .add(conv2).add(Activation.reluBlock())
                    .add(Blocks.batchFlattenBlock())
                    .add(fc).add(Activation.reluBlock())
                    .add(head);
        }

        /** ONNX graph: input {@code image [N,1,28,28]} in [0,1]; outputs features and probabilities. */
        byte[] export(String doc) {
            OnnxGraphBuilder g = OnnxGraphBuilder.create("imagegen_classifier").docString(doc);
            GraphValue x = g.input(IN_IMAGE, ElementType.FLOAT, -1, 1, SIDE, SIDE);
            GraphValue h = g.relu(g.conv(x, param(g, "c1_w", conv1, "weight"), param(g, "c1_b", conv1, "bias"),
                    new long[] {1, 1, 1, 1}, new long[] {2, 2}, null, 1));
            h = g.relu(g.conv(h, param(g, "c2_w", conv2, "weight"), param(g, "c2_b", conv2, "bias"),
                    new long[] {1, 1, 1, 1}, new long[] {2, 2}, null, 1));
            h = g.flatten(h, 1);
            GraphValue f = g.relu(g.gemm(h, param(g, "fc_w", fc, "weight"), param(g, "fc_b", fc, "bias"), 1f, 1f,
                    false, true));
            GraphValue logits = g.gemm(f, param(g, "head_w", head, "weight"), param(g, "head_b", head, "bias"), 1f,
                    1f, false, true);
            g.output(f, OUT_FEATURES).output(g.softmax(logits, 1), OUT_PROBABILITIES);
            return g.toBytes();
        }
    }

    private static GraphValue param(OnnxGraphBuilder g, String name, Block layer, String param) {
        NDArray a = layer.getParameters().get(param).getArray();
        return g.constant(name, a.toFloatArray(), a.getShape().getShape());
    }

    private static GraphValue batchNorm(OnnxGraphBuilder g, String name, GraphValue x, BatchNorm bn) {
        return g.batchNorm(x, param(g, name + "_gamma", bn, "gamma"), param(g, name + "_beta", bn, "beta"),
                param(g, name + "_mean", bn, "runningMean"), param(g, name + "_var", bn, "runningVar"), BN_EPSILON);
    }

    static NDList list(NDArray... arrays) {
        return new NDList(arrays);
    }
}
