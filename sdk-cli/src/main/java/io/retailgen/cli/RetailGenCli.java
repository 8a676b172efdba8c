package io.retailgen.cli;

import io.retailgen.training.TrainingEngine;
import io.retailgen.core.data.StrictNumbers;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code retailgen} command. Every subcommand accepts {@code --json}, and then prints one JSON object as the last
 * line of standard output. Errors go to standard error as one line {@code error: ...} with a non-zero exit status: 1
 * for a failure while running (out of memory and unexpected exceptions included), 2 for a bad command line; with
 * {@code --json} the last line of standard output is then {@code {"error": KIND, "message": TEXT, "exit_code": N}}.
 * No stack trace is printed unless {@code --debug} is given or the environment variable {@code RETAILGEN_DEBUG} is
 * {@code 1} or {@code true} (or the system property {@code retailgen.debug} is {@code true}). Numbers in options are
 * plain decimals ({@code 1e8} is not an integer, {@code 0x10} and {@code NaN} are not numbers).
 */
@Command(name = "retailgen", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "RetailGen SDK: generative AI for Java commerce.",
        subcommands = {VersionCommand.class, DoctorCommand.class, DemoCommand.class,
                io.retailgen.cli.forecast.ForecastCommand.class,
                io.retailgen.cli.imagegen.ImagegenCommand.class,
                io.retailgen.cli.governance.GovernanceCommand.class, io.retailgen.cli.governance.AuditCommand.class,
                io.retailgen.cli.recommend.RecommendCommand.class,
                io.retailgen.cli.recommend.FederatedCommand.class,
                io.retailgen.cli.bundle.BundleCommand.class,
                CommandLine.HelpCommand.class})
public final class RetailGenCli implements Runnable {

    /** Name of the environment variable that turns on stack traces. */
    static final String DEBUG_ENV = "RETAILGEN_DEBUG";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, also print the full stack trace (or set RETAILGEN_DEBUG=1).")
    boolean debug;

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
        return execute(RetailGenCli::new, args, out, err);
    }

    /** Runs {@code command} (the {@code retailgen} command, or a stand-in in tests) with the CLI's error handling. */
    static int execute(Supplier<Object> command, String[] args, PrintWriter out, PrintWriter err) {
        Failure failure = new Failure(out, err, Arrays.asList(args).contains("--json"), debugRequested(args));
        int code;
        try {
            CommandLine cl = new CommandLine(command.get());
            registerStrictNumbers(cl);
            addHelpOptions(cl);
            cl.setOut(out);
            cl.setErr(err);
            cl.setParameterExceptionHandler((ex, a) -> failure.usage(ex));
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure.run(ex));
            code = cl.execute(args);
        } catch (Throwable t) { // errors (out of memory, stack overflow) pass picocli's handlers
            code = failure.run(t);
        }
        out.flush();
        err.flush();
        return code;
    }

    private static boolean debugRequested(String[] args) {
        String env = System.getenv(DEBUG_ENV);
        return Arrays.asList(args).contains("--debug") || Boolean.getBoolean("retailgen.debug")
                || env != null && (env.equals("1") || env.equalsIgnoreCase("true"));
    }

    /**
     * Gives every subcommand {@code -h, --help} ("see 'retailgen forecast run --help'" in an error must work). Not
     * {@code --version}: some subcommands have a {@code --version} option of their own (the version of the model they
     * write).
     */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOptions(sub);
        }
    }

    private static void registerStrictNumbers(CommandLine cl) {
        CommandLine.ITypeConverter<Integer> ints = strict(StrictNumbers::parseInt);
        CommandLine.ITypeConverter<Long> longs = strict(StrictNumbers::parseLong);
        CommandLine.ITypeConverter<Double> doubles = strict(StrictNumbers::parseDouble);
        CommandLine.ITypeConverter<Float> floats = strict(s -> {
            double d = StrictNumbers.parseDouble(s);
            if (Float.isInfinite((float) d)) {
                throw new IllegalArgumentException("\"" + s + "\" is too large for a float");
            }
            return (float) d;
        });
        cl.registerConverter(Integer.class, ints).registerConverter(int.class, ints)
                .registerConverter(Long.class, longs).registerConverter(long.class, longs)
                .registerConverter(Double.class, doubles).registerConverter(double.class, doubles)
                .registerConverter(Float.class, floats).registerConverter(float.class, floats);
    }

    private static <T> CommandLine.ITypeConverter<T> strict(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
