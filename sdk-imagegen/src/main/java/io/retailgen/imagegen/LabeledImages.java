package io.retailgen.imagegen;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A set of same-sized 8-bit greyscale images with one category each (Fashion-MNIST: 28x28, 10 categories). Pixels
 * are stored row-major, one byte per pixel, image after image. Each image's category is an index into
 * {@link #categories()}, the category labels ({@code "0"}, {@code "1"}, ... unless named with
 * {@link #withCategories(List)}); a model trained on the images generates by those labels.
 *
 * <pre>{@code
 * LabeledImages train = new LabeledImages(28, 28, pixels, labelIndices)
 *         .withCategories(List.of("t-shirt", "trouser", "pullover"));
 * float[] first = train.imageAsFloats(0); // values in [0, 1]
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use: the constructor copies its arrays and accessors return copies.
 */
public final class LabeledImages {
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> categories;

    /**
     * @param rows image height in pixels, {@code >= 1}
     * @param cols image width in pixels, {@code >= 1}
     * @param pixels {@code count * rows * cols} bytes (unsigned greyscale, 0 = black)
     * @param labels one category index per image, each {@code >= 0}; the categories are labelled {@code "0"} to
     *     the largest index
     * @throws IllegalArgumentException when the sizes do not agree or a label is negative
     */
    public LabeledImages(int rows, int cols, byte[] pixels, int[] labels) {
        this(rows, cols, Objects.requireNonNull(pixels, "pixels == null").clone(),
                Objects.requireNonNull(labels, "labels == null").clone(), null);
    }

    private LabeledImages(int rows, int cols, byte[] pixels, int[] labels, List<String> categories) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, was " + rows + "x" + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes but " + labels.length
                    + " images of " + rows + "x" + cols + " need " + (long) labels.length * rows * cols);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i] + ", must be >= 0");
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        if (categories == null) {
            this.categories = ModelSpec.numberedLabels(max + 1);
        } else {
            if (categories.size() <= max) {
                throw new IllegalArgumentException(categories.size() + " category labels " + categories
                        + " do not cover the largest category index " + max);
            }
            ModelSpec.requireDistinctLabels(categories);
            this.categories = categories;
        }
    }

    /**
     * @param labelsInOrder the label of category index 0, 1, ...: distinct, not blank, at least one more than the
     *     largest index
     * @return these images with those category labels
     */
    public LabeledImages withCategories(List<String> labelsInOrder) {
        return new LabeledImages(rows, cols, pixels, labels, List.copyOf(labelsInOrder));
    }

    /** @return how many images */
    public int count() {
        return labels.length;
    }

    /** @return image height in pixels */
    public int rows() {
        return rows;
    }

    /** @return image width in pixels */
    public int cols() {
        return cols;
    }

    /** @return pixels per image */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** @return the category labels, indexed by category index */
    public List<String> categories() {
        return categories;
    }

    /** @return the number of categories: the named ones, else one more than the largest index (0 when empty) */
    public int categoryCount() {
        return categories.size();
    }

    /**
     * @param index the image, {@code 0 <= index < count()}
     * @return its category label
     */
    public String category(int index) {
        return categories.get(label(index));
    }

    /**
     * @param index the image, {@code 0 <= index < count()}
     * @return its category index
     */
    public int label(int index) {
        Objects.checkIndex(index, labels.length);
        return labels[index];
    }

    /** @return a copy of all labels */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * @param index the image, {@code 0 <= index < count()}
     * @return a copy of its pixels, row-major
     */
    public byte[] image(int index) {
        Objects.checkIndex(index, labels.length);
        int n = rows * cols;
        return Arrays.copyOfRange(pixels, index * n, (index + 1) * n);
    }

    /**
     * @param index the image, {@code 0 <= index < count()}
     * @return its pixels scaled to {@code [0, 1]}
     */
    public float[] imageAsFloats(int index) {
        Objects.checkIndex(index, labels.length);
        int n = rows * cols;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (pixels[index * n + i] & 0xff) / 255f;
        }
        return out;
    }

    /** @return a copy of all pixels, image after image */
    public byte[] pixels() {
        return pixels.clone();
    }

    byte[] pixelsUnsafe() {
        return pixels;
    }

    int[] labelsUnsafe() {
        return labels;
    }

    /**
     * @param from the first image, inclusive
     * @param to the last image, exclusive
     * @return the images {@code [from, to)}
     */
    public LabeledImages slice(int from, int to) {
        Objects.checkFromToIndex(from, to, labels.length);
        int n = rows * cols;
        return new LabeledImages(rows, cols, Arrays.copyOfRange(pixels, from * n, to * n),
                Arrays.copyOfRange(labels, from, to), categories);
    }

    /** @return images per category, indexed by label */
    public int[] countsPerCategory() {
        int[] counts = new int[categories.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "LabeledImages[" + count() + " images of " + rows + "x" + cols + ", " + categories.size()
                + " categories]";
    }
}
