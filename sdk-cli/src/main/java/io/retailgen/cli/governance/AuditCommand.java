package io.retailgen.cli.governance;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code retailgen audit}: verify the tamper-evident audit log, anchor it and make its keys. */
@Command(name = "audit", description = "Tamper-evident audit log: verify, anchor, keygen.",
        subcommands = {AuditVerifyCommand.class, AuditAnchorCommand.class, AuditKeygenCommand.class,
            CommandLine.HelpCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command (picocli instantiates it). */
    public AuditCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
