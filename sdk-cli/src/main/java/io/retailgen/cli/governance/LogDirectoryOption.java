package io.retailgen.cli.governance;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --log DIR} (alias {@code --dir}) option of the audit commands that read an existing log. */
final class LogDirectoryOption {

    @Option(names = {"--log", "--dir"}, required = true, paramLabel = "DIR", description = "The log directory.")
    Path dir;

    /** @return the directory, after checking that it is one (exit 2 otherwise) */
    Path existing(CommandLine cl) {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(cl, "--log " + dir + " is not a directory");
        }
        return dir;
    }
}
