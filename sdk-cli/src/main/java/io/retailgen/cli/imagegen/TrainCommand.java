package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.Device;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.train.ConsoleProgressBar;
import io.retailgen.imagegen.IdxFiles;
import io.retailgen.imagegen.ImageModelTrainer;
import io.retailgen.imagegen.LabeledImages;
import io.retailgen.imagegen.TrainedImageModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--epochs", defaultValue = "30", description = "Most GAN epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--minutes", defaultValue = "12",
            description = "Wall-clock training budget in minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--width", defaultValue = "32", description = "Generator width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--architecture", defaultValue = "cgan",
            description = "cgan (conditional GAN, sharper) or cvae (conditional VAE with an encoder, for variations of"
                    + " a real reference image) (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--resize-output", description = "GAN only: last upsampling as nearest x2 + Conv5x5 instead of"
            + " the default Conv3x3(4) + depth-to-space (sub-pixel), which trains and generates about twice as fast.")
    boolean resizeOutput;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(minutes > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--minutes must be > 0, was " + minutes);
        }
        PrintWriter o = spec.commandLine().getOut();
        LabeledImages data = IdxFiles.read(images, labels);
        o.println("read " + data);
        o.flush();
        TrainedImageModel model = trainer(epochs, minutes, width, seed, device,
                architecture(spec, architecture), !resizeOutput).train(data);
        ModelBundle bundle = model.toBundle(name, version);
        bundle.saveTo(out);
        o.println(String.format(Locale.ROOT, "trained in %.1f s; max |ONNX - DJL| = %.2e; bundle %s:%s written to %s",
                model.trainSeconds(), model.exportMaxAbsDiff(), name, version, out));
        if (json) {
            ObjectNode r = ImagegenCommand.object();
            r.put("train_seconds", ImagegenCommand.round(model.trainSeconds()));
            r.put("export_max_abs_diff", model.exportMaxAbsDiff());
            r.put("epochs_run", model.provenance().hyperParameters().get("epochs_run"));
            r.put("steps", model.provenance().hyperParameters().get("steps"));
            r.put("bundle", out.toString());
            r.put("architecture", model.architecture().name().toLowerCase(Locale.ROOT));
            ImagegenCommand.printJson(o, r);
        }
        return 0;
    }

    static ImageModelTrainer trainer(int epochs, double minutes, int width, int seed, String device,
            ImageModelTrainer.Architecture architecture, boolean subPixel) {
        return ImageModelTrainer.builder().epochs(epochs).width(width).seed(seed).device(Device.parse(device))
                .architecture(architecture).subPixelOutput(subPixel)
                .timeBudget(Duration.ofMillis((long) (minutes * 60_000))).listener(ConsoleProgressBar.create()).build();
    }

    static ImageModelTrainer.Architecture architecture(CommandLine.Model.CommandSpec spec, String value) {
        try {
            return ImageModelTrainer.Architecture.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--architecture must be cgan or cvae, was '"
                    + value + "'");
        }
    }
}
