package io.retailgen.cli;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.testing.TinySessions;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Bad input files and options: strict and lenient reading, limits, and the CLI's one-line errors. */
class InputHandlingTest {

    private static final String M_HEADER = "series,period,type,split,t,value\n";

    /**
     * Three yearly series of 14 rows; the first lacks t=5 (a gap, reported at line 7), repeats t=3 (line 5) and has a
     * non-number at t=8 (line 9; skipped, it leaves a second gap, reported at line 10).
     */
    static Path badForecastFile(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder(M_HEADER);
        for (int s = 0; s < 3; s++) {
            for (int t = 1; t <= 14; t++) {
                if (s == 0 && t == 5) {
                    continue; // the gap: line of t=6 reports it
                }
                sb.append("S").append(s).append(",YEARLY,MICRO,").append(t <= 10 ? "train" : "test").append(',')
                        .append(t).append(',').append(s == 0 && t == 8 ? "12;5" : 100 + 3 * t + s).append('\n');
                if (s == 0 && t == 3) {
                    sb.append("S0,YEARLY,MICRO,train,3,999\n");
                }
            }
        }
        return Files.writeString(dir.resolve("m.csv"), sb.toString());
    }

    @Test
    void forecastReadsStrictlyByDefaultAndNamesFileLineColumnAndValue(@TempDir Path dir) throws Exception {
        Path f = badForecastFile(dir);
        CliRun strict = run("forecast", "evaluate", "--data", f.toString(), "--format", "m-competition", "--paths",
                "50", "--json");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).startsWith("error: invalid data at " + f + ":5 (row 5, column t: duplicate period t=3")
                .contains("(value \"3\")").doesNotContain("\tat ");
        assertThat(strict.err().lines()).hasSize(1);
        assertThat(strict.err()).contains("(strict mode; --lenient skips bad rows and reports each)");
        JsonNode j = strict.json();
        assertThat(j.get("error").asText()).isEqualTo("invalid_data");
        assertThat(j.get("message").asText()).contains(f + ":5");
        assertThat(j.get("exit_code").asInt()).isEqualTo(1);
        CliRun run = run("forecast", "run", "--data", f.toString(), "--series", "S1", "--horizon", "3", "--out",
                dir.resolve("out").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(f + ":5");
    }

    @Test
    void forecastLenientModeSkipsAndPrintsEveryBadRowAndTheCount(@TempDir Path dir) throws Exception {
        Path f = badForecastFile(dir);
        CliRun r = run("forecast", "evaluate", "--data", f.toString(), "--format", "m-competition", "--paths", "50",
                "--lenient", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("rows_rejected").asInt()).isEqualTo(4);
        assertThat(r.err()).contains("40 rows accepted, 4 rejected (lenient)")
                .contains("row 5, column t: duplicate period t=3 of series S0 (first at line 4); the first row is "
                        + "kept (value \"3\")")
                .contains("row 9, column value: cannot parse")
                .contains("row 7, column t: gap in series S0: t jumps from 4 to 6")
                .contains("row 10, column t: gap in series S0: t jumps from 7 to 9")
                .doesNotContain("\tat ");
        CliRun run = run("forecast", "run", "--data", f.toString(), "--series", "S0", "--horizon", "3", "--paths",
                "50", "--out", dir.resolve("out").toString(), "--lenient", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("4 rejected (lenient)");
    }

    @Test
    void recommendReadsStrictlyByDefaultAndLenientlyOnRequest(@TempDir Path dir) throws Exception {
        Path good = TinySessions.write(dir.resolve("good.tsv"), 60, 12, 5);
        Path events = dir.resolve("events.tsv");
        Files.writeString(events, Files.readString(good) + "9\t3\tyesterday\n");
        long line = Files.readAllLines(events).size();
        Path model = dir.resolve("model");
        CliRun strict = run("recommend", "train", "--events", events.toString(), "--out", model.toString(),
                "--no-sequence-model");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).startsWith("error: invalid data at " + events + ":" + line + " (row " + line
                + ", column time: unparsable timestamp 'yesterday'");
        CliRun lenient = run("recommend", "train", "--events", events.toString(), "--out", model.toString(),
                "--no-sequence-model", "--lenient", "--json");
        assertThat(lenient.code()).as(lenient.err()).isZero();
        assertThat(lenient.json().get("skipped_rows").asInt()).isEqualTo(1);
        assertThat(lenient.err()).contains("1 rejected (lenient)").contains("row " + line + ", column time");
    }

    @Test
    void optionsThatSizeAllocationsHaveLimitsAndStrictNumbers(@TempDir Path dir) throws Exception {
        Path f = badForecastFile(dir);
        String[] base = {"forecast", "run", "--data", f.toString(), "--series", "S1", "--out",
            dir.resolve("o").toString()};
        CliRun exp = run(concat(base, "--horizon", "1e8"));
        assertThat(exp.code()).isEqualTo(2);
        assertThat(exp.err()).contains("--horizon").contains("\"1e8\" is not an integer");
        CliRun big = run(concat(base, "--horizon", "100000000", "--json"));
        assertThat(big.code()).isEqualTo(2);
        assertThat(big.err()).isEqualTo("error: --horizon must be >= 1 and <= 10,000, was 100,000,000 (see "
                + "'retailgen forecast run --help')" + System.lineSeparator());
        assertThat(big.json().get("error").asText()).isEqualTo("usage");
        CliRun product = run(concat(base, "--horizon", "10000", "--paths", "100000"));
        assertThat(product.err()).contains("--paths x --horizon must be at most 10,000,000 scenario values");
        assertThat(run(concat(base, "--horizon", "3", "--paths", "0x10")).err()).contains("--paths")
                .contains("not an integer");
        assertThat(run(concat(base, "--horizon", "3", "--service-level", "NaN")).err())
                .contains("--service-level").contains("\"NaN\" is not a decimal number");
        assertThat(run(concat(base, "--horizon", "3", "--method", "generative", "--hidden", "100000")).err())
                .contains("--hidden must be >= 1 and <= 1,024");
        assertThat(run("forecast", "evaluate", "--data", f.toString(), "--format", "csv", "--holdout", "20000")
                .err()).contains("--holdout must be >= 1 and <= 10,000");
        assertThat(run("recommend", "evaluate", "--train", f.toString(), "--test", f.toString(), "--k", "5000")
                .err()).contains("--k must be >= 1 and <= 1,000");
        assertThat(run("recommend", "train", "--events", f.toString(), "--out", dir.toString(), "--epochs",
                "99999999").err()).contains("--epochs must be >= 1 and <= 10,000");
        assertThat(run("imagegen", "generate", "--model", dir.toString(), "--category", "1", "--count", "2000000",
                "--out", dir.toString()).err()).contains("--count must be >= 1 and <= 1,000,000");
        assertThat(run("imagegen", "train", "--images", f.toString(), "--labels", f.toString(), "--out",
                dir.toString(), "--width", "100000").err()).contains("--width must be >= 4 and <= 512");
        assertThat(run("demo", "--epochs", "1e3").err()).contains("--epochs").contains("not an integer");
    }

    @Test
    void aHugeOneLineInputFailsWithOneShortLineAndBoundedMemory(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("long.csv");
        byte[] chunk = "7\u0007".repeat(1 << 19).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(M_HEADER.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
        }
        CliRun r = run("forecast", "run", "--data", f.toString(), "--series", "S", "--horizon", "3", "--out",
                dir.resolve("o").toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l).hasSizeLessThan(500)
                .startsWith("error: " + f + ":2: line is longer than the limit of 1,048,576 characters")
                .doesNotContain("\u0007"));
        assertThat(r.json().get("error").asText()).isEqualTo("invalid_data");
    }

    @Test
    void governanceScanDropsAByteOrderMarkAndRefusesHugeFilesUnread(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "hello there\nsecond line\n");
        Path bom = Files.writeString(dir.resolve("bom.txt"), "\uFEFFhello there\nsecond line\n");
        for (String mode : new String[] {"--in", "--file"}) {
            CliRun a = run("governance", "scan", mode, plain.toString(), "--json");
            CliRun b = run("governance", "scan", mode, bom.toString(), "--json");
            assertThat(b.code()).as(b.err()).isZero();
            assertThat(b.out().replaceAll("\"seconds\":[^}]*", "")).as(mode)
                    .isEqualTo(a.out().replaceAll("\"seconds\":[^}]*", "")).contains("\"verdict\":\"ALLOW\"");
        }
        Path huge = dir.resolve("huge.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB, never read
        }
        CliRun r = run("governance", "scan", "--in", huge.toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("3,221,225,472 bytes, over the limit of 67,108,864");
    }

    /** Stand-ins for commands that fail in the ways no input should be able to show the user. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0")
        String how;

        @picocli.CommandLine.Option(names = "--json")
        boolean json;

        @picocli.CommandLine.Option(names = "--debug")
        boolean debug;

        @Override
        public Integer call() {
            switch (how) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "deep" -> {
                    return recurse(0);
                }
                case "npe" -> throw new NullPointerException();
                default -> throw new IllegalStateException("bad state \u001B[31m\nsecond line");
            }
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    private static CliRun boom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetailGenCli.execute(Boom::new, args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void errorsAndUnexpectedExceptionsBecomeOneLineWithoutAStackTraceUnlessDebugging() throws Exception {
        CliRun oom = boom("oom", "--json");
        assertThat(oom.code()).isEqualTo(1);
        assertThat(oom.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("error: out of memory")
                .contains("-Xmx"));
        assertThat(oom.json().get("error").asText()).isEqualTo("out_of_memory");
        CliRun deep = boom("deep");
        assertThat(deep.code()).isEqualTo(1);
        assertThat(deep.err()).isEqualTo("error: the input is nested too deeply to process (stack overflow)"
                + System.lineSeparator());
        CliRun npe = boom("npe", "--json");
        assertThat(npe.err().lines()).singleElement().satisfies(l -> assertThat(l)
                .isEqualTo("error: internal error (NullPointerException); rerun with --debug for the stack trace and "
                        + "report it"));
        assertThat(npe.json().get("error").asText()).isEqualTo("internal");
        CliRun state = boom("state");
        assertThat(state.err()).isEqualTo("error: bad state \\u001B[31m\\nsecond line" + System.lineSeparator());
        CliRun debug = boom("npe", "--debug");
        assertThat(debug.err()).contains("\tat ").contains("NullPointerException");
        CliRun real = run("forecast", "run", "--debug", "--data", "missing.csv", "--series", "S", "--horizon", "1",
                "--out", "o");
        assertThat(real.code()).isEqualTo(2);
        assertThat(real.err()).contains("--data missing.csv is not a readable file").contains("\tat ");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
