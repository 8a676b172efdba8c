package io.retailgen.cli.forecast;

import io.retailgen.cli.OptionRanges;
import io.retailgen.core.train.ConsoleProgressBar;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.DeepArTrainer;
import io.retailgen.forecast.TimeSeries;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of {@code --method generative}, shared by {@code forecast run} and {@code forecast evaluate}: load a
 * bundle written by {@link DeepArModel#toBundle(String, String)} with {@code --model DIR}, or train a small model on the data
 * with a message and a progress bar on standard error.
 */
final class GenerativeOptions {

    @Option(names = "--model", description = "generative: a bundle saved from DeepArModel.toBundle; without it a "
            + "small model is trained on the data first.")
    Path model;

    @Option(names = "--epochs", defaultValue = "20",
            description = "generative, no --model: training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--window", defaultValue = "12",
            description = "generative, no --model: lagged values the network sees (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--hidden", defaultValue = "16",
            description = "generative, no --model: hidden units (default: ${DEFAULT-VALUE}).")
    int hidden;

    /** True when an option of this group was given although the method is not generative. */
    boolean givenWithoutGenerative(CommandLine cl) {
        return model != null || cl.getParseResult().hasMatchedOption("--epochs")
                || cl.getParseResult().hasMatchedOption("--window") || cl.getParseResult().hasMatchedOption("--hidden");
    }

    /**
     * Checks the ranges of {@code --epochs}, {@code --window} and {@code --hidden} before any data is read.
     *
     * @param cl the command line
     * @param generative whether the method is generative (the options are checked only then)
     */
    void check(CommandLine cl, boolean generative) {
        if (generative && model == null) {
            OptionRanges.require(cl, "--epochs", epochs, 1, OptionRanges.MAX_EPOCHS);
            OptionRanges.require(cl, "--window", window, 1, OptionRanges.MAX_WINDOW);
            OptionRanges.require(cl, "--hidden", hidden, 1, OptionRanges.MAX_HIDDEN);
        }
    }

    /**
     * Loads {@code --model}, or trains a small model on {@code training} (drivers: every covariate name that all of
     * them carry).
     */
    DeepArModel obtain(CommandLine cl, List<TimeSeries> training, long seed) {
        PrintWriter err = cl.getErr();
        if (model != null) {
            if (!Files.isDirectory(model)) {
                throw new CommandLine.ParameterException(cl, "--model " + model + " is not a directory; expected a "
                        + "bundle saved from DeepArModel.toBundle");
            }
            DeepArModel m = DeepArModel.fromBundle(ModelBundle.load(model));
            err.println("loaded generative model " + m.name() + " from " + model + " (window " + m.window()
                    + ", drivers " + m.drivers() + ")");
            err.flush();
            return m;
        }
        check(cl, true);
        List<String> drivers = training.isEmpty() ? List.of()
                : training.get(0).covariates().keySet().stream()
                        .filter(k -> training.stream().allMatch(s -> s.covariates().containsKey(k))).sorted().toList();
        err.printf(Locale.ROOT, "no --model given: training a small generative model on %d series (window %d, "
                + "hidden %d, %d epochs, drivers %s); save one from DeepArModel.toBundle and pass --model DIR "
                + "to skip this%n", training.size(), window, hidden, epochs, drivers);
        err.flush();
        try (PrintStream bar = new PrintStream(new WriterStream(err), true, StandardCharsets.UTF_8)) {
            return DeepArTrainer.builder().drivers(drivers.toArray(String[]::new)).window(window)
                    .hidden(hidden).epochs(epochs).seed(seed)
                    .listener(ConsoleProgressBar.builder().out(bar).build()).build().train(training);
        }
    }

    /** Bytes to a writer, decoded as UTF-8 on every flush: lets the progress bar draw on the command's stderr. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter out;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        WriterStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public void flush() {
            out.write(buffer.toString(StandardCharsets.UTF_8));
            buffer.reset();
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
