package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.cli.OptionRanges;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.imagegen.GeneratedImages;
import io.retailgen.imagegen.GreyPng;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ImageModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen imagegen generate}: category-true images from a model bundle, as raw 28x28 greyscale PNGs
 * ({@code --raw}), or styled to a brand style guide ({@code --style}), plus a contact sheet.
 */
@Command(name = "generate", description = "Generate images of one category from a model bundle.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model bundle folder (from imagegen train).")
    Path model;

    @Option(names = "--category", description = "Category index, 0..categories-1 (required unless --reference is"
            + " given; with --reference it defaults to the classifier's category of the reference).")
    Integer category;

    @Option(names = "--reference", description = "A real reference image (PNG/JPEG, any size; light product on a"
            + " dark background): encode it, perturb the latent by --radius and decode. Needs a cvae bundle.")
    Path reference;

    @Option(names = "--radius", defaultValue = "0.5",
            description = "Latent perturbation of --reference variations, (0, 2] (default: ${DEFAULT-VALUE}).")
    float radius;

    @Option(names = "--count", required = true, description = "How many images, 1..1000000.")
    int count;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @ArgGroup(exclusive = true)
    Mode mode;

    static final class Mode {
        @Option(names = "--style", description = "Brand style guide JSON: styled assets and a contact sheet.")
        Path style;

        @Option(names = "--raw", description = "Only the generator's own 28x28 greyscale output, one PNG per image.")
        boolean raw;
    }

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-confidence", defaultValue = "0",
            description = "Least classifier probability to accept (default: ${DEFAULT-VALUE}).")
    float minConfidence;

    @Option(names = "--truncation", defaultValue = "1",
            description = "Latent noise scale, (0, 2] (default: ${DEFAULT-VALUE}).")
    float truncation;

    @Option(names = "--no-attribute-check",
            description = "Keep every sample instead of rejecting those the classifier puts in another category.")
    boolean noCheck;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        OptionRanges.require(spec.commandLine(), "--count", count, 1, OptionRanges.MAX_IMAGES);
        ModelBundle bundle = ModelBundle.load(model);
        boolean raw = mode != null && mode.raw;
        Path style = mode == null ? null : mode.style;
        StyledOutput styled = style == null ? null : StyledOutput.load(style, out);
        GeneratedImages images;
        float[] refPixels = null;
        int refCategory = -1;
        double distance = 0;
        int agree = 0;
        ExecutorService pool = batchPool();
        try (ImageModel loaded = ImageModel.fromBundle(bundle, Device.parse(device));
                ImageGenerator gen = ImageGenerator.builder().model(loaded).executor(pool).minConfidence(minConfidence)
                        .truncation(truncation).attributeCheck(!noCheck).build()) {
            if (category == null && reference == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--category is required without"
                        + " --reference");
            }
            if (reference != null) {
                if (!gen.canEncode()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--reference needs a model with an"
                            + " encoder (train with --architecture cvae); " + model + " is " + gen.modelVersion()
                            + " of kind " + bundle.manifest().kind());
                }
                if (!(radius > 0 && radius <= 2)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--radius must be in (0, 2], was "
                            + radius);
                }
                refPixels = GreyPng.toPixels(readImage(reference), gen.spec().width(), gen.spec().height());
                refCategory = argmax(gen.classify(refPixels, 1));
            }
            if (category == null) {
                category = refCategory;
            }
            if (category < 0 || category >= gen.spec().categoryCount()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--category must be in 0.."
                        + (gen.spec().categoryCount() - 1) + ", was " + category);
            }
            String label = gen.spec().categories().get(category);
            if (refPixels == null) {
                images = gen.generate(label, count, seed);
            } else {
                images = gen.variationsOf(refPixels, label, count, radius, seed);
                byte[] px = images.pixels();
                float[] x = new float[px.length];
                int per = refPixels.length;
                for (int i = 0; i < px.length; i++) {
                    x[i] = (px[i] & 0xff) / 255f;
                    distance += Math.abs(x[i] - refPixels[i % per]);
                }
                distance /= px.length;
                float[] p = gen.classify(x, images.count());
                int k = gen.spec().categoryCount();
                for (int i = 0; i < images.count(); i++) {
                    agree += argmax(java.util.Arrays.copyOfRange(p, i * k, (i + 1) * k)) == refCategory ? 1 : 0;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        try {
            Files.createDirectories(out);
            int digits = Math.max(4, Integer.toString(images.count()).length());
            if (styled != null) {
                styled.write(images, category, o);
            } else {
                for (int i = 0; i < images.count(); i++) {
                    GreyPng.write(out.resolve(String.format(Locale.ROOT, "%s-c%d-%0" + digits + "d.png",
                            raw ? "raw" : "image", category, i)), images.image(i), images.width(), images.height());
                }
                if (!raw) {
                    ImageIO.write(GreyPng.contactSheet(images, 20, 400), "png",
                            out.resolve("contact-sheet.png").toFile());
                }
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot write to " + out + ": " + e.getMessage(), e);
        }
        o.println(String.format(Locale.ROOT, "%d images of category %d (%d rejected by the attribute check), "
                + "%.0f images/s, written to %s", images.count(), category, images.rejected(),
                images.imagesPerSecond(), out));
        if (refPixels != null) {
            o.println(String.format(Locale.ROOT, "reference %s: classifier category %d; %.1f%% of the variations in"
                    + " that category, mean pixel distance to the reference %.4f", reference, refCategory,
                    100.0 * agree / images.count(), distance));
        }
        if (json) {
            ObjectNode r = Json.object();
            r.put("count", images.count());
            r.put("images_per_second", ImagegenCommand.round(images.imagesPerSecond()));
            r.put("rejected", images.rejected());
            r.put("model", images.modelVersion());
            r.put("seed", seed);
            if (refPixels != null) {
                r.put("reference_category", refCategory);
                r.put("agreement", ImagegenCommand.round((double) agree / images.count()));
                r.put("mean_distance", ImagegenCommand.round(distance));
                r.put("radius", radius);
            }
            Json.print(o, r);
        }
        return 0;
    }

    /**
     * One daemon thread per available processor: each ONNX Runtime call runs on one thread, so batches of a call run
     * side by side (the images do not depend on the executor).
     */
    private static ExecutorService batchPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "imagegen-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        return best;
    }

    private static java.awt.image.BufferedImage readImage(Path file) {
        java.awt.image.BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot read reference image " + file + ": "
                    + e.getMessage(), e);
        }
        if (img == null) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "reference " + file + " is not an image ImageIO can"
                    + " read (PNG, JPEG, GIF, BMP)");
        }
        return img;
    }
}
