package io.retailgen.imagegen;

import io.retailgen.core.util.Shuffle;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Measures a generator: Frechet distance to real test images in the feature space of the bundle's classifier, the
 * real-train vs real-test distance in the same space as the floor, class fidelity, diversity and throughput.
 *
 * <pre>{@code
 * QualityReport q = ImageQuality.evaluate(generator, train, test, 1000, 7L);
 * System.out.printf("FID %.2f (floor %.2f), fidelity %.3f%n", q.fidFeature(), q.fidFloor(), q.classFidelity());
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class ImageQuality {
    private static final int FLOOR_SAMPLE = 10_000;
    private static final int DIVERSITY_SAMPLE = 200;
    private static final int CHUNK = 1000;

    private ImageQuality() {
    }

    /**
     * @param generator the generator (its classifier provides the features); its category {@code c} is the data's
     *     category index {@code c}
     * @param train real training images (a sample of up to 10,000 gives the floor)
     * @param test real test images
     * @param perCategory generated images per category, {@code >= 2}
     * @param seed seed of generation and sampling
     * @return the report
     */
    public static QualityReport evaluate(ImageGenerator generator, LabeledImages train, LabeledImages test,
            int perCategory, long seed) {
        Objects.requireNonNull(generator, "generator == null");
        Objects.requireNonNull(train, "train == null");
        Objects.requireNonNull(test, "test == null");
        if (perCategory < 2) {
            throw new IllegalArgumentException("perCategory must be >= 2, was " + perCategory);
        }
        int d = generator.featureDim();
        float[] testFeatures = features(generator, test, identity(test.count()));
        Frechet.Stats testStats = Frechet.stats(testFeatures, test.count(), d);
        int[] sample = Shuffle.permutation(train.count(), new SplittableRandom(seed));
        int floorN = Math.min(FLOOR_SAMPLE, train.count());
        float[] trainFeatures = features(generator, train, java.util.Arrays.copyOf(sample, floorN));
        double floor = Frechet.distance(Frechet.stats(trainFeatures, floorN, d), testStats);

        ModelSpec spec = generator.spec();
        int k = spec.categoryCount();
        int per = spec.height() * spec.width();
        int total = k * perCategory;
        float[] genFeatures = new float[total * d];
        int rejected = 0;
        long nanos = 0;
        double genDiv = 0;
        long correct = 0;
        for (int c = 0; c < k; c++) {
            GeneratedImages g = generator.generate(spec.categories().get(c), perCategory, seed + c);
            rejected += g.rejected();
            nanos += g.nanos();
            byte[] px = g.pixels();
            float[] f = new float[perCategory * d];
            for (int start = 0; start < perCategory; start += CHUNK) {
                int n = Math.min(CHUNK, perCategory - start);
                float[] x = new float[n * per];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (px[start * per + i] & 0xff) / 255f;
                }
                System.arraycopy(generator.features(x, n), 0, f, start * d, n * d);
                float[] p = generator.classify(x, n);
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    for (int j = 1; j < k; j++) {
                        best = p[i * k + j] > p[i * k + best] ? j : best;
                    }
                    correct += best == c ? 1 : 0;
                }
            }
            System.arraycopy(f, 0, genFeatures, c * perCategory * d, f.length);
            genDiv += meanPairwise(f, Math.min(perCategory, DIVERSITY_SAMPLE), d);
        }
        double fid = Frechet.distance(Frechet.stats(genFeatures, total, d), testStats);
        double realDiv = 0;
        int[] labels = test.labelsUnsafe();
        for (int c = 0; c < k; c++) {
            int count = 0;
            float[] f = new float[DIVERSITY_SAMPLE * d];
            for (int i = 0; i < labels.length && count < DIVERSITY_SAMPLE; i++) {
                if (labels[i] == c) {
                    System.arraycopy(testFeatures, i * d, f, count * d, d);
                    count++;
                }
            }
            realDiv += count < 2 ? 0 : meanPairwise(f, count, d);
        }
        double diversity = realDiv == 0 ? 0 : genDiv / realDiv;
        double fidelity = (double) correct / (total + rejected);
        double ips = nanos == 0 ? 0 : total / (nanos / 1e9);
        return new QualityReport(fid, floor, fidelity, diversity, ips, total, rejected);
    }

    /**
     * Frechet distance between the features of two image sets (for example real train vs real test).
     *
     * @param generator supplies the features (any {@link ImageGenerator}, or an application's own)
     * @param a first set
     * @param b second set
     * @return the distance
     */
    public static double frechetDistance(ImageFeatures generator, LabeledImages a, LabeledImages b) {
        int d = generator.featureDim();
        return Frechet.distance(Frechet.stats(features(generator, a, identity(a.count())), a.count(), d),
                Frechet.stats(features(generator, b, identity(b.count())), b.count(), d));
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static float[] features(ImageFeatures generator, LabeledImages data, int[] rows) {
        int d = generator.featureDim();
        int per = data.pixelsPerImage();
        float[] out = new float[rows.length * d];
        float[] x = new float[CHUNK * per];
        for (int start = 0; start < rows.length; start += CHUNK) {
            int n = Math.min(CHUNK, rows.length - start);
            ImageBatches.batch(data, rows, start, n, 1f / 255f, 0f, x, null, null, 0);
            float[] f = generator.features(n == CHUNK ? x : java.util.Arrays.copyOf(x, n * per), n);
            System.arraycopy(f, 0, out, start * d, n * d);
        }
        return out;
    }

    private static double meanPairwise(float[] f, int n, int d) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double diff = f[i * d + t] - f[j * d + t];
                    s += diff * diff;
                }
                sum += Math.sqrt(s);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }
    /**
     * Encodes each reference, makes {@code perReference} variations conditioned on its label and measures how close
     * they stay: classifier agreement with the label, mean pixel distance to the reference, against two yardsticks
     * (fresh samples of the category, and the other real references of the category). Turn the generator's attribute
     * check off to measure raw agreement.
     *
     * @param generator a generator that {@link ImageGenerator#canEncode() can encode}
     * @param references real images with their labels, {@code >= 1}
     * @param perReference variations per reference, {@code >= 1}
     * @param radius latent perturbation scale, {@code (0, 2]}
     * @param seed seed of the perturbations and fresh samples
     * @return the report
     * @throws IllegalStateException when the generator has no encoder
     */
    public static VariationReport variations(ImageGenerator generator, LabeledImages references, int perReference,
            float radius, long seed) {
        Objects.requireNonNull(generator, "generator == null");
        Objects.requireNonNull(references, "references == null");
        if (perReference < 1) {
            throw new IllegalArgumentException("perReference must be >= 1, was " + perReference);
        }
        if (!generator.canEncode()) {
            throw new IllegalStateException("generator " + generator.modelVersion() + " has no encoder");
        }
        ModelSpec spec = generator.spec();
        int k = spec.categoryCount();
        long agree = 0;
        long produced = 0;
        long sampled = 0;
        double near = 0;
        double fresh = 0;
        double same = 0;
        long samePairs = 0;
        for (int r = 0; r < references.count(); r++) {
            int label = references.label(r);
            float[] ref = references.imageAsFloats(r);
            String category = spec.categories().get(label);
            GeneratedImages v = generator.variationsOf(ref, category, perReference, radius, seed + r);
            GeneratedImages f = generator.generate(category, perReference, seed + 1_000_003L + r);
            float[] px = toFloats(v.pixels());
            float[] p = generator.classify(px, v.count());
            for (int i = 0; i < v.count(); i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    best = p[i * k + c] > p[i * k + best] ? c : best;
                }
                agree += best == label ? 1 : 0;
            }
            produced += v.count();
            sampled += v.count() + v.rejected();
            near += distanceSum(px, ref);
            fresh += distanceSum(toFloats(f.pixels()), ref);
            for (int o = 0; o < references.count(); o++) {
                if (o != r && references.label(o) == label) {
                    same += distanceSum(references.imageAsFloats(o), ref);
                    samePairs++;
                }
            }
        }
        return new VariationReport(references.count(), perReference, radius, (double) agree / produced,
                (double) produced / sampled, near / produced, fresh / produced,
                samePairs == 0 ? 0 : same / samePairs);
    }

    private static float[] toFloats(byte[] px) {
        float[] x = new float[px.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (px[i] & 0xff) / 255f;
        }
        return x;
    }

    /** Sum over the images in {@code images} of their mean absolute difference to {@code ref}. */
    private static double distanceSum(float[] images, float[] ref) {
        int per = ref.length;
        double sum = 0;
        for (int i = 0; i < images.length; i++) {
            sum += Math.abs(images[i] - ref[i % per]);
        }
        return sum / per;
    }
}
