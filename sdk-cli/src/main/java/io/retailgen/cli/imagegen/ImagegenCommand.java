package io.retailgen.cli.imagegen;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code retailgen imagegen}: train an image model bundle, generate category-true product images from it, and
 * evaluate generation quality against real test images.
 */
@Command(name = "imagegen", description = "Product images: train, generate, evaluate; recolour and vary real photos.",
        subcommands = {TrainCommand.class, GenerateCommand.class, EvaluateCommand.class, RecolorCommand.class,
            VaryCommand.class})
public final class ImagegenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Prints the usage of the group. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
