package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code retailgen imagegen}: train an image model bundle, generate category-true product images from it, and
 * evaluate generation quality against real test images.
 */
@Command(name = "imagegen", description = "Product-image generation: train, generate, evaluate.",
        subcommands = {TrainCommand.class, GenerateCommand.class, EvaluateCommand.class})
public final class ImagegenCommand implements Runnable {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Prints the usage of the group. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void printJson(PrintWriter out, ObjectNode node) {
        out.println(node.toString());
        out.flush();
    }

    static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
