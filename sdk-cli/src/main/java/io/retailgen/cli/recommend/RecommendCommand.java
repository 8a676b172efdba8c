package io.retailgen.cli.recommend;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code retailgen recommend}: train session-based recommenders and evaluate them with the next-item protocol. */
@Command(name = "recommend", description = "Session-based recommendations: train a model from a clickstream, or "
        + "evaluate next-item accuracy and serving latency on held-out sessions.",
        subcommands = {RecommendTrainCommand.class, RecommendEvaluateCommand.class})
public final class RecommendCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli calls this. */
    public RecommendCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
