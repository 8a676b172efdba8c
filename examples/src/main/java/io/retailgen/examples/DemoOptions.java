package io.retailgen.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the end-to-end {@link Demo}.
 *
 * <pre>{@code
 * DemoOptions o = DemoOptions.parse("--out", "report", "--image-seconds", "30");
 * }</pre>
 *
 * @param dataDir the shared data directory ({@code ../shared/data} by default); missing files are replaced by
 *     generated samples
 * @param outDir the report folder ({@code retailgen-report} by default)
 * @param json whether to print one JSON object with the key figures as the last line
 * @param imageBudget the image-model training budget (60 s by default)
 * @param maxImages how many training images at most (12,000 by default)
 * @param images how many images to generate, style and review, 3..40 (8 by default)
 * @param recommendEpochs GRU epochs, or 0 for the default (1 on real data, 3 on the generated shop)
 * @param generativeEpochs epochs of the generative scenario model; 0 for none (20 by default)
 * @param paths scenario paths (1,000 by default)
 * @param seed the seed of everything (42 by default)
 */
public record DemoOptions(Path dataDir, Path outDir, boolean json, Duration imageBudget, int maxImages, int images,
        int recommendEpochs, int generativeEpochs, int paths, long seed) {

    /** The usage line. */
    public static final String USAGE = "usage: demo [--data ../shared/data] [--out retailgen-report] [--json]"
            + " [--image-seconds 60] [--max-images 12000] [--images 8] [--recommend-epochs N]"
            + " [--generative-epochs 20] [--paths 1000] [--seed 42]";

    /** Validates. */
    public DemoOptions {
        Objects.requireNonNull(dataDir, "dataDir == null");
        Objects.requireNonNull(outDir, "outDir == null");
        Objects.requireNonNull(imageBudget, "imageBudget == null");
        if (imageBudget.isNegative() || imageBudget.isZero() || imageBudget.toMinutes() > 120) {
            throw new IllegalArgumentException("image budget must be 1 s to 120 min, was " + imageBudget);
        }
        if (maxImages < 128) {
            throw new IllegalArgumentException("max images must be >= 128, was " + maxImages);
        }
        if (images < 3 || images > 40) {
            throw new IllegalArgumentException("images must be in 3..40, was " + images);
        }
        if (recommendEpochs < 0 || recommendEpochs > 100) {
            throw new IllegalArgumentException("recommend epochs must be in 0..100, was " + recommendEpochs);
        }
        if (generativeEpochs < 0 || generativeEpochs > 1000) {
            throw new IllegalArgumentException("generative epochs must be in 0..1000, was " + generativeEpochs);
        }
        if (paths < 100 || paths > 20_000) {
            throw new IllegalArgumentException("paths must be in 100..20000, was " + paths);
        }
    }

    /** @return the defaults */
    public static DemoOptions defaults() {
        return new DemoOptions(Path.of("..", "shared", "data"), Path.of("retailgen-report"), false,
                Duration.ofSeconds(60), 12_000, 8, 0, 20, 1000, 42);
    }

    /**
     * Parses command-line options over {@link #defaults()}.
     *
     * @param args the options
     * @return the settings
     * @throws IllegalArgumentException for an unknown option, a missing or malformed value
     */
    public static DemoOptions parse(String... args) {
        DemoOptions d = defaults();
        Path data = d.dataDir();
        Path out = d.outDir();
        boolean json = false;
        Duration budget = d.imageBudget();
        int maxImages = d.maxImages();
        int images = d.images();
        int recEpochs = d.recommendEpochs();
        int genEpochs = d.generativeEpochs();
        int paths = d.paths();
        long seed = d.seed();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--json" -> json = true;
                case "--image-seconds" -> budget = Duration.ofSeconds(integer(args, ++i, a));
                case "--max-images" -> maxImages = integer(args, ++i, a);
                case "--images" -> images = integer(args, ++i, a);
                case "--recommend-epochs" -> recEpochs = integer(args, ++i, a);
                case "--generative-epochs" -> genEpochs = integer(args, ++i, a);
                case "--paths" -> paths = integer(args, ++i, a);
                case "--seed" -> seed = integer(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'; " + USAGE);
            }
        }
        return new DemoOptions(data, out, json, budget, maxImages, images, recEpochs, genEpochs, paths, seed);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, was '" + v + "'", e);
        }
    }
}
