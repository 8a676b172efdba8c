package io.retailgen.cli.imagegen;

import io.retailgen.cli.OptionRanges;
import io.retailgen.core.Device;
import io.retailgen.core.train.ConsoleProgressBar;
import io.retailgen.imagegen.ImageTrainer;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The training options shared by {@code imagegen train} and {@code imagegen evaluate}. */
final class TrainerOptions {
    /** A day: the longest training budget. */
    static final int MAX_MINUTES = 24 * 60;
    /** The generator widths the trainer accepts. */
    static final int MIN_WIDTH = 4;
    static final int MAX_WIDTH = 512;

    @Option(names = "--epochs", defaultValue = "30", description = "Most GAN epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--minutes", defaultValue = "12",
            description = "Wall-clock training budget in minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--width", defaultValue = "32", description = "Generator width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--architecture", defaultValue = "cgan",
            description = "cgan (conditional GAN, sharper) or cvae (conditional VAE with an encoder, for variations of"
                    + " a real reference image; evaluate also measures those variations) (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--resize-output", description = "GAN only: last upsampling as nearest x2 + Conv5x5 instead of"
            + " the default Conv3x3(4) + depth-to-space (sub-pixel), which trains and generates about twice as fast.")
    boolean resizeOutput;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE}).")
    String device;

    /** Checks the options and returns the architecture they name. */
    ImageTrainer.Architecture architecture(CommandLine.Model.CommandSpec spec) {
        if (!(minutes > 0 && minutes <= MAX_MINUTES)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--minutes must be in (0, " + MAX_MINUTES
                    + "], was " + minutes);
        }
        OptionRanges.require(spec.commandLine(), "--epochs", epochs, 1, OptionRanges.MAX_EPOCHS);
        OptionRanges.require(spec.commandLine(), "--width", width, MIN_WIDTH, MAX_WIDTH);
        try {
            return ImageTrainer.Architecture.valueOf(architecture.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--architecture must be cgan or cvae, was '"
                    + architecture + "'");
        }
    }

    /** A trainer with these options and a console progress bar. */
    ImageTrainer trainer(CommandLine.Model.CommandSpec spec) {
        return ImageTrainer.builder().epochs(epochs).width(width).seed(seed).device(Device.parse(device))
                .architecture(architecture(spec)).subPixelOutput(!resizeOutput)
                .timeBudget(Duration.ofMillis((long) (minutes * 60_000))).listener(ConsoleProgressBar.create()).build();
    }
}
