package io.retailgen.imagegen;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared Fashion-MNIST files and caches small slices of them for the tests. */
final class TestData {
    private static LabeledImages train;
    private static LabeledImages test;

    private TestData() {
    }

    static Path dir() {
        String shared = System.getProperty("retailgen.shared.data", "../../shared/data");
        return Path.of(shared, "images", "fashion-mnist");
    }

    static boolean available() {
        return Files.isRegularFile(dir().resolve("train-images-idx3-ubyte.gz"));
    }

    static synchronized LabeledImages train() {
        if (train == null) {
            train = IdxFiles.read(dir().resolve("train-images-idx3-ubyte.gz"),
                    dir().resolve("train-labels-idx1-ubyte.gz"));
        }
        return train;
    }

    static synchronized LabeledImages test() {
        if (test == null) {
            test = IdxFiles.read(dir().resolve("t10k-images-idx3-ubyte.gz"), dir().resolve("t10k-labels-idx1-ubyte.gz"));
        }
        return test;
    }
}
