package io.retailgen.cli.forecast;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code retailgen forecast}: evaluate forecasters on held-out data and produce demand scenarios. */
@Command(name = "forecast", description = "Probabilistic demand forecasts: evaluate on held-out data, or run one "
        + "series into scenarios, safety stock and a fan chart, or allocate stock over stores from scenarios.",
        subcommands = {EvaluateCommand.class, RunCommand.class, AllocateCommand.class})
public final class ForecastCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli calls this. */
    public ForecastCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
