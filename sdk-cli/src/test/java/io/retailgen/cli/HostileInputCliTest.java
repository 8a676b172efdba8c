package io.retailgen.cli;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.retailgen.core.data.DataIssue;
import io.retailgen.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command of the CLI against the Big List of Naughty Strings (as arguments, option values and file contents),
 * empty files, binary garbage and NaN values: whatever the input, a run ends with an exit status of 0, 1 or 2, and a
 * failure prints exactly one {@code error:} line and never a stack trace.
 */
class HostileInputCliTest {

    /** Commands that would do real work (train, write a registry) with benign values: only given bad arguments. */
    private static final Set<String> ARGUMENTS_ONLY = Set.of("retailgen", "retailgen demo", "retailgen doctor",
            "retailgen version", "retailgen help", "retailgen audit keygen", "retailgen audit verify");

    /** Keeps a command of {@link #ARGUMENTS_ONLY} from running whatever the naughty string before it does. */
    private static final String NO_SUCH_OPTION = "--no-such-option";

    @TempDir
    static Path dir;

    private static List<CommandLine> leaves;

    @BeforeAll
    static void commands() {
        leaves = new ArrayList<>();
        collect(new CommandLine(new RetailGenCli()), leaves);
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (CommandLine sub : new java.util.LinkedHashSet<>(cl.getSubcommands().values())) {
            if (!sub.getCommandName().equals("help")) {
                collect(sub, out);
            }
        }
    }

    private static List<String> path(CommandLine cl) {
        List<String> p = new ArrayList<>(List.of(cl.getCommandSpec().qualifiedName().split(" ")));
        p.remove(0);
        return p;
    }

    private static boolean isPath(OptionSpec o) {
        return o.type() == Path.class || o.type() == java.io.File.class;
    }

    /** Runs a command line and checks the contract of every run. */
    private static void assertClean(List<String> args) {
        CliRun r = run(args.toArray(String[]::new));
        String what = String.join(" ", args);
        assertThat(r.code()).as(what).isBetween(0, 2);
        assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception in thread")
                .doesNotContain("Caused by:");
        if (r.code() != 0) {
            List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
            assertThat(errors).as(what + "\n" + r.err()).hasSize(1);
            assertThat(errors.get(0)).as(what).hasSizeLessThan(1000)
                    .isEqualTo(DataIssue.printable(errors.get(0), Integer.MAX_VALUE)); // no raw control characters
        }
    }

    /**
     * The command with its required options filled: files for paths (holding {@code content}), small numbers, short
     * words; {@code naughty} is the value of {@code target} (a path option gets a file holding it instead).
     */
    private static List<String> withOptions(CommandLine cl, Path content, OptionSpec target, String naughty,
            boolean everyPath) throws IOException {
        List<String> args = new ArrayList<>(path(cl));
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o == target) {
                args.add(o.longestName());
                args.add(isPath(o) ? Files.writeString(Files.createTempFile(dir, "value", ".txt"), naughty)
                        .toString() : naughty);
            } else if (o.required() || everyPath && isPath(o) && o.arity().max() > 0) {
                args.add(o.longestName());
                args.add(isPath(o) ? content.toString() : o.type() == int.class || o.type() == Integer.class
                        || o.type() == long.class ? "1" : o.type() == double.class || o.type() == float.class ? "0.5"
                        : "x");
            }
        }
        return args;
    }

    private static List<OptionSpec> valuedOptions(CommandLine cl) {
        return cl.getCommandSpec().options().stream().filter(o -> o.arity().max() > 0 && !o.usageHelp()
                && !o.versionHelp()).toList();
    }

    /**
     * Each naughty string goes to one command as an extra argument and to one option of one command as its value (or
     * as the contents of the file a path option names), commands and options taken in turn; with
     * {@code -Dretailgen.fuzz.full=true} every string goes to every command (about 14,000 runs, some minutes).
     */
    @Test
    void everyCommandSurvivesTheNaughtyStrings() throws Exception {
        Path file = SharedData.require("text/blns.json");
        List<String> strings = Json.MAPPER.readValue(file.toFile(), new TypeReference<List<String>>() { });
        assertThat(strings).hasSizeGreaterThan(400);
        Path naughtyLines = Files.writeString(dir.resolve("blns.txt"), String.join("\n", strings));
        boolean full = Boolean.getBoolean("retailgen.fuzz.full");
        List<CommandLine> withInputs = leaves.stream()
                .filter(cl -> !ARGUMENTS_ONLY.contains(cl.getCommandSpec().qualifiedName())
                        && !valuedOptions(cl).isEmpty()).toList();
        assertThat(withInputs).extracting(cl -> cl.getCommandSpec().qualifiedName()).contains("retailgen forecast run",
                "retailgen forecast evaluate", "retailgen recommend train", "retailgen recommend evaluate",
                "retailgen imagegen train", "retailgen imagegen evaluate", "retailgen imagegen generate",
                "retailgen imagegen recolor", "retailgen imagegen vary",
                "retailgen governance scan");
        int runs = 0;
        for (int i = 0; i < strings.size(); i++) {
            String s = strings.get(i);
            for (CommandLine cl : full ? leaves : List.of(leaves.get(i % leaves.size()))) {
                List<String> positional = new ArrayList<>(path(cl));
                positional.add(s);
                if (ARGUMENTS_ONLY.contains(cl.getCommandSpec().qualifiedName())) {
                    positional.add(NO_SUCH_OPTION); // "--" alone would end the options and run the demo
                }
                assertClean(positional);
                runs++;
            }
            for (CommandLine cl : full ? withInputs : List.of(withInputs.get(i % withInputs.size()))) {
                List<OptionSpec> options = valuedOptions(cl);
                assertClean(withOptions(cl, naughtyLines, options.get(i / withInputs.size() % options.size()), s,
                        false));
                runs++;
            }
        }
        assertThat(runs).isGreaterThanOrEqualTo(2 * strings.size());
    }

    @Test
    void everyCommandSurvivesEmptyFilesBinaryGarbageAndNaNs() throws Exception {
        byte[] garbage = new byte[64 << 10];
        new SplittableRandom(11).nextBytes(garbage);
        List<Path> contents = List.of(Files.write(dir.resolve("empty.csv"), new byte[0]),
                Files.write(dir.resolve("garbage.bin"), garbage),
                Files.writeString(dir.resolve("nan.txt"), "NaN\nNaN\tNaN\tNaN\n"));
        for (CommandLine cl : leaves) {
            if (ARGUMENTS_ONLY.contains(cl.getCommandSpec().qualifiedName())) {
                continue;
            }
            for (Path content : contents) {
                assertClean(withOptions(cl, content, null, "", false));
                assertClean(withOptions(cl, content, null, "", true));
            }
        }
        StringBuilder m = new StringBuilder("series,period,type,split,t,value\n");
        StringBuilder events = new StringBuilder("SessionId\tItemId\tTime\n");
        for (int t = 1; t <= 20; t++) {
            m.append("A,MONTHLY,MICRO,").append(t <= 14 ? "train" : "test").append(',').append(t).append(",NaN\n");
            events.append(t / 4).append('\t').append(t % 5).append("\tNaN\n");
        }
        Path nanSeries = Files.writeString(dir.resolve("nan-series.csv"), m.toString(), StandardCharsets.UTF_8);
        Path nanEvents = Files.writeString(dir.resolve("nan-events.tsv"), events.toString(), StandardCharsets.UTF_8);
        assertClean(List.of("forecast", "run", "--data", nanSeries.toString(), "--series", "A", "--horizon", "3",
                "--paths", "20", "--out", dir.resolve("o").toString()));
        assertClean(List.of("forecast", "evaluate", "--data", nanSeries.toString(), "--format", "m-competition",
                "--paths", "20"));
        assertClean(List.of("recommend", "train", "--events", nanEvents.toString(), "--out",
                dir.resolve("m").toString(), "--no-sequence-model", "--lenient"));
        assertClean(List.of("recommend", "train", "--events", nanEvents.toString(), "--out",
                dir.resolve("m").toString(), "--no-sequence-model"));
    }
}
