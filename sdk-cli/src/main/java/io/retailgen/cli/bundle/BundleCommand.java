package io.retailgen.cli.bundle;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code retailgen bundle}: verify and sign model bundles. */
@Command(name = "bundle", description = "Model bundles: verify, sign.",
        subcommands = {BundleVerifyCommand.class, BundleSignCommand.class, CommandLine.HelpCommand.class})
public final class BundleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command (picocli instantiates it). */
    public BundleCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
