package io.retailgen.core.spi;

import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.runtime.TensorSpec;
import java.time.Duration;
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

    /**
     * Runs the model and cancels the run when it is still going after {@code timeout}. Backends that cannot stop a
     * running model keep this default, which refuses, so that a deadline is never silently ignored.
     *
     * @param inputs one tensor per model input
     * @param outputs the names of the outputs wanted
     * @param timeout how long the run may take; positive
     * @return the requested outputs, by name
     * @throws io.retailgen.core.RetailGenException with {@code DEADLINE_EXCEEDED} when the run was cancelled
     * @throws UnsupportedOperationException when this backend cannot cancel a run
     */
    default Map<String, Tensor> run(Map<String, Tensor> inputs, Set<String> outputs, Duration timeout) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot cancel a running model, so it "
                + "cannot honour a deadline of " + timeout.toMillis() + " ms; run without a timeout");
    }

    /** Releases the session's native resources. */
    @Override
    void close();
}
