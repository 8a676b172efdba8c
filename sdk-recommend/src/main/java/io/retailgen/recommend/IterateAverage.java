package io.retailgen.recommend;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of the weights over the steps of a training run: after each step {@code avg = decay
 * * avg + (1 - decay) * w}, starting from the weights after the first step. Computed from the released (noised)
 * iterates only, so under DP-SGD it is post-processing and spends no privacy (De et al. 2022 average the iterates
 * of DP-SGD the same way). Not thread-safe; one per training run.
 */
final class IterateAverage {

    private final float decay;
    private final List<NDArray> average = new ArrayList<>();

    /** @param decay the weight of the average so far, in {@code (0, 1)} */
    IterateAverage(double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the averaging decay must be in (0, 1), was " + decay);
        }
        this.decay = (float) decay;
    }

    /** Folds the weights after a step into the average (the first call copies them). */
    void add(List<NDArray> weights) {
        if (average.isEmpty()) {
            for (NDArray w : weights) {
                NDArray a = w.duplicate();
                a.setRequiresGradient(false);
                average.add(a);
            }
            return;
        }
        for (int i = 0; i < weights.size(); i++) {
            try (NDArray part = weights.get(i).mul(1 - decay)) {
                average.get(i).muli(decay).addi(part);
            }
        }
    }

    /** Overwrites each weight with its average; does nothing when no step was folded in. */
    void copyInto(List<NDArray> weights) {
        for (int i = 0; i < average.size(); i++) {
            weights.get(i).set(average.get(i).toFloatArray());
        }
    }
}
