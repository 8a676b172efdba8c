package io.retailgen.core.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.runtime.ElementType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an ONNX model (a {@code ModelProto}) from trained weights, one typed operator call at a time.
 *
 * <pre>{@code
 * OnnxGraphBuilder g = OnnxGraphBuilder.create("mlp").opset(17);
 * GraphValue x = g.input("x", ElementType.FLOAT, OnnxDim.symbolic("batch"), OnnxDim.of(4));
 * GraphValue w1 = g.constant("w1", w1Data, 4, 8);      // [in, out], row-major
 * GraphValue b1 = g.constant("b1", b1Data, 8);
 * GraphValue h = g.relu(g.gemm(x, w1, b1));
 * GraphValue w2 = g.constant("w2", w2Data, 8, 3);
 * g.output(g.softmax(g.matMul(h, w2), -1), "probs");
 * g.write(Path.of("model.onnx"));
 * }</pre>
 *
 * <p><b>Versions.</b> The model is written with ONNX opset {@value #DEFAULT_OPSET} unless {@link #opset(int)} picks
 * another one in {@value #MIN_OPSET}..{@value #MAX_OPSET}; every operator offered here has the same signature and
 * meaning throughout that range. The IR version is {@value #DEFAULT_IR_VERSION} unless the opset needs a newer one
 * (opset 19 and 20 need IR 9, opset 21 needs IR 10) or {@link #irVersion(int)} sets it explicitly
 * ({@value #MIN_IR_VERSION}..{@value #MAX_IR_VERSION}).
 *
 * <p><b>Names.</b> Every input, constant, operator result and graph output has a unique name. Inputs, constants and
 * outputs are named by the caller (letters, digits, {@code _ . : / -}, starting with a letter or {@code _}); operator
 * results get generated names such as {@code gemm_1}. {@link #output(GraphValue, String)} adds an {@code Identity}
 * node when the graph output's name differs from the value's name.
 *
 * <p><b>Checks.</b> Arguments are checked when an operator is added: element types, attribute values, values from
 * another builder, and shapes as far as they are known (see {@link GraphValue#shape()}). Shapes that depend on
 * run-time sizes are checked by ONNX Runtime when it loads the model.
 *
 * <p>Not thread-safe: use one builder from one thread. {@link #toBytes()} may be called more than once and the graph
 * may be extended afterwards.
 */
public final class OnnxGraphBuilder {

    /** The producer name written into every model. */
    public static final String PRODUCER_NAME = "retailgen-sdk";
    /** The opset used unless {@link #opset(int)} is called. */
    public static final int DEFAULT_OPSET = 17;
    /** The lowest opset the builder writes. */
    public static final int MIN_OPSET = 17;
    /** The highest opset the builder writes. */
    public static final int MAX_OPSET = 21;
    /** The IR version used for opsets 17 and 18 unless {@link #irVersion(int)} is called. */
    public static final int DEFAULT_IR_VERSION = 8;
    /** The lowest IR version the builder writes. */
    public static final int MIN_IR_VERSION = 8;
    /** The highest IR version the builder writes. */
    public static final int MAX_IR_VERSION = 10;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:/\\-]*");

    private final String graphName;
    private int opset = DEFAULT_OPSET;
    private int irVersion = -1;
    private String docString = "";
    private long modelVersion;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private final Set<String> valueNames = new HashSet<>();
    private final Set<String> nodeNames = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<OnnxMl.ValueInfoProto> inputs = new ArrayList<>();
    private final List<GraphValue> inputValues = new ArrayList<>();
    private final List<OnnxMl.TensorProto> initializers = new ArrayList<>();
    private final List<OnnxMl.NodeProto> nodes = new ArrayList<>();
    private final List<OnnxMl.ValueInfoProto> outputs = new ArrayList<>();
    private final List<String> outputNames = new ArrayList<>();

    private OnnxGraphBuilder(String graphName) {
        this.graphName = graphName;
    }

    /**
     * Starts a new graph.
     *
     * @param graphName the graph's name, also used in error messages
     * @return an empty builder with the default opset and IR version
     * @throws IllegalArgumentException when the name is not a valid identifier
     */
    public static OnnxGraphBuilder create(String graphName) {
        checkName("graph name", graphName);
        return new OnnxGraphBuilder(graphName);
    }

    // ---------------------------------------------------------------- settings

    /**
     * Sets the ONNX opset of the default domain.
     *
     * @param version {@value #MIN_OPSET}..{@value #MAX_OPSET}
     * @return this builder
     * @throws IllegalArgumentException for any other version
     */
    public OnnxGraphBuilder opset(int version) {
        if (version < MIN_OPSET || version > MAX_OPSET) {
            throw new IllegalArgumentException("unsupported ONNX opset " + version + " for graph '" + graphName
                    + "': this writer supports opsets " + MIN_OPSET + ".." + MAX_OPSET);
        }
        this.opset = version;
        return this;
    }

    /**
     * Sets the ONNX IR version explicitly; it must be at least what the opset needs (8 for opsets 17-18, 9 for 19-20,
     * 10 for 21), which {@link #toBytes()} checks.
     *
     * @param version {@value #MIN_IR_VERSION}..{@value #MAX_IR_VERSION}
     * @return this builder
     * @throws IllegalArgumentException for any other version
     */
    public OnnxGraphBuilder irVersion(int version) {
        if (version < MIN_IR_VERSION || version > MAX_IR_VERSION) {
            throw new IllegalArgumentException("unsupported ONNX IR version " + version + " for graph '" + graphName
                    + "': this writer supports IR versions " + MIN_IR_VERSION + ".." + MAX_IR_VERSION);
        }
        this.irVersion = version;
        return this;
    }

    /**
     * @param text a human-readable description stored in the model and the graph
     * @return this builder
     */
    public OnnxGraphBuilder docString(String text) {
        this.docString = Objects.requireNonNull(text, "docString == null");
        return this;
    }

    /**
     * @param version the model version stored in {@code ModelProto.model_version}, {@code >= 0}
     * @return this builder
     */
    public OnnxGraphBuilder modelVersion(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("model version must be >= 0, was " + version);
        }
        this.modelVersion = version;
        return this;
    }

    /**
     * Adds a key/value pair to the model's {@code metadata_props} (visible through ONNX Runtime's
     * {@code OnnxModelMetadata.getCustomMetadata()}).
     *
     * @param key a non-empty key, not yet set
     * @param value the value
     * @return this builder
     */
    public OnnxGraphBuilder metadata(String key, String value) {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(value, "value == null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("metadata key must not be empty");
        }
        if (metadata.containsKey(key)) {
            throw new IllegalArgumentException("metadata key '" + key + "' was already set to '" + metadata.get(key)
                    + "'");
        }
        metadata.put(key, value);
        return this;
    }

    /** @return the graph's name */
    public String graphName() {
        return graphName;
    }

    /** @return the opset that will be written */
    public int opset() {
        return opset;
    }

    /** @return the IR version that will be written: the explicit one, else the lowest the opset allows */
    public int irVersion() {
        return irVersion > 0 ? irVersion : Math.max(DEFAULT_IR_VERSION, minIrVersion(opset));
    }

    /**
     * @param opset an opset in {@value #MIN_OPSET}..{@value #MAX_OPSET}
     * @return the lowest IR version that may carry it
     */
    public static int minIrVersion(int opset) {
        if (opset <= 18) {
            return 8;
        }
        return opset <= 20 ? 9 : 10;
    }

    // ---------------------------------------------------------------- inputs and constants

    /**
     * Declares a graph input with fixed or dynamic dimensions.
     *
     * @param name the unique input name
     * @param type the element type
     * @param dims the dimensions, {@code -1} for an unnamed dynamic dimension
     * @return the input value
     */
    public GraphValue input(String name, ElementType type, long... dims) {
        Objects.requireNonNull(dims, "dims == null");
        OnnxDim[] d = new OnnxDim[dims.length];
        for (int i = 0; i < dims.length; i++) {
            d[i] = OnnxDim.of(dims[i]);
        }
        return input(name, type, d);
    }

    /**
     * Declares a graph input with fixed, symbolic ({@code OnnxDim.symbolic("batch")}) or dynamic dimensions.
     *
     * @param name the unique input name
     * @param type the element type
     * @param dims the dimensions
     * @return the input value
     */
    public GraphValue input(String name, ElementType type, OnnxDim... dims) {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(dims, "dims == null");
        List<OnnxDim> shape = List.of(dims);
        claimValueName(name);
        inputs.add(valueInfo(name, type, shape));
        GraphValue v = new GraphValue(this, name, type, shape, GraphValue.Kind.INPUT);
        inputValues.add(v);
        return v;
    }

    /**
     * Adds a float constant (an initializer), for example a trained weight matrix.
     *
     * @param name the unique name
     * @param data the values in row-major order; copied
     * @param shape the shape; no dimensions means a scalar
     * @return the constant value
     */
    public GraphValue constant(String name, float[] data, long... shape) {
        Objects.requireNonNull(data, "data == null");
        checkData(name, data.length, shape);
        ByteBuffer buf = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        return addInitializer(name, ElementType.FLOAT, shape, ByteString.copyFrom(buf.array()));
    }

    /**
     * Adds an int64 constant (an initializer), for example an index table.
     *
     * @param name the unique name
     * @param data the values in row-major order; copied
     * @param shape the shape; no dimensions means a scalar
     * @return the constant value
     */
    public GraphValue constant(String name, long[] data, long... shape) {
        Objects.requireNonNull(data, "data == null");
        checkData(name, data.length, shape);
        ByteBuffer buf = ByteBuffer.allocate(data.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asLongBuffer().put(data);
        return addInitializer(name, ElementType.INT64, shape, ByteString.copyFrom(buf.array()));
    }

    // ---------------------------------------------------------------- operators: linear algebra

    /**
     * {@code Gemm}: {@code alpha * A' * B' + beta * C} with optional transposes; A and B are 2-D.
     *
     * @param a the left matrix
     * @param b the right matrix
     * @param c the bias, broadcast to the result; {@code null} for none
     * @param alpha the factor of the product
     * @param beta the factor of the bias
     * @param transA whether to transpose A
     * @param transB whether to transpose B
     * @return the product
     */
    public GraphValue gemm(GraphValue a, GraphValue b, GraphValue c, float alpha, float beta, boolean transA,
            boolean transB) {
        own(a, "A");
        own(b, "B");
        requireFloat("Gemm", "A", a);
        requireFloat("Gemm", "B", b);
        if (c != null) {
            own(c, "C");
            requireFloat("Gemm", "C", c);
        }
        List<OnnxDim> shape = OnnxShapes.gemm(a.dims(), b.dims(), c == null ? null : c.dims(), transA, transB);
        List<String> in = c == null ? List.of(a.name(), b.name()) : List.of(a.name(), b.name(), c.name());
        return node("Gemm", in, ElementType.FLOAT, shape, floatAttr("alpha", alpha), floatAttr("beta", beta),
                intAttr("transA", transA ? 1 : 0), intAttr("transB", transB ? 1 : 0));
    }

    /**
     * {@code Gemm} with {@code alpha = beta = 1} and no transposes: {@code A * B + C}.
     *
     * @param a the left matrix {@code [m, k]}
     * @param b the right matrix {@code [k, n]}
     * @param c the bias, for example {@code [n]}; {@code null} for none
     * @return the product {@code [m, n]}
     */
    public GraphValue gemm(GraphValue a, GraphValue b, GraphValue c) {
        return gemm(a, b, c, 1f, 1f, false, false);
    }

    /**
     * {@code MatMul} with numpy semantics (batched, 1-D operands promoted).
     *
     * @param a the left operand
     * @param b the right operand
     * @return the product
     */
    public GraphValue matMul(GraphValue a, GraphValue b) {
        own(a, "A");
        own(b, "B");
        requireSameType("MatMul", a, b);
        return node("MatMul", List.of(a.name(), b.name()), a.elementType(), OnnxShapes.matMul(a.dims(), b.dims()));
    }

    // ---------------------------------------------------------------- operators: elementwise

    /**
     * {@code Add} with broadcasting.
     *
     * @param a the left operand
     * @param b the right operand
     * @return {@code a + b}
     */
    public GraphValue add(GraphValue a, GraphValue b) {
        return binary("Add", a, b);
    }

    /**
     * {@code Sub} with broadcasting.
     *
     * @param a the left operand
     * @param b the right operand
     * @return {@code a - b}
     */
    public GraphValue sub(GraphValue a, GraphValue b) {
        return binary("Sub", a, b);
    }

    /**
     * {@code Mul} with broadcasting.
     *
     * @param a the left operand
     * @param b the right operand
     * @return {@code a * b}
     */
    public GraphValue mul(GraphValue a, GraphValue b) {
        return binary("Mul", a, b);
    }

    /**
     * {@code Div} with broadcasting (integer division truncates for int64).
     *
     * @param a the left operand
     * @param b the right operand
     * @return {@code a / b}
     */
    public GraphValue div(GraphValue a, GraphValue b) {
        return binary("Div", a, b);
    }

    /**
     * @param x a float tensor
     * @return {@code Relu(x) = max(x, 0)}
     */
    public GraphValue relu(GraphValue x) {
        return unaryFloat("Relu", x);
    }

    /**
     * @param x a float tensor
     * @param alpha the slope for negative inputs (PyTorch's {@code negative_slope}), finite
     * @return {@code LeakyRelu(x)}
     */
    public GraphValue leakyRelu(GraphValue x, float alpha) {
        requireFinite("LeakyRelu", "alpha", alpha);
        return unaryFloat("LeakyRelu", x, floatAttr("alpha", alpha));
    }

    /**
     * @param x a float tensor
     * @return {@code Tanh(x)}
     */
    public GraphValue tanh(GraphValue x) {
        return unaryFloat("Tanh", x);
    }

    /**
     * @param x a float tensor
     * @return {@code Sigmoid(x) = 1 / (1 + exp(-x))}
     */
    public GraphValue sigmoid(GraphValue x) {
        return unaryFloat("Sigmoid", x);
    }

    /**
     * @param x a float tensor
     * @return {@code Exp(x)}
     */
    public GraphValue exp(GraphValue x) {
        return unaryFloat("Exp", x);
    }

    /**
     * @param x a float tensor
     * @param axis the axis to normalise, negative counts from the end
     * @return {@code Softmax(x)} along the axis
     */
    public GraphValue softmax(GraphValue x, int axis) {
        checkAxis("Softmax", x, axis);
        return unaryFloat("Softmax", x, intAttr("axis", axis));
    }

    /**
     * @param x a float tensor
     * @param axis the axis to normalise, negative counts from the end
     * @return {@code LogSoftmax(x)} along the axis
     */
    public GraphValue logSoftmax(GraphValue x, int axis) {
        checkAxis("LogSoftmax", x, axis);
        return unaryFloat("LogSoftmax", x, intAttr("axis", axis));
    }

    /**
     * @param x any tensor
     * @return {@code Identity(x)}: the same values under a new name
     */
    public GraphValue identity(GraphValue x) {
        own(x, "input");
        return node("Identity", List.of(x.name()), x.elementType(), x.dims());
    }

    /**
     * {@code BatchNormalization} in inference mode: {@code (x - mean) / sqrt(var + epsilon) * scale + bias} per
     * channel (axis 1).
     *
     * @param x the input {@code [N, C, ...]}
     * @param scale {@code [C]}
     * @param bias {@code [C]}
     * @param mean the running mean {@code [C]}
     * @param var the running variance {@code [C]}
     * @param epsilon added to the variance, {@code > 0} (PyTorch's default is {@code 1e-5})
     * @return the normalised tensor
     */
    public GraphValue batchNorm(GraphValue x, GraphValue scale, GraphValue bias, GraphValue mean, GraphValue var,
            float epsilon) {
        own(x, "X");
        GraphValue[] params = {scale, bias, mean, var};
        String[] roles = {"scale", "B", "input_mean", "input_var"};
        requireFloat("BatchNormalization", "X", x);
        for (int i = 0; i < params.length; i++) {
            own(params[i], roles[i]);
            requireFloat("BatchNormalization", roles[i], params[i]);
            OnnxShapes.requireRank("BatchNormalization", roles[i], params[i].dims(), 1);
            if (x.dims() != null && x.dims().size() >= 2 && params[i].dims() != null) {
                OnnxShapes.unify("BatchNormalization (" + roles[i] + " vs channels of X)", x.dims().get(1),
                        params[i].dims().get(0));
            }
        }
        if (!(epsilon > 0) || !Float.isFinite(epsilon)) {
            throw new IllegalArgumentException("BatchNormalization: epsilon must be finite and > 0, was " + epsilon);
        }
        return node("BatchNormalization", List.of(x.name(), scale.name(), bias.name(), mean.name(), var.name()),
                ElementType.FLOAT, x.dims(), floatAttr("epsilon", epsilon));
    }

    // ---------------------------------------------------------------- operators: recurrent and convolution

    /**
     * {@code GRU}, one layer, forward direction, {@code linear_before_reset=1} (the PyTorch formulation), sequence
     * first ({@code layout=0}). Weights must be in ONNX gate order {@code z, r, h}; use
     * {@link GruWeights#fromPyTorch} to convert PyTorch weights (gate order {@code r, z, n}).
     *
     * @param x the input sequence {@code [seq, batch, input]}
     * @param w the input weights {@code [1, 3*hidden, input]}
     * @param r the recurrent weights {@code [1, 3*hidden, hidden]}
     * @param b the biases {@code [1, 6*hidden]}; {@code null} for zeros
     * @param initialH the initial hidden state {@code [1, batch, hidden]}; {@code null} for zeros
     * @param hiddenSize the number of hidden units, {@code > 0}
     * @return all hidden states {@code [seq, 1, batch, hidden]} and the last one {@code [1, batch, hidden]}
     */
    public GruOutputs gru(GraphValue x, GraphValue w, GraphValue r, GraphValue b, GraphValue initialH,
            int hiddenSize) {
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("GRU: hiddenSize must be > 0, was " + hiddenSize);
        }
        own(x, "X");
        own(w, "W");
        own(r, "R");
        requireFloat("GRU", "X", x);
        requireFloat("GRU", "W", w);
        requireFloat("GRU", "R", r);
        OnnxShapes.requireRank("GRU", "X", x.dims(), 3);
        OnnxShapes.requireRank("GRU", "W", w.dims(), 3);
        OnnxShapes.requireRank("GRU", "R", r.dims(), 3);
        OnnxDim h = OnnxDim.of(hiddenSize);
        OnnxDim h3 = OnnxDim.of(3L * hiddenSize);
        if (w.dims() != null) {
            OnnxShapes.unify("GRU (W num_directions)", w.dims().get(0), OnnxDim.of(1));
            OnnxShapes.unify("GRU (W rows = 3*hidden)", w.dims().get(1), h3);
            if (x.dims() != null) {
                OnnxShapes.unify("GRU (W columns vs input size of X)", w.dims().get(2), x.dims().get(2));
            }
        }
        if (r.dims() != null) {
            OnnxShapes.unify("GRU (R num_directions)", r.dims().get(0), OnnxDim.of(1));
            OnnxShapes.unify("GRU (R rows = 3*hidden)", r.dims().get(1), h3);
            OnnxShapes.unify("GRU (R columns = hidden)", r.dims().get(2), h);
        }
        if (b != null) {
            own(b, "B");
            requireFloat("GRU", "B", b);
            OnnxShapes.requireRank("GRU", "B", b.dims(), 2);
            if (b.dims() != null) {
                OnnxShapes.unify("GRU (B num_directions)", b.dims().get(0), OnnxDim.of(1));
                OnnxShapes.unify("GRU (B length = 6*hidden)", b.dims().get(1), OnnxDim.of(6L * hiddenSize));
            }
        }
        OnnxDim batch = x.dims() == null ? OnnxDim.dynamic() : x.dims().get(1);
        if (initialH != null) {
            own(initialH, "initial_h");
            requireFloat("GRU", "initial_h", initialH);
            OnnxShapes.requireRank("GRU", "initial_h", initialH.dims(), 3);
            if (initialH.dims() != null) {
                OnnxShapes.unify("GRU (initial_h num_directions)", initialH.dims().get(0), OnnxDim.of(1));
                batch = OnnxShapes.unify("GRU (initial_h batch vs X batch)", initialH.dims().get(1), batch);
                OnnxShapes.unify("GRU (initial_h hidden)", initialH.dims().get(2), h);
            }
        }
        List<String> in = new ArrayList<>(List.of(x.name(), w.name(), r.name()));
        if (b != null || initialH != null) {
            in.add(b == null ? "" : b.name());
        }
        if (initialH != null) {
            in.add("");
            in.add(initialH.name());
        }
        OnnxDim seq = x.dims() == null ? OnnxDim.dynamic() : x.dims().get(0);
        String nodeName = nextNodeName("GRU");
        String y = nextValueName("gru_y");
        String yh = nextValueName("gru_yh");
        addNode("GRU", nodeName, in, List.of(y, yh), intAttr("hidden_size", hiddenSize),
                intAttr("linear_before_reset", 1));
        return new GruOutputs(
                new GraphValue(this, y, ElementType.FLOAT, List.of(seq, OnnxDim.of(1), batch, h),
                        GraphValue.Kind.NODE),
                new GraphValue(this, yh, ElementType.FLOAT, List.of(OnnxDim.of(1), batch, h), GraphValue.Kind.NODE));
    }

    /**
     * {@code GRU} whose weights are added as constants named {@code <prefix>.W}, {@code <prefix>.R} and
     * {@code <prefix>.B}.
     *
     * @param prefix the name prefix of the weight constants
     * @param x the input sequence {@code [seq, batch, input]}
     * @param weights the weights in ONNX layout
     * @param initialH the initial hidden state {@code [1, batch, hidden]}; {@code null} for zeros
     * @return all hidden states and the last one
     * @see #gru(GraphValue, GraphValue, GraphValue, GraphValue, GraphValue, int)
     */
    public GruOutputs gru(String prefix, GraphValue x, GruWeights weights, GraphValue initialH) {
        Objects.requireNonNull(weights, "weights == null");
        checkName("GRU weight prefix", prefix);
        own(x, "X");
        OnnxShapes.requireRank("GRU", "X", x.dims(), 3);
        if (x.dims() != null) {
            OnnxShapes.unify("GRU (input size of X vs weights)", x.dims().get(2), OnnxDim.of(weights.inputSize()));
        }
        if (initialH != null) {
            own(initialH, "initial_h");
        }
        GraphValue w = constant(prefix + ".W", weights.wUnsafe(), weights.wShape());
        GraphValue r = constant(prefix + ".R", weights.rUnsafe(), weights.rShape());
        GraphValue b = constant(prefix + ".B", weights.bUnsafe(), weights.bShape());
        return gru(x, w, r, b, initialH, weights.hiddenSize());
    }

    /**
     * {@code Conv}: N-d convolution (cross-correlation, as in PyTorch) of {@code [N, C, spatial...]} with weights
     * {@code [M, C/group, k...]}.
     *
     * @param x the input
     * @param w the kernels
     * @param b the bias {@code [M]}; {@code null} for none
     * @param pads begin and end padding per spatial axis ({@code [top, left, bottom, right]} in 2-D);
     *     {@code null} for none
     * @param strides one per spatial axis; {@code null} for 1
     * @param dilations one per spatial axis; {@code null} for 1
     * @param group the number of groups, {@code >= 1}
     * @return the feature map
     */
    public GraphValue conv(GraphValue x, GraphValue w, GraphValue b, long[] pads, long[] strides, long[] dilations,
            int group) {
        own(x, "X");
        own(w, "W");
        requireFloat("Conv", "X", x);
        requireFloat("Conv", "W", w);
        if (group < 1) {
            throw new IllegalArgumentException("Conv: group must be >= 1, was " + group);
        }
        requireAll("Conv", "pads", pads, 0);
        requireAll("Conv", "strides", strides, 1);
        requireAll("Conv", "dilations", dilations, 1);
        if (b != null) {
            own(b, "B");
            requireFloat("Conv", "B", b);
            OnnxShapes.requireRank("Conv", "B", b.dims(), 1);
            if (b.dims() != null && w.dims() != null && !w.dims().isEmpty()) {
                OnnxShapes.unify("Conv (B vs output channels of W)", b.dims().get(0), w.dims().get(0));
            }
        }
        List<OnnxDim> shape = OnnxShapes.conv(x.dims(), w.dims(), pads, strides, dilations, group);
        List<String> in = b == null ? List.of(x.name(), w.name()) : List.of(x.name(), w.name(), b.name());
        List<OnnxMl.AttributeProto> attrs = new ArrayList<>();
        attrs.add(intAttr("group", group));
        if (pads != null) {
            attrs.add(intsAttr("pads", pads));
        }
        if (strides != null) {
            attrs.add(intsAttr("strides", strides));
        }
        if (dilations != null) {
            attrs.add(intsAttr("dilations", dilations));
        }
        return node("Conv", in, ElementType.FLOAT, shape, attrs.toArray(new OnnxMl.AttributeProto[0]));
    }

    /**
     * {@code Resize} by scale factors, with PyTorch's coordinate conventions (see {@link ResizeMode}).
     *
     * @param x a float tensor
     * @param mode nearest or linear
     * @param scales one factor per axis of {@code x}, {@code > 0} (for NCHW images usually {@code 1, 1, s, s})
     * @return the resized tensor; each size is {@code floor(size * scale)}
     */
    public GraphValue resize(GraphValue x, ResizeMode mode, float... scales) {
        own(x, "X");
        Objects.requireNonNull(mode, "mode == null");
        Objects.requireNonNull(scales, "scales == null");
        requireFloat("Resize", "X", x);
        if (scales.length == 0) {
            throw new IllegalArgumentException("Resize: scales must have one value per axis, got none");
        }
        for (float s : scales) {
            if (!(s > 0) || !Float.isFinite(s)) {
                throw new IllegalArgumentException("Resize: scales must be finite and > 0, were "
                        + Arrays.toString(scales));
            }
        }
        List<OnnxDim> shape = OnnxShapes.resize(x.dims(), scales);
        String nodeName = nextNodeName("Resize");
        GraphValue sc = constant(freeName(nodeName + "_scales"), scales, scales.length);
        String out = nextValueName("resize");
        if (mode == ResizeMode.NEAREST) {
            addNode("Resize", nodeName, List.of(x.name(), "", sc.name()), List.of(out),
                    stringAttr("mode", "nearest"), stringAttr("coordinate_transformation_mode", "asymmetric"),
                    stringAttr("nearest_mode", "floor"));
        } else {
            addNode("Resize", nodeName, List.of(x.name(), "", sc.name()), List.of(out),
                    stringAttr("mode", "linear"), stringAttr("coordinate_transformation_mode", "half_pixel"));
        }
        return new GraphValue(this, out, ElementType.FLOAT, shape, GraphValue.Kind.NODE);
    }

    // ---------------------------------------------------------------- operators: shape and indexing

    /**
     * {@code Reshape} to a fixed target ({@code 0} copies the input dimension, {@code -1} is inferred).
     *
     * @param x any tensor
     * @param shape the target shape
     * @return the reshaped tensor
     */
    public GraphValue reshape(GraphValue x, long... shape) {
        own(x, "data");
        Objects.requireNonNull(shape, "shape == null");
        List<OnnxDim> out = OnnxShapes.reshape(x.dims(), shape);
        String nodeName = nextNodeName("Reshape");
        GraphValue s = constant(freeName(nodeName + "_shape"), shape.clone(), shape.length);
        return nodeNamed("Reshape", nodeName, List.of(x.name(), s.name()), x.elementType(), out);
    }

    /**
     * {@code Transpose}.
     *
     * @param x any tensor
     * @param perm a permutation of the axes; none reverses them
     * @return the transposed tensor
     */
    public GraphValue transpose(GraphValue x, int... perm) {
        own(x, "data");
        Objects.requireNonNull(perm, "perm == null");
        List<OnnxDim> in = x.dims();
        if (perm.length == 0) {
            if (in == null) {
                return node("Transpose", List.of(x.name()), x.elementType(), null);
            }
            List<OnnxDim> rev = new ArrayList<>(in);
            Collections.reverse(rev);
            return node("Transpose", List.of(x.name()), x.elementType(), rev);
        }
        OnnxShapes.checkPermutation("Transpose", perm, in == null ? -1 : in.size());
        List<OnnxDim> out = null;
        if (in != null) {
            out = new ArrayList<>();
            for (int p : perm) {
                out.add(in.get(p));
            }
        }
        long[] permL = Arrays.stream(perm).asLongStream().toArray();
        return node("Transpose", List.of(x.name()), x.elementType(), out, intsAttr("perm", permL));
    }

    /**
     * {@code Concat} along an axis.
     *
     * @param axis the axis, negative counts from the end
     * @param values at least one tensor, all of the same element type and rank
     * @return the concatenation
     */
    public GraphValue concat(int axis, GraphValue... values) {
        Objects.requireNonNull(values, "values == null");
        if (values.length == 0) {
            throw new IllegalArgumentException("Concat: needs at least one input");
        }
        List<String> names = new ArrayList<>();
        List<OnnxDim> out = null;
        boolean known = true;
        int ax = -1;
        for (int i = 0; i < values.length; i++) {
            GraphValue v = values[i];
            own(v, "input " + i);
            requireSameType("Concat", values[0], v);
            names.add(v.name());
            if (v.dims() == null) {
                known = false;
                continue;
            }
            if (out == null) {
                ax = OnnxShapes.normalizeAxis("Concat", axis, v.dims().size());
                out = new ArrayList<>(v.dims());
                continue;
            }
            if (v.dims().size() != out.size()) {
                throw new IllegalArgumentException("Concat: input " + i + " has shape " + v.dims()
                        + " but an earlier input has rank " + out.size());
            }
            for (int d = 0; d < out.size(); d++) {
                if (d == ax) {
                    OnnxDim a = out.get(d);
                    OnnxDim b = v.dims().get(d);
                    out.set(d, a.isFixed() && b.isFixed() ? OnnxDim.of(a.value() + b.value()) : OnnxDim.dynamic());
                } else {
                    out.set(d, OnnxShapes.unify("Concat (input " + i + ", axis " + d + ")", out.get(d),
                            v.dims().get(d)));
                }
            }
        }
        if (out != null && !known) {
            out.set(ax, OnnxDim.dynamic());
        }
        return node("Concat", names, values[0].elementType(), out, intAttr("axis", axis));
    }

    /**
     * {@code Gather}: picks slices of {@code data} along an axis (an embedding lookup with {@code axis = 0}).
     *
     * @param data any tensor
     * @param indices int64 indices, negative counts from the end
     * @param axis the axis of {@code data}
     * @return a tensor of rank {@code rank(data) + rank(indices) - 1}
     */
    public GraphValue gather(GraphValue data, GraphValue indices, int axis) {
        own(data, "data");
        own(indices, "indices");
        if (indices.elementType() != ElementType.INT64) {
            throw new IllegalArgumentException("Gather: indices '" + indices.name() + "' must be int64, was "
                    + indices.elementType());
        }
        List<OnnxDim> out = null;
        if (data.dims() != null) {
            int ax = OnnxShapes.normalizeAxis("Gather", axis, data.dims().size());
            if (indices.dims() != null) {
                out = new ArrayList<>(data.dims().subList(0, ax));
                out.addAll(indices.dims());
                out.addAll(data.dims().subList(ax + 1, data.dims().size()));
            }
        }
        return node("Gather", List.of(data.name(), indices.name()), data.elementType(), out, intAttr("axis", axis));
    }

    /**
     * {@code Slice} with constant bounds. Use {@link Long#MAX_VALUE} as an end meaning "to the end".
     *
     * @param x any tensor
     * @param starts start per sliced axis (inclusive, negative counts from the end)
     * @param ends end per sliced axis (exclusive)
     * @param axes the sliced axes; {@code null} for {@code 0..starts.length-1}
     * @param steps the steps, non-zero; {@code null} for 1
     * @return the slice
     */
    public GraphValue slice(GraphValue x, long[] starts, long[] ends, long[] axes, long[] steps) {
        own(x, "data");
        Objects.requireNonNull(starts, "starts == null");
        Objects.requireNonNull(ends, "ends == null");
        if (starts.length == 0) {
            throw new IllegalArgumentException("Slice: starts must not be empty");
        }
        List<OnnxDim> out = OnnxShapes.slice(x.dims(), starts, ends, axes, steps);
        String nodeName = nextNodeName("Slice");
        List<String> in = new ArrayList<>();
        in.add(x.name());
        in.add(constant(freeName(nodeName + "_starts"), starts.clone(), starts.length).name());
        in.add(constant(freeName(nodeName + "_ends"), ends.clone(), ends.length).name());
        if (axes != null || steps != null) {
            long[] ax = axes != null ? axes : java.util.stream.LongStream.range(0, starts.length).toArray();
            in.add(constant(freeName(nodeName + "_axes"), ax.clone(), ax.length).name());
        }
        if (steps != null) {
            in.add(constant(freeName(nodeName + "_steps"), steps.clone(), steps.length).name());
        }
        return nodeNamed("Slice", nodeName, in, x.elementType(), out);
    }

    /**
     * {@code Unsqueeze}: inserts axes of size 1.
     *
     * @param x any tensor
     * @param axes positions in the output, negative counts from the end
     * @return the expanded tensor
     */
    public GraphValue unsqueeze(GraphValue x, long... axes) {
        own(x, "data");
        Objects.requireNonNull(axes, "axes == null");
        List<OnnxDim> out = OnnxShapes.unsqueeze(x.dims(), axes);
        String nodeName = nextNodeName("Unsqueeze");
        GraphValue a = constant(freeName(nodeName + "_axes"), axes.clone(), axes.length);
        return nodeNamed("Unsqueeze", nodeName, List.of(x.name(), a.name()), x.elementType(), out);
    }

    /**
     * {@code Squeeze}: removes axes of size 1.
     *
     * @param x any tensor
     * @param axes the axes to remove; none removes every axis of size 1
     * @return the squeezed tensor
     */
    public GraphValue squeeze(GraphValue x, long... axes) {
        own(x, "data");
        Objects.requireNonNull(axes, "axes == null");
        List<OnnxDim> out = OnnxShapes.squeeze(x.dims(), axes);
        String nodeName = nextNodeName("Squeeze");
        if (axes.length == 0) {
            return nodeNamed("Squeeze", nodeName, List.of(x.name()), x.elementType(), out);
        }
        GraphValue a = constant(freeName(nodeName + "_axes"), axes.clone(), axes.length);
        return nodeNamed("Squeeze", nodeName, List.of(x.name(), a.name()), x.elementType(), out);
    }

    /**
     * {@code Flatten} to 2-D: {@code [prod(dims[0..axis)), prod(dims[axis..])]}.
     *
     * @param x any tensor
     * @param axis the split point, {@code -rank..rank}
     * @return the 2-D tensor
     */
    public GraphValue flatten(GraphValue x, int axis) {
        own(x, "input");
        return node("Flatten", List.of(x.name()), x.elementType(), OnnxShapes.flatten(x.dims(), axis),
                intAttr("axis", axis));
    }

    /**
     * {@code TopK}: the k largest (or smallest) entries along an axis, sorted, ties broken by the lower index.
     *
     * @param x a tensor
     * @param k how many, {@code >= 1} and at most the axis size
     * @param axis the axis, negative counts from the end
     * @param largest true for the largest, false for the smallest
     * @return the values and their int64 indices
     */
    public TopKOutputs topK(GraphValue x, long k, int axis, boolean largest) {
        own(x, "X");
        if (k < 1) {
            throw new IllegalArgumentException("TopK: k must be >= 1, was " + k);
        }
        List<OnnxDim> out = null;
        if (x.dims() != null) {
            int ax = OnnxShapes.normalizeAxis("TopK", axis, x.dims().size());
            OnnxDim d = x.dims().get(ax);
            if (d.isFixed() && k > d.value()) {
                throw new IllegalArgumentException("TopK: k = " + k + " exceeds the size " + d + " of axis " + axis
                        + " in " + x.dims());
            }
            out = new ArrayList<>(x.dims());
            out.set(ax, OnnxDim.of(k));
        }
        String nodeName = nextNodeName("TopK");
        GraphValue kc = constant(freeName(nodeName + "_k"), new long[] {k}, 1);
        String values = nextValueName("topk_values");
        String indices = nextValueName("topk_indices");
        addNode("TopK", nodeName, List.of(x.name(), kc.name()), List.of(values, indices), intAttr("axis", axis),
                intAttr("largest", largest ? 1 : 0), intAttr("sorted", 1));
        return new TopKOutputs(new GraphValue(this, values, x.elementType(), out, GraphValue.Kind.NODE),
                new GraphValue(this, indices, ElementType.INT64, out, GraphValue.Kind.NODE));
    }

    /**
     * {@code ReduceSum}.
     *
     * @param x a tensor
     * @param axes the axes to sum over, negative counts from the end; empty sums over all axes
     * @param keepdims whether reduced axes stay with size 1
     * @return the sums
     */
    public GraphValue reduceSum(GraphValue x, long[] axes, boolean keepdims) {
        own(x, "data");
        Objects.requireNonNull(axes, "axes == null");
        List<OnnxDim> out = OnnxShapes.reduce("ReduceSum", x.dims(), axes, keepdims);
        String nodeName = nextNodeName("ReduceSum");
        List<String> in = new ArrayList<>(List.of(x.name()));
        if (axes.length > 0) {
            in.add(constant(freeName(nodeName + "_axes"), axes.clone(), axes.length).name());
        }
        return nodeNamed("ReduceSum", nodeName, in, x.elementType(), out, intAttr("keepdims", keepdims ? 1 : 0));
    }

    // ---------------------------------------------------------------- outputs and serialisation

    /**
     * Declares a graph output. If {@code name} differs from the value's name an {@code Identity} node is added.
     *
     * @param value the value to expose
     * @param name the unique output name
     * @return this builder
     */
    public OnnxGraphBuilder output(GraphValue value, String name) {
        own(value, "output");
        checkName("output name", name);
        if (outputNames.contains(name)) {
            throw new IllegalArgumentException("graph '" + graphName + "' already has an output named '" + name + "'");
        }
        if (!name.equals(value.name()) || value.kind() != GraphValue.Kind.NODE) {
            claimValueName(name);
            addNode("Identity", nextNodeName("Identity"), List.of(value.name()), List.of(name));
        }
        outputNames.add(name);
        outputs.add(valueInfo(name, value.elementType(), value.dims()));
        return this;
    }

    /** @return the declared inputs, in declaration order */
    public List<GraphValue> inputs() {
        return List.copyOf(inputValues);
    }

    /** @return the declared output names, in declaration order */
    public List<String> outputNames() {
        return List.copyOf(outputNames);
    }

    /**
     * Serialises the model.
     *
     * @return the bytes of the {@code ModelProto}
     * @throws IllegalStateException when no output was declared or the IR version is too old for the opset
     */
    public byte[] toBytes() {
        return toProto().toByteArray();
    }

    /**
     * Writes the model to a file, replacing it if it exists.
     *
     * @param path the target file; its parent directory must exist
     * @throws IllegalStateException as {@link #toBytes()}
     * @throws RetailGenException with {@link ErrorCode#IO} when the file cannot be written
     */
    public void write(Path path) {
        Objects.requireNonNull(path, "path == null");
        byte[] bytes = toBytes();
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO,
                    "cannot write ONNX model '" + graphName + "' to " + path + ": " + e.getMessage(), e);
        }
    }

    OnnxMl.ModelProto toProto() {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("graph '" + graphName
                    + "' has no outputs; declare at least one with output(value, name)");
        }
        int ir = irVersion();
        if (ir < minIrVersion(opset)) {
            throw new IllegalStateException("graph '" + graphName + "': opset " + opset + " needs IR version >= "
                    + minIrVersion(opset) + " but IR version " + ir + " was set; call irVersion("
                    + minIrVersion(opset) + ") or leave it unset");
        }
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder()
                .setName(graphName)
                .setDocString(docString)
                .addAllInput(inputs)
                .addAllInitializer(initializers)
                .addAllNode(nodes)
                .addAllOutput(outputs);
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(ir)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setProducerName(PRODUCER_NAME)
                .setProducerVersion(producerVersion())
                .setModelVersion(modelVersion)
                .setDocString(docString)
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    // ---------------------------------------------------------------- internals

    private static String producerVersion() {
        String v = OnnxGraphBuilder.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private GraphValue binary(String op, GraphValue a, GraphValue b) {
        own(a, "A");
        own(b, "B");
        requireSameType(op, a, b);
        return node(op, List.of(a.name(), b.name()), a.elementType(), OnnxShapes.broadcast(op, a.dims(), b.dims()));
    }

    private GraphValue unaryFloat(String op, GraphValue x, OnnxMl.AttributeProto... attrs) {
        own(x, "X");
        requireFloat(op, "X", x);
        return node(op, List.of(x.name()), ElementType.FLOAT, x.dims(), attrs);
    }

    private void checkAxis(String op, GraphValue x, int axis) {
        own(x, "X");
        if (x.dims() != null) {
            OnnxShapes.normalizeAxis(op, axis, x.dims().size());
        }
    }

    private GraphValue node(String op, List<String> in, ElementType type, List<OnnxDim> shape,
            OnnxMl.AttributeProto... attrs) {
        return nodeNamed(op, nextNodeName(op), in, type, shape, attrs);
    }

    private GraphValue nodeNamed(String op, String nodeName, List<String> in, ElementType type,
            List<OnnxDim> shape, OnnxMl.AttributeProto... attrs) {
        String out = nextValueName(op.toLowerCase(java.util.Locale.ROOT));
        addNode(op, nodeName, in, List.of(out), attrs);
        return new GraphValue(this, out, type, shape, GraphValue.Kind.NODE);
    }

    private void addNode(String op, String nodeName, List<String> in, List<String> out,
            OnnxMl.AttributeProto... attrs) {
        nodes.add(OnnxMl.NodeProto.newBuilder()
                .setName(nodeName)
                .setOpType(op)
                .setDomain("")
                .addAllInput(in)
                .addAllOutput(out)
                .addAllAttribute(Arrays.asList(attrs))
                .build());
    }

    private String nextNodeName(String op) {
        String name;
        do {
            name = op + "_" + counters.merge("node:" + op, 1, Integer::sum);
        } while (!nodeNames.add(name));
        return name;
    }

    private String nextValueName(String base) {
        String name;
        do {
            name = base + "_" + counters.merge("value:" + base, 1, Integer::sum);
        } while (valueNames.contains(name));
        valueNames.add(name);
        return name;
    }

    private String freeName(String base) {
        if (!valueNames.contains(base)) {
            return base;
        }
        String name;
        do {
            name = base + "_" + counters.merge("value:" + base, 1, Integer::sum);
        } while (valueNames.contains(name));
        return name;
    }

    private void claimValueName(String name) {
        checkName("value name", name);
        if (!valueNames.add(name)) {
            throw new IllegalArgumentException("graph '" + graphName + "' already has a value named '" + name
                    + "'; names of inputs, constants and outputs must be unique");
        }
    }

    private static void checkName(String what, String name) {
        if (name == null) {
            throw new NullPointerException(what + " == null");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad " + what + " '" + name
                    + "': expected a letter or _ followed by letters, digits or _ . : / -");
        }
    }

    private void own(GraphValue v, String role) {
        if (v == null) {
            throw new NullPointerException(role + " == null");
        }
        if (v.owner() != this) {
            throw new IllegalArgumentException("value '" + v.name() + "' (" + role + ") belongs to graph '"
                    + v.owner().graphName + "', not to graph '" + graphName + "'");
        }
    }

    private static void requireFloat(String op, String role, GraphValue v) {
        if (v.elementType() != ElementType.FLOAT) {
            throw new IllegalArgumentException(op + ": " + role + " '" + v.name() + "' must be float, was "
                    + v.elementType());
        }
    }

    private static void requireSameType(String op, GraphValue a, GraphValue b) {
        if (a.elementType() != b.elementType()) {
            throw new IllegalArgumentException(op + ": element types differ: '" + a.name() + "' is "
                    + a.elementType() + ", '" + b.name() + "' is " + b.elementType());
        }
    }

    private static void requireFinite(String op, String what, float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(op + ": " + what + " must be finite, was " + v);
        }
    }

    private static void requireAll(String op, String what, long[] values, long min) {
        if (values == null) {
            return;
        }
        for (long v : values) {
            if (v < min) {
                throw new IllegalArgumentException(op + ": " + what + " must all be >= " + min + ", were "
                        + Arrays.toString(values));
            }
        }
    }

    private void checkData(String name, int length, long[] shape) {
        Objects.requireNonNull(shape, "shape == null");
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("constant '" + name + "': dimensions must be >= 0, shape was "
                        + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != length) {
            throw new IllegalArgumentException("constant '" + name + "': shape " + Arrays.toString(shape) + " holds "
                    + n + " values but data has " + length);
        }
    }

    private GraphValue addInitializer(String name, ElementType type, long[] shape, ByteString raw) {
        claimValueName(name);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(dataType(type))
                .setRawData(raw);
        List<OnnxDim> dims = new ArrayList<>(shape.length);
        for (long d : shape) {
            t.addDims(d);
            dims.add(OnnxDim.of(d));
        }
        initializers.add(t.build());
        return new GraphValue(this, name, type, dims, GraphValue.Kind.CONSTANT);
    }

    private static int dataType(ElementType type) {
        return type == ElementType.FLOAT
                ? OnnxMl.TensorProto.DataType.FLOAT.getNumber()
                : OnnxMl.TensorProto.DataType.INT64.getNumber();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, ElementType type, List<OnnxDim> shape) {
        OnnxMl.TypeProto.Tensor.Builder tensor = OnnxMl.TypeProto.Tensor.newBuilder().setElemType(dataType(type));
        if (shape != null) {
            OnnxMl.TensorShapeProto.Builder s = OnnxMl.TensorShapeProto.newBuilder();
            for (OnnxDim d : shape) {
                OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
                if (d.isFixed()) {
                    dim.setDimValue(d.value());
                } else if (d.isSymbolic()) {
                    dim.setDimParam(d.symbol());
                }
                s.addDim(dim);
            }
            tensor.setShape(s);
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }

    private static OnnxMl.AttributeProto floatAttr(String name, float v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    private static OnnxMl.AttributeProto intAttr(String name, long v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(v).build();
    }

    private static OnnxMl.AttributeProto intsAttr(String name, long[] v) {
        OnnxMl.AttributeProto.Builder b = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long x : v) {
            b.addInts(x);
        }
        return b.build();
    }

    private static OnnxMl.AttributeProto stringAttr(String name, String v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(v)).build();
    }
}
