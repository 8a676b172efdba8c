package io.retailgen.core.spi;

import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.runtime.TensorSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One loaded model inside a backend. Implementations must allow concurrent {@link #run} calls and must release all
 * native memory of a call before it returns; {@link #close()} is called once, after the last run has finished.
 */
public interface InferenceSession extends AutoCloseable {

    /** @return the model's inputs in declaration order */
    List<TensorSpec> inputs();

    /** @return the model's outputs in declaration order */
    List<TensorSpec> outputs();

    /**
     * Runs the model. Inputs have already been validated against {@link #inputs()}.
     *
     * @param inputs one tensor per model input
     * @param outputs the names of the outputs wanted
     * @return the requested outputs, by name
     */
    Map<String, Tensor> run(Map<String, Tensor> inputs, Set<String> outputs);

    /** Releases the session's native resources. */
    @Override
    void close();
}
