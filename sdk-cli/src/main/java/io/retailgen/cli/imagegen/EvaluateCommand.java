package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.cli.OptionRanges;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ImageModel;
import io.retailgen.imagegen.ImageTrainer;
import io.retailgen.imagegen.ImageQuality;
import io.retailgen.imagegen.LabeledImages;
import io.retailgen.imagegen.QualityReport;
import io.retailgen.imagegen.VariationReport;
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
    static final int REFERENCES_PER_CATEGORY = 10;
    static final int VARIATIONS_PER_REFERENCE = 10;

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

    @Option(names = "--no-attribute-check",
            description = "Keep every sample instead of rejecting those the classifier puts in another category.")
    boolean noCheck;

    @Option(names = "--radius", defaultValue = "0.5",
            description = "Latent radius of the cvae variation measurement, (0, 2] (default: ${DEFAULT-VALUE}).")
    float radius;

    @Option(names = "--out", description = "Also write the trained bundle to this folder.")
    Path out;

    @CommandLine.Mixin
    TrainerOptions training;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionRanges.require(spec.commandLine(), "--per-category", perCategory, 2, OptionRanges.MAX_PER_CATEGORY);
        training.architecture(spec);
        PrintWriter o = spec.commandLine().getOut();
        LabeledImages train = TrainCommand.readIdx(images, labels);
        LabeledImages test = TrainCommand.readIdx(testImages, testLabels);
        ImageTrainer.Architecture arch = training.architecture(spec);
        if (!(radius > 0 && radius <= 2)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--radius must be in (0, 2], was " + radius);
        }
        try (ImageModel model = training.trainer(spec).train(train)) {
            evaluate(o, model, arch, train, test);
        }
        return 0;
    }

    private void evaluate(PrintWriter o, ImageModel model, ImageTrainer.Architecture arch, LabeledImages train,
            LabeledImages test) {
        if (out != null) {
            model.toBundle("imagegen", "1").saveTo(out);
        }
        QualityReport q;
        try (ImageGenerator gen = ImageGenerator.builder().model(model).attributeCheck(!noCheck).build()) {
            q = ImageQuality.evaluate(gen, train, test, perCategory, training.seed);
        }
        VariationReport v = null;
        if (arch == ImageTrainer.Architecture.CVAE) {
            try (ImageGenerator raw = ImageGenerator.builder().model(model).attributeCheck(false).build()) {
                v = ImageQuality.variations(raw, references(test), VARIATIONS_PER_REFERENCE, radius, training.seed);
            }
            o.println(String.format(Locale.ROOT, "variations of %d real test images (radius %.2f, no attribute check):"
                    + " class agreement %.3f, mean pixel distance to the reference %.4f (fresh samples %.4f, other"
                    + " real images of the category %.4f)", v.references(), v.radius(), v.classAgreement(),
                    v.meanDistance(), v.freshDistance(), v.sameCategoryDistance()));
        }
        o.println(String.format(Locale.ROOT, "Frechet distance (own classifier features) %.3f, floor %.3f (%.1fx);"
                + " class fidelity %.3f; diversity %.3f; %.0f images/s; trained in %.1f s", q.fidFeature(),
                q.fidFloor(), q.fidRatio(), q.classFidelity(), q.diversity(), q.imagesPerSecond(),
                model.trainSeconds()));
        if (json) {
            ObjectNode r = Json.object();
            r.put("fid_feature", ImagegenCommand.round(q.fidFeature()));
            r.put("fid_floor", ImagegenCommand.round(q.fidFloor()));
            r.put("class_fidelity", ImagegenCommand.round(q.classFidelity()));
            r.put("images_per_second", ImagegenCommand.round(q.imagesPerSecond()));
            r.put("train_seconds", ImagegenCommand.round(model.trainSeconds()));
            r.put("diversity", ImagegenCommand.round(q.diversity()));
            r.put("rejected", q.rejected());
            if (v != null) {
                r.put("variation_agreement", ImagegenCommand.round(v.classAgreement()));
                r.put("variation_distance", ImagegenCommand.round(v.meanDistance()));
                r.put("variation_fresh_distance", ImagegenCommand.round(v.freshDistance()));
                r.put("variation_real_distance", ImagegenCommand.round(v.sameCategoryDistance()));
            }
            Json.print(o, r);
        }
    }

    /** The first {@value #REFERENCES_PER_CATEGORY} test images of each category. */
    static LabeledImages references(LabeledImages test) {
        int k = test.categoryCount();
        int[] taken = new int[k];
        java.io.ByteArrayOutputStream px = new java.io.ByteArrayOutputStream();
        java.util.List<Integer> labels = new java.util.ArrayList<>();
        for (int i = 0; i < test.count(); i++) {
            int c = test.label(i);
            if (taken[c] < REFERENCES_PER_CATEGORY) {
                taken[c]++;
                px.writeBytes(test.image(i));
                labels.add(c);
            }
        }
        return new LabeledImages(test.rows(), test.cols(), px.toByteArray(),
                labels.stream().mapToInt(Integer::intValue).toArray()).withCategories(test.categories());
    }
}
