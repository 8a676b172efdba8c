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
    static final String OUT_MEAN = "mean";
    static final String OUT_LOG_VAR = "log_variance";
    static final float BN_EPSILON = 1e-5f;

    private Nets() {
    }

    /** Upsampling by 2 with nearest neighbour: what ONNX Resize(nearest, asymmetric, floor) computes. */
    static NDArray up2(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    /** Depth-to-space by 2 of a 4-channel map: channel {@code 2i + j} at (h, w) becomes pixel (2h + i, 2w + j). */
    static NDArray depthToSpace2(NDArray x) {
        long n = x.getShape().get(0);
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        return x.reshape(n, 2, 2, h, w).transpose(0, 3, 1, 4, 2).reshape(n, 1, 2 * h, 2 * w);
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
        final boolean subPixel;
        final SequentialBlock block;

        Generator(int latent, int classes, int width) {
            this(latent, classes, width, false);
        }

        /**
         * @param subPixel false: nearest x2 then Conv5x5(1) at 28x28; true: Conv3x3(4) at 14x14 then depth-to-space
         */
        Generator(int latent, int classes, int width, boolean subPixel) {
            this.latent = latent;
            this.classes = classes;
            this.width = width;
            this.subPixel = subPixel;
            fc = Linear.builder().setUnits(2L * width * BASE * BASE).build();
            bn0 = BatchNorm.builder().optEpsilon(BN_EPSILON).build();
            conv1 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(width)
                    .build();
            bn1 = BatchNorm.builder().optEpsilon(BN_EPSILON).build();
            conv2 = subPixel
                    ? Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4).build()
                    : Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).setFilters(1)
                            .build();
            int channels = 2 * width;
            block = new SequentialBlock()
                    .add(fc).add(bn0).add(Activation.reluBlock())
                    .add(LambdaBlock.singleton(x -> x.reshape(-1, channels, BASE, BASE), "to_map"))
                    .add(LambdaBlock.singleton(Nets::up2, "up1"))
                    .add(conv1).add(bn1).add(Activation.reluBlock());
            if (subPixel) {
                block.add(conv2).add(LambdaBlock.singleton(Nets::depthToSpace2, "depth_to_space"));
            } else {
                block.add(LambdaBlock.singleton(Nets::up2, "up2")).add(conv2);
            }
            block.add(Activation.tanhBlock());
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
            if (subPixel) {
                h = g.conv(h, param(g, "c2_w", conv2, "weight"), param(g, "c2_b", conv2, "bias"),
                        new long[] {1, 1, 1, 1}, null, null, 1);
                int half = SIDE / 2;
                h = g.reshape(g.transpose(g.reshape(h, -1, 2, 2, half, half), 0, 3, 1, 4, 2), -1, 1, SIDE, SIDE);
            } else {
                h = g.resize(h, ResizeMode.NEAREST, 1, 1, 2, 2);
                h = g.conv(h, param(g, "c2_w", conv2, "weight"), param(g, "c2_b", conv2, "bias"),
                        new long[] {2, 2, 2, 2}, null, null, 1);
            }
            h = g.tanh(h);
            GraphValue one = g.constant("one", new float[] {1f}, 1);
            GraphValue half = g.constant("half", new float[] {0.5f}, 1);
            h = g.mul(g.add(h, one), half);
            g.output(h, OUT_IMAGE);
            return g.toBytes();
        }
    }

    /**
     * Conditional VAE encoder: the image with one constant plane per category ({@code [N, 1 + classes, 28, 28]}) ->
     * Conv3x3 s2 -> ReLU -> Conv3x3 s2 -> ReLU -> flatten -> Linear(2 * latent), whose first half is the posterior
     * mean and second half the log-variance.
     */
    static final class Encoder {
        final int latent;
        final int classes;
        final int width;
        final Conv2d conv1;
        final Conv2d conv2;
        final Linear fc;
        final SequentialBlock block;

        Encoder(int latent, int classes, int width) {
            this.latent = latent;
            this.classes = classes;
            this.width = width;
            conv1 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .optStride(new Shape(2, 2)).setFilters(width).build();
            conv2 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .optStride(new Shape(2, 2)).setFilters(2 * width).build();
            fc = Linear.builder().setUnits(2L * latent).build();
            block = new SequentialBlock()
                    .add(conv1).add(Activation.reluBlock())
                    .add(conv2).add(Activation.reluBlock())
                    .add(Blocks.batchFlattenBlock())
                    .add(fc);
        }

        Shape inputShape() {
            return new Shape(2, 1 + classes, SIDE, SIDE);
        }

        /** The encoder's input: the image followed by one constant plane per category (1 for the image's). */
        static NDArray withCategoryPlanes(NDArray images, NDArray oneHot) {
            long n = images.getShape().get(0);
            long k = oneHot.getShape().get(1);
            NDArray planes = oneHot.reshape(n, k, 1, 1).mul(images.getManager().ones(new Shape(1, k, SIDE, SIDE)));
            return images.concat(planes, 1);
        }

        /** ONNX graph: inputs {@code image [N,1,28,28]} in [0,1], {@code category_one_hot [N, classes]}. */
        byte[] export(String doc) {
            OnnxGraphBuilder g = OnnxGraphBuilder.create("imagegen_encoder").docString(doc);
            GraphValue x = g.input(IN_IMAGE, ElementType.FLOAT, -1, 1, SIDE, SIDE);
            GraphValue y = g.input(IN_CATEGORY, ElementType.FLOAT, -1, classes);
            float[] ones = new float[classes * SIDE * SIDE];
            java.util.Arrays.fill(ones, 1f);
            GraphValue planes = g.mul(g.reshape(y, -1, classes, 1, 1), g.constant("planes", ones, 1, classes, SIDE,
                    SIDE));
            GraphValue h = g.concat(1, x, planes);
            h = g.relu(g.conv(h, param(g, "c1_w", conv1, "weight"), param(g, "c1_b", conv1, "bias"),
                    new long[] {1, 1, 1, 1}, new long[] {2, 2}, null, 1));
            h = g.relu(g.conv(h, param(g, "c2_w", conv2, "weight"), param(g, "c2_b", conv2, "bias"),
                    new long[] {1, 1, 1, 1}, new long[] {2, 2}, null, 1));
            h = g.flatten(h, 1);
            h = g.gemm(h, param(g, "fc_w", fc, "weight"), param(g, "fc_b", fc, "bias"), 1f, 1f, false, true);
            g.output(g.slice(h, new long[] {0}, new long[] {latent}, new long[] {1}, null), OUT_MEAN);
            g.output(g.slice(h, new long[] {latent}, new long[] {2L * latent}, new long[] {1}, null), OUT_LOG_VAR);
            return g.toBytes();
        }
    }

    /**
     * Conditional VAE decoder: {@code [z, one-hot] -> Linear -> ReLU -> 7x7 -> up -> Conv3x3 -> ReLU -> up ->
     * Conv5x5 -> logits} (sigmoid gives pixels in [0, 1]). No batch normalisation, so training and inference agree.
     */
    static final class Decoder {
        final int latent;
        final int classes;
        final int width;
        final Linear fc;
        final Conv2d conv1;
        final Conv2d conv2;
        final SequentialBlock block;

        Decoder(int latent, int classes, int width) {
            this.latent = latent;
            this.classes = classes;
            this.width = width;
            fc = Linear.builder().setUnits(2L * width * BASE * BASE).build();
            conv1 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(width)
                    .build();
            conv2 = Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).setFilters(1)
                    .build();
            int channels = 2 * width;
            block = new SequentialBlock()
                    .add(fc).add(Activation.reluBlock())
                    .add(LambdaBlock.singleton(x -> x.reshape(-1, channels, BASE, BASE), "to_map"))
                    .add(LambdaBlock.singleton(Nets::up2, "up1"))
                    .add(conv1).add(Activation.reluBlock())
                    .add(LambdaBlock.singleton(Nets::up2, "up2"))
                    .add(conv2);
        }

        Shape inputShape() {
            return new Shape(2, latent + classes);
        }

        /** ONNX graph with the generator's contract: inputs {@code z}, {@code category_one_hot}; output image. */
        byte[] export(String doc) {
            OnnxGraphBuilder g = OnnxGraphBuilder.create("imagegen_decoder").docString(doc);
            GraphValue z = g.input(IN_LATENT, ElementType.FLOAT, -1, latent);
            GraphValue y = g.input(IN_CATEGORY, ElementType.FLOAT, -1, classes);
            GraphValue h = g.concat(1, z, y);
            h = g.relu(g.gemm(h, param(g, "fc_w", fc, "weight"), param(g, "fc_b", fc, "bias"), 1f, 1f, false,
                    true));
            h = g.reshape(h, -1, 2L * width, BASE, BASE);
            h = g.resize(h, ResizeMode.NEAREST, 1, 1, 2, 2);
            h = g.relu(g.conv(h, param(g, "c1_w", conv1, "weight"), param(g, "c1_b", conv1, "bias"),
                    new long[] {1, 1, 1, 1}, null, null, 1));
            h = g.resize(h, ResizeMode.NEAREST, 1, 1, 2, 2);
            h = g.conv(h, param(g, "c2_w", conv2, "weight"), param(g, "c2_b", conv2, "bias"),
                    new long[] {2, 2, 2, 2}, null, null, 1);
            g.output(g.sigmoid(h), OUT_IMAGE);
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
