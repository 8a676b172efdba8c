package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.imagegen.IdxFiles;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ImageQuality;
import io.retailgen.imagegen.LabeledImages;
import io.retailgen.imagegen.QualityReport;
import io.retailgen.imagegen.TrainedImageModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retailgen imagegen evaluate}: trains on the first pair of files and measures on the second. */
@Command(name = "evaluate", description = "Train on one image set and measure generation quality on another.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--images", required = true, description = "Training idx3-ubyte images.")
    Path images;

    @Option(names = "--labels", required = true, description = "Training idx1-ubyte labels.")
    Path labels;

    @Option(names = "--test-images", required = true, description = "Test idx3-ubyte images.")
    Path testImages;

    @Option(names = "--test-labels", required = true, description = "Test idx1-ubyte labels.")
    Path testLabels;

    @Option(names = "--per-category", defaultValue = "1000",
            description = "Generated images per category (default: ${DEFAULT-VALUE}).")
    int perCategory;

    @Option(names = "--epochs", defaultValue = "30", description = "Most GAN epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--minutes", defaultValue = "12",
            description = "Wall-clock training budget in minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--width", defaultValue = "32", description = "Generator width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--no-attribute-check",
            description = "Keep every sample instead of rejecting those the classifier puts in another category.")
    boolean noCheck;

    @Option(names = "--out", description = "Also write the trained bundle to this folder.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (perCategory < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--per-category must be >= 2, was "
                    + perCategory);
        }
        PrintWriter o = spec.commandLine().getOut();
        LabeledImages train = IdxFiles.read(images, labels);
        LabeledImages test = IdxFiles.read(testImages, testLabels);
        TrainedImageModel model = TrainCommand.trainer(epochs, minutes, width, seed, device).train(train);
        if (out != null) {
            model.toBundle("imagegen", "1").saveTo(out);
        }
        QualityReport q;
        try (ImageGenerator gen = ImageGenerator.builder().bundle(model.toBundle("imagegen", "eval"))
                .attributeCheck(!noCheck).build()) {
            q = ImageQuality.evaluate(gen, train, test, perCategory, seed);
        }
        o.println(String.format(Locale.ROOT, "Frechet distance (own classifier features) %.3f, floor %.3f (%.1fx);"
                + " class fidelity %.3f; diversity %.3f; %.0f images/s; trained in %.1f s", q.fidFeature(),
                q.fidFloor(), q.fidRatio(), q.classFidelity(), q.diversity(), q.imagesPerSecond(),
                model.trainSeconds()));
        if (json) {
            ObjectNode r = ImagegenCommand.object();
            r.put("fid_feature", ImagegenCommand.round(q.fidFeature()));
            r.put("fid_floor", ImagegenCommand.round(q.fidFloor()));
            r.put("class_fidelity", ImagegenCommand.round(q.classFidelity()));
            r.put("images_per_second", ImagegenCommand.round(q.imagesPerSecond()));
            r.put("train_seconds", ImagegenCommand.round(model.trainSeconds()));
            r.put("diversity", ImagegenCommand.round(q.diversity()));
            r.put("rejected", q.rejected());
            ImagegenCommand.printJson(o, r);
        }
        return 0;
    }
}
