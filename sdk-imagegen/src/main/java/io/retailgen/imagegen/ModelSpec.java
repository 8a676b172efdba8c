package io.retailgen.imagegen;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The input/output contract of an image model: latent dimension, the category labels and the image size.
 *
 * <pre>{@code
 * ModelSpec spec = model.spec();
 * GeneratedImages shirts = generator.generate(spec.categories().get(6), 10, 7L);
 * }</pre>
 *
 * @param latentDim length of the generator's noise vector, {@code >= 1}
 * @param categories the category labels in the order of the model's outputs: at least two, distinct, not blank
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record ModelSpec(int latentDim, List<String> categories, int height, int width) {
    /** Validates and copies. */
    public ModelSpec {
        categories = List.copyOf(Objects.requireNonNull(categories, "categories == null"));
        if (latentDim < 1 || categories.size() < 2 || height < 1 || width < 1) {
            throw new IllegalArgumentException("invalid model spec: latentDim " + latentDim + " (>= 1), categories "
                    + categories.size() + " (>= 2), size " + height + "x" + width + " (>= 1x1)");
        }
        requireDistinctLabels(categories);
    }

    static void requireDistinctLabels(List<String> labels) {
        if (new HashSet<>(labels).size() != labels.size() || labels.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("category labels must be distinct and not blank, were " + labels);
        }
    }

    /**
     * @param latentDim length of the noise vector
     * @param categoryCount number of categories; they are labelled {@code "0"} to {@code "categoryCount - 1"}
     * @param height image height
     * @param width image width
     * @return the spec
     */
    public static ModelSpec numbered(int latentDim, int categoryCount, int height, int width) {
        return new ModelSpec(latentDim, numberedLabels(categoryCount), height, width);
    }

    /** @return how many categories */
    public int categoryCount() {
        return categories.size();
    }

    /**
     * @param category a category label
     * @return its index in {@link #categories()}
     * @throws IllegalArgumentException when the model has no such category (the message lists the known ones)
     */
    public int indexOf(String category) {
        Objects.requireNonNull(category, "category == null");
        int i = categories.indexOf(category);
        if (i < 0) {
            throw new IllegalArgumentException("unknown category '" + category + "'; the model has " + categories);
        }
        return i;
    }

    static List<String> numberedLabels(int count) {
        String[] labels = new String[Math.max(0, count)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Integer.toString(i);
        }
        return List.of(labels);
    }
}
