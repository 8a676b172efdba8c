package io.retailgen.testing;

import io.retailgen.core.Device;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.runtime.TensorSpec;
import io.retailgen.core.spi.InferenceBackend;
import io.retailgen.core.spi.InferenceSession;
import io.retailgen.core.spi.SessionOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory inference backend for tests: it ignores the model bytes and answers every run with a function of its
 * inputs. It counts opened and closed sessions so tests can check ownership rules.
 *
 * <pre>{@code
 * FakeInferenceBackend fake = new FakeInferenceBackend(List.of(xSpec), List.of(ySpec),
 *         in -> Map.of("y", in.get("x")));
 * }</pre>
 *
 * <p>Not registered with {@link java.util.ServiceLoader}; tests use it directly.
 */
public final class FakeInferenceBackend implements InferenceBackend {
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Function<Map<String, Tensor>, Map<String, Tensor>> compute;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    /**
     * @param inputs the inputs every session declares
     * @param outputs the outputs every session declares
     * @param compute the function each run applies
     */
    public FakeInferenceBackend(List<TensorSpec> inputs, List<TensorSpec> outputs,
            Function<Map<String, Tensor>, Map<String, Tensor>> compute) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.compute = Objects.requireNonNull(compute, "compute == null");
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Device.Type deviceType() {
        return Device.Type.CPU;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    /** @return sessions opened so far */
    public int opened() {
        return opened.get();
    }

    /** @return sessions closed so far */
    public int closed() {
        return closed.get();
    }

    @Override
    public InferenceSession open(byte[] model, Device device, SessionOptions options) {
        opened.incrementAndGet();
        return new InferenceSession() {
            private final AtomicInteger closes = new AtomicInteger();

            @Override
            public List<TensorSpec> inputs() {
                return inputs;
            }

            @Override
            public List<TensorSpec> outputs() {
                return outputs;
            }

            @Override
            public Map<String, Tensor> run(Map<String, Tensor> in, Set<String> wanted) {
                if (closes.get() > 0) {
                    throw new IllegalStateException("fake session used after close");
                }
                Map<String, Tensor> all = compute.apply(in);
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (String w : wanted) {
                    out.put(w, all.get(w));
                }
                return out;
            }

            @Override
            public void close() {
                if (closes.getAndIncrement() == 0) {
                    closed.incrementAndGet();
                }
            }
        };
    }
}
