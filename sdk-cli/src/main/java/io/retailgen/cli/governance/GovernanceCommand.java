package io.retailgen.cli.governance;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code retailgen governance}: content-policy tools. */
@Command(name = "governance", description = "Content policy for generated text.",
        subcommands = {ScanCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class GovernanceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command (picocli instantiates it). */
    public GovernanceCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
