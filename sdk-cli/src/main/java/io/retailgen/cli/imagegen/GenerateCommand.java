package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.imagegen.GeneratedImages;
import io.retailgen.imagegen.GreyPng;
import io.retailgen.imagegen.ImageGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
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

    @Option(names = "--category", required = true, description = "Category index, 0..categories-1.")
    int category;

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
        ModelBundle bundle = ModelBundle.load(model);
        boolean raw = mode != null && mode.raw;
        Path style = mode == null ? null : mode.style;
        StyledOutput styled = style == null ? null : StyledOutput.load(style, out);
        GeneratedImages images;
        try (ImageGenerator gen = ImageGenerator.builder().bundle(bundle).device(Device.parse(device))
                .minConfidence(minConfidence).truncation(truncation).attributeCheck(!noCheck).build()) {
            if (category < 0 || category >= gen.spec().categories()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--category must be in 0.."
                        + (gen.spec().categories() - 1) + ", was " + category);
            }
            images = gen.generate(category, count, seed);
        }
        try {
            Files.createDirectories(out);
            int digits = Math.max(4, Integer.toString(images.count()).length());
            if (styled != null) {
                styled.write(images, o);
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
        if (json) {
            ObjectNode r = ImagegenCommand.object();
            r.put("count", images.count());
            r.put("images_per_second", ImagegenCommand.round(images.imagesPerSecond()));
            r.put("rejected", images.rejected());
            r.put("model", images.modelVersion());
            r.put("seed", seed);
            ImagegenCommand.printJson(o, r);
        }
        return 0;
    }
}
