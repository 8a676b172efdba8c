package io.retailgen.cli;

import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataReport;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.data.ValidationMode;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --lenient} option of the commands that read data files. Strict (the default): the first bad row fails
 * the command with {@code file:line}, the column and the value. Lenient: bad rows are skipped, and each is printed on
 * standard error with its row, column, value and reason, followed by the count.
 */
public final class InputMode {

    @Option(names = "--lenient", description = "Skip bad input rows (each is printed on standard error with its row, "
            + "column, value and reason, then the count) instead of failing at the first one (strict, the default).")
    boolean lenient;

    /** Creates the option group; picocli calls this. */
    public InputMode() {
    }

    /** @return true when bad rows are skipped and reported */
    public boolean lenient() {
        return lenient;
    }

    /** @return the validation mode the option selects */
    public ValidationMode mode() {
        return lenient ? ValidationMode.LENIENT : ValidationMode.STRICT;
    }

    /**
     * @param source the input's name in messages, such as its file name
     * @return a validator in the selected mode
     */
    public DataValidator validator(String source) {
        return DataValidator.builder().source(source).mode(mode()).build();
    }

    /**
     * Prints the rows a lenient read skipped (every kept issue, then the count); prints nothing for a clean read.
     *
     * @param err standard error of the command
     * @param report what the reader saw
     */
    public static void printSkipped(PrintWriter err, DataReport report) {
        if (!report.clean()) {
            String prefix = "warning: skipped bad rows of ";
            for (String line : report.summary(DataValidator.DEFAULT_MAX_ISSUES).split(System.lineSeparator())) {
                err.println(prefix + DataIssue.printable(line, 1200));
                prefix = "";
            }
            err.flush();
        }
    }
}
