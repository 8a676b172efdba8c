package io.retailgen.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Small DJL helpers. */
final class NDArrays3 {
    private NDArrays3() {
    }

    static NDArray concat(NDArray a, NDArray b, NDArray c) {
        return ai.djl.ndarray.NDArrays.concat(new NDList(a, b, c), 1);
    }
}
