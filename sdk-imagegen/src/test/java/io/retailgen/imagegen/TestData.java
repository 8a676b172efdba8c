package io.retailgen.imagegen;

import io.retailgen.datasets.IdxFiles;
import io.retailgen.datasets.IdxImages;
import io.retailgen.testing.SharedData;
import io.retailgen.testing.SyntheticImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Training and reference images for the tests: the shared Fashion-MNIST files when they are present, otherwise
 * sdk-test-support's {@link SyntheticImages}, so every training test runs (and can fail) in a clone without the shared
 * data. Either way the ten categories carry Fashion-MNIST's labels, so the tests exercise string category labels.
 */
final class TestData {
    /** Fashion-MNIST's categories, by label index. */
    static final List<String> CATEGORIES = List.of("t-shirt", "trouser", "pullover", "dress", "coat", "sandal",
            "shirt", "sneaker", "bag", "ankle-boot");
    /** System property that makes the tests use the synthetic images even where Fashion-MNIST is present. */
    static final String SYNTHETIC = "retailgen.test.syntheticImages";
    private static final String DIR = "images/fashion-mnist/";
    private static LabeledImages train;
    private static LabeledImages test;

    private TestData() {
    }

    /** @return the Fashion-MNIST folder, when present */
    static Optional<Path> dir() {
        return SharedData.find(DIR + "train-images-idx3-ubyte.gz").map(Path::getParent);
    }

    /**
     * @return whether the tests run on Fashion-MNIST: its files are present and {@code -D}{@value #SYNTHETIC} is not
     *     set (that property runs them on the synthetic images, as in a clone without the shared data)
     */
    static boolean real() {
        return !Boolean.getBoolean(SYNTHETIC) && dir().isPresent();
    }

    /** Reads an idx-ubyte image file and its label file as images of categories "0", "1", ... */
    static LabeledImages idx(Path images, Path labels) {
        IdxImages idx = IdxFiles.read(images, labels);
        return new LabeledImages(idx.rows(), idx.cols(), idx.pixels(), idx.labels());
    }

    private static LabeledImages synthetic(int count, long seed) {
        SyntheticImages.Set set = SyntheticImages.generate(count, seed);
        return new LabeledImages(SyntheticImages.SIDE, SyntheticImages.SIDE, set.pixels(), set.labels());
    }

    static synchronized LabeledImages train() {
        if (train == null) {
            train = (real() ? idx(dir().get().resolve("train-images-idx3-ubyte.gz"),
                    dir().get().resolve("train-labels-idx1-ubyte.gz")) : synthetic(3000, 1L))
                    .withCategories(CATEGORIES);
        }
        return train;
    }

    static synchronized LabeledImages test() {
        if (test == null) {
            test = (real() ? idx(dir().get().resolve("t10k-images-idx3-ubyte.gz"),
                    dir().get().resolve("t10k-labels-idx1-ubyte.gz")) : synthetic(1000, 2L))
                    .withCategories(CATEGORIES);
        }
        return test;
    }
}
