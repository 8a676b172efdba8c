package io.retailgen.cli;

import io.retailgen.training.TrainingEngine;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code retailgen} command. Every subcommand accepts {@code --json}, and then prints one JSON object as the last
 * line of standard output. Errors go to standard error with a non-zero exit status: 1 for a failure while running, 2
 * for a bad command line.
 */
@Command(name = "retailgen", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "RetailGen SDK: generative AI for Java commerce.",
        subcommands = {VersionCommand.class, DoctorCommand.class, DemoCommand.class,
                io.retailgen.cli.forecast.ForecastCommand.class,
                io.retailgen.cli.imagegen.ImagegenCommand.class,
                io.retailgen.cli.governance.GovernanceCommand.class, io.retailgen.cli.governance.AuditCommand.class,
                io.retailgen.cli.recommend.RecommendCommand.class,
                io.retailgen.cli.bundle.BundleCommand.class,
                CommandLine.HelpCommand.class})
public final class RetailGenCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // the command owns its JVM: DJL never downloads, and unpacks PyTorch into ~/.retailgen/djl unless told otherwise
        TrainingEngine.configureJvm(null);
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given streams; used by tests.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RetailGenCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + message(ex));
            if (Boolean.getBoolean("retailgen.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.toString() : m;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
