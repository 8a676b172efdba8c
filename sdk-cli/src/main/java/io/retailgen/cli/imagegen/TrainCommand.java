package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.datasets.IdxFiles;
import io.retailgen.datasets.IdxImages;
import io.retailgen.imagegen.LabeledImages;
import io.retailgen.imagegen.ImageModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retailgen imagegen train}: trains the classifier and the conditional GAN and writes a model bundle. */
@Command(name = "train", description = "Train an image model bundle from idx-ubyte images and labels.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--images", required = true, description = "idx3-ubyte image file (.gz or not).")
    Path images;

    @Option(names = "--labels", required = true, description = "idx1-ubyte label file (.gz or not).")
    Path labels;

    @Option(names = "--out", required = true, description = "Folder for the model bundle.")
    Path out;

    @Option(names = "--name", defaultValue = "imagegen", description = "Model name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--version", defaultValue = "1", description = "Model version (default: ${DEFAULT-VALUE}).")
    String version;

    @CommandLine.Mixin
    TrainerOptions training;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Reads an idx-ubyte image file and its label file as images of categories "0", "1", ... */
    static LabeledImages readIdx(Path images, Path labels) {
        IdxImages idx = IdxFiles.read(images, labels);
        return new LabeledImages(idx.rows(), idx.cols(), idx.pixels(), idx.labels());
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        training.architecture(spec);
        LabeledImages data = readIdx(images, labels);
        o.println("read " + data);
        o.flush();
        try (ImageModel model = training.trainer(spec).train(data)) {
            report(o, model);
        }
        return 0;
    }

    private void report(PrintWriter o, ImageModel model) {
        ModelBundle bundle = model.toBundle(name, version);
        bundle.saveTo(out);
        o.println(String.format(Locale.ROOT, "trained in %.1f s; max |ONNX - DJL| = %.2e; bundle %s:%s written to %s",
                model.trainSeconds(), model.exportMaxAbsDiff(), name, version, out));
        if (json) {
            ObjectNode r = Json.object();
            r.put("train_seconds", ImagegenCommand.round(model.trainSeconds()));
            r.put("export_max_abs_diff", model.exportMaxAbsDiff());
            r.put("epochs_run", model.provenance().hyperParameters().get("epochs_run"));
            r.put("steps", model.provenance().hyperParameters().get("steps"));
            r.put("bundle", out.toString());
            r.put("architecture", model.architecture().name().toLowerCase(Locale.ROOT));
            Json.print(o, r);
        }
    }

}
