package io.retailgen.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Turns any failure of a command into one error line on standard error (and, with {@code --json}, one JSON object
 * {@code {"error": KIND, "message": TEXT, "exit_code": N}} as the last line of standard output) and an exit status:
 * 2 for a bad command line, 1 for everything else, including {@link OutOfMemoryError}, {@link StackOverflowError}
 * and unexpected exceptions. The message is made printable and short ({@link DataIssue#printable}), whatever the
 * input held. The stack trace is printed only in debug mode ({@code --debug}, {@code RETAILGEN_DEBUG=1} or
 * {@code -Dretailgen.debug=true}).
 */
final class Failure {

    /** Exit status of a failure while running. */
    static final int RUN_FAILED = 1;
    /** Exit status of a bad command line. */
    static final int USAGE = 2;

    private static final int MAX_MESSAGE = 800;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean debug;

    Failure(PrintWriter out, PrintWriter err, boolean json, boolean debug) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.debug = debug;
    }

    /** A bad command line: the message and, on the same line, a pointer to the command's help. */
    int usage(CommandLine.ParameterException ex) {
        String command = ex.getCommandLine() == null ? "retailgen"
                : ex.getCommandLine().getCommandSpec().qualifiedName();
        print("usage", text(ex) + " (see '" + command + " --help')", USAGE, ex);
        return USAGE;
    }

    /** A failure while running, or an error thrown past the command line parser. */
    int run(Throwable ex) {
        if (ex instanceof CommandLine.ParameterException p) {
            return usage(p);
        }
        String kind;
        String message;
        if (ex instanceof OutOfMemoryError) {
            kind = "out_of_memory";
            message = String.format(Locale.ROOT, "out of memory: the input or the options need more than the Java "
                    + "heap of %,d MiB; use a smaller input or smaller options (the help lists their ranges), or "
                    + "raise the heap with -Xmx", Runtime.getRuntime().maxMemory() >> 20);
        } else if (ex instanceof StackOverflowError) {
            kind = "stack_overflow";
            message = "the input is nested too deeply to process (stack overflow)";
        } else if (ex instanceof DataValidationException d && !d.report().issues().isEmpty()) {
            kind = d.code().name().toLowerCase(Locale.ROOT);
            DataIssue issue = d.report().issues().get(d.report().issues().size() - 1);
            message = String.format(Locale.ROOT, "invalid data at %s:%d (%s); %,d rows accepted before it (strict "
                    + "mode; --lenient skips bad rows and reports each)", d.report().source(), issue.row(),
                    issue.describe(), d.report().accepted());
        } else if (ex instanceof RetailGenException r) {
            kind = r.code().name().toLowerCase(Locale.ROOT);
            message = text(ex);
        } else if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            kind = "invalid_argument";
            message = text(ex);
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            kind = "io";
            message = text(ex);
        } else {
            kind = "internal";
            message = "internal error (" + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + "); rerun with --debug for the "
                    + "stack trace and report it";
        }
        print(kind, message, RUN_FAILED, ex);
        return RUN_FAILED;
    }

    private void print(String kind, String message, int code, Throwable ex) {
        String line = DataIssue.printable(message, MAX_MESSAGE);
        err.println("error: " + line);
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (json) {
            ObjectNode o = Json.object();
            o.put("error", kind);
            o.put("message", line);
            o.put("exit_code", code);
            Json.print(out, o);
        }
    }

    private static String text(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return ex instanceof UncheckedIOException || ex instanceof IOException ? "cannot read or write: " + m : m;
    }
}
