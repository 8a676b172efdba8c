package io.retailgen.examples;

import io.retailgen.core.train.TrainingListener;
import io.retailgen.datasets.IdxFiles;
import io.retailgen.datasets.IdxImages;
import io.retailgen.imagegen.ImageModel;
import io.retailgen.imagegen.ImageTrainer;
import io.retailgen.imagegen.LabeledImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product-image set-up shared by the samples: the asset library (Fashion-MNIST from the shared data directory
 * when present, else simple generated silhouettes) and a small, time-boxed conditional GAN trained on it.
 *
 * <pre>{@code
 * ImageSetup.Library lib = ImageSetup.sharedOrSample(Path.of("../shared/data"), 12_000, 42);
 * ImageSetup.Model model = ImageSetup.train(lib, Duration.ofSeconds(60), 42, ConsoleProgressBar.create());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ImageSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ImageSetup.class);

    /** The Fashion-MNIST training images below the shared data directory. */
    public static final String SHARED_IMAGES = "images/fashion-mnist/train-images-idx3-ubyte.gz";
    /** Their labels. */
    public static final String SHARED_LABELS = "images/fashion-mnist/train-labels-idx1-ubyte.gz";
    /** The Fashion-MNIST category names, by label. */
    public static final List<String> FASHION_CATEGORIES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** The category names of the generated silhouettes, by label. */
    public static final List<String> SAMPLE_CATEGORIES = List.of("T-shirt", "Trousers", "Bag", "Sneaker");

    private ImageSetup() {
    }

    /**
     * An asset library.
     *
     * @param source where the images came from
     * @param images 28x28 greyscale images with labels
     * @param categoryNames the name of each label (an unmodifiable copy)
     */
    public record Library(String source, LabeledImages images, List<String> categoryNames) {

        /** Validates and copies. */
        public Library {
            Objects.requireNonNull(source, "source == null");
            Objects.requireNonNull(images, "images == null");
            categoryNames = List.copyOf(Objects.requireNonNull(categoryNames, "categoryNames == null"));
            if (images.categoryCount() > categoryNames.size()) {
                throw new IllegalArgumentException("labels span " + images.categoryCount() + " categories but only "
                        + categoryNames.size() + " names were given");
            }
        }
    }

    /**
     * A trained image model and the names of its categories.
     *
     * @param trained the generator and classifier
     * @param categoryNames the name of each category (an unmodifiable copy)
     * @param source where its training images came from
     */
    public record Model(ImageModel trained, List<String> categoryNames, String source) {

        /** Validates and copies. */
        public Model {
            Objects.requireNonNull(trained, "trained == null");
            Objects.requireNonNull(source, "source == null");
            categoryNames = List.copyOf(Objects.requireNonNull(categoryNames, "categoryNames == null"));
        }
    }

    /**
     * Reads the first {@code maxImages} Fashion-MNIST training images when the files exist below
     * {@code sharedDataDir}, else generates {@code min(maxImages, 2000)} silhouettes of four categories. Unreadable
     * files are logged and the sample is generated instead.
     *
     * @param sharedDataDir the shared data directory, or null to always generate
     * @param maxImages how many images at most, {@code >= 128}
     * @param seed the seed of the generated sample
     * @return the library
     */
    public static Library sharedOrSample(Path sharedDataDir, int maxImages, long seed) {
        if (maxImages < 128) {
            throw new IllegalArgumentException("maxImages must be >= 128 (two batches), was " + maxImages);
        }
        if (sharedDataDir != null) {
            Path images = sharedDataDir.resolve(SHARED_IMAGES);
            Path labels = sharedDataDir.resolve(SHARED_LABELS);
            if (Files.isRegularFile(images) && Files.isRegularFile(labels)) {
                try {
                    IdxImages idx = IdxFiles.read(images, labels);
                    LabeledImages all = new LabeledImages(idx.rows(), idx.cols(), idx.pixels(), idx.labels());
                    return new Library(images.toString(), all.slice(0, Math.min(maxImages, all.count())),
                            FASHION_CATEGORIES);
                } catch (RuntimeException e) {
                    LOG.warn("cannot use {}: {}; generating sample images instead", images, e.getMessage());
                }
            } else {
                LOG.info("{} not found; generating sample product silhouettes", images);
            }
        }
        int n = Math.min(maxImages, 2000);
        return new Library("generated silhouettes (seed " + seed + ", " + n + " images)", SampleImages.generate(seed,
                n), SAMPLE_CATEGORIES);
    }

    /**
     * Trains the classifier (one epoch) and the conditional GAN until {@code budget} is spent, counted from the
     * start of training.
     *
     * @param library the images
     * @param budget the training time budget, positive
     * @param seed the seed
     * @param listener progress events, such as a console progress bar
     * @return the model
     */
    public static Model train(Library library, Duration budget, long seed, TrainingListener listener) {
        Objects.requireNonNull(library, "library == null");
        LOG.info("training the image generator on {} ({} images, budget {} s)", library.source(),
                library.images().count(), budget.toSeconds());
        ImageModel trained = ImageTrainer.builder().seed(seed).epochs(200).classifierEpochs(1)
                .width(16).latentDim(32).batchSize(64).timeBudget(budget).listener(listener).build()
                .train(library.images().withCategories(library.categoryNames()));
        return new Model(trained, library.categoryNames(), library.source());
    }

    /** Draws simple product silhouettes: T-shirts, trousers, bags and sneakers with jitter and noise. */
    static final class SampleImages {

        private SampleImages() {
        }

        static LabeledImages generate(long seed, int count) {
            SplittableRandom rnd = new SplittableRandom(seed);
            byte[] pixels = new byte[count * 28 * 28];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                int c = i % SAMPLE_CATEGORIES.size();
                labels[i] = c;
                float[] img = new float[28 * 28];
                int dx = rnd.nextInt(5) - 2;
                int dy = rnd.nextInt(5) - 2;
                float ink = 0.55f + 0.4f * (float) rnd.nextDouble();
                switch (c) {
                    case 0 -> {
                        fill(img, 8 + dx, 6 + dy, 20 + dx, 25 + dy, ink);
                        fill(img, 3 + dx, 6 + dy, 25 + dx, 11 + dy + rnd.nextInt(3), ink);
                        fill(img, 12 + dx, 6 + dy, 16 + dx, 8 + dy, 0);
                    }
                    case 1 -> {
                        fill(img, 8 + dx, 3 + dy, 20 + dx, 9 + dy, ink);
                        int gap = 1 + rnd.nextInt(2);
                        fill(img, 8 + dx, 9 + dy, 14 - gap + dx, 26 + dy, ink);
                        fill(img, 14 + gap + dx, 9 + dy, 20 + dx, 26 + dy, ink);
                    }
                    case 2 -> {
                        int top = 11 + rnd.nextInt(3);
                        fill(img, 5 + dx, top + dy, 23 + dx, 24 + dy, ink);
                        fill(img, 9 + dx, 5 + dy, 19 + dx, 7 + dy, ink);
                        fill(img, 9 + dx, 5 + dy, 11 + dx, top + dy, ink);
                        fill(img, 17 + dx, 5 + dy, 19 + dx, top + dy, ink);
                    }
                    default -> {
                        fill(img, 3 + dx, 16 + dy, 25 + dx, 22 + dy, ink);
                        fill(img, 13 + dx, 11 + dy, 25 + dx, 16 + dy, ink);
                        fill(img, 3 + dx, 21 + dy, 25 + dx, 23 + dy, Math.min(1f, ink + 0.3f));
                    }
                }
                for (int p = 0; p < img.length; p++) {
                    float v = img[p] > 0 ? img[p] + 0.08f * (float) rnd.nextGaussian() : 0;
                    pixels[i * 784 + p] = (byte) Math.round(255 * Math.max(0, Math.min(1, v)));
                }
            }
            return new LabeledImages(28, 28, pixels, labels);
        }

        private static void fill(float[] img, int x0, int y0, int x1, int y1, float v) {
            for (int y = Math.max(0, y0); y < Math.min(28, y1); y++) {
                for (int x = Math.max(0, x0); x < Math.min(28, x1); x++) {
                    img[y * 28 + x] = v;
                }
            }
        }
    }
}
