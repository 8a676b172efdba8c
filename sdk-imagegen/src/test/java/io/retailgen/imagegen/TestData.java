package io.retailgen.imagegen;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Training and reference images for the tests: the shared Fashion-MNIST files when they are present, otherwise
 * {@link SyntheticImages}, so the training tests run (and can fail) in a clone without the shared data.
 */
final class TestData {
    private static LabeledImages train;
    private static LabeledImages test;

    private TestData() {
    }

    static Path dir() {
        String shared = System.getProperty("retailgen.shared.data", "../../shared/data");
        return Path.of(shared, "images", "fashion-mnist");
    }

    /** @return whether the Fashion-MNIST files are present (tests of the IDX reader itself need them) */
    static boolean available() {
        return Files.isRegularFile(dir().resolve("train-images-idx3-ubyte.gz"));
    }

    static synchronized LabeledImages train() {
        if (train == null) {
            train = available()
                    ? IdxFiles.read(dir().resolve("train-images-idx3-ubyte.gz"),
                            dir().resolve("train-labels-idx1-ubyte.gz"))
                    : SyntheticImages.generate(3000, 1L);
        }
        return train;
    }

    static synchronized LabeledImages test() {
        if (test == null) {
            test = available()
                    ? IdxFiles.read(dir().resolve("t10k-images-idx3-ubyte.gz"),
                            dir().resolve("t10k-labels-idx1-ubyte.gz"))
                    : SyntheticImages.generate(1000, 2L);
        }
        return test;
    }
}
