package io.retailgen.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DataIssueTest {

    /** The shared data folder: the surefire property, else {@code ../../shared/data} from the module. */
    static Path sharedData() {
        String configured = System.getProperty("retailgen.shared.data");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
    }

    private static boolean safe(String s) {
        return s.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR);
    }

    @Test
    void escapesControlAndInvisibleCharacters() {
        assertThat(DataIssue.printable("a\tb\nc\rd", 80)).isEqualTo("a\\tb\\nc\\rd");
        assertThat(DataIssue.printable("x\u0000y\u001Bz", 80)).isEqualTo("x\\u0000y\\u001Bz");
        assertThat(DataIssue.printable("abc\u202Edef", 80)).isEqualTo("abc\\u202Edef");
        assertThat(DataIssue.printable("zero\u200Bwidth\uFEFF", 80)).isEqualTo("zero\\u200Bwidth\\uFEFF");
        assertThat(DataIssue.printable("line\u2028para\u2029", 80)).isEqualTo("line\\u2028para\\u2029");
        assertThat(DataIssue.printable("lone \uD800 high", 80)).isEqualTo("lone \\uD800 high");
        assertThat(DataIssue.printable("tag\uDB40\uDC01", 80)).isEqualTo("tag\\u{E0001}");
        assertThat(DataIssue.printable("caf\u00E9 \uD83D\uDE00 \\n", 80)).isEqualTo("caf\u00E9 \uD83D\uDE00 \\n");
    }

    @Test
    void shortensWithoutSplittingEscapesOrPairs() {
        String longText = "x".repeat(200);
        assertThat(DataIssue.printable(longText, 80)).hasSize(80).endsWith("...");
        String emoji = "\uD83D\uDE00".repeat(60);
        String cut = DataIssue.printable(emoji, 80);
        assertThat(cut).endsWith("...").hasSizeLessThanOrEqualTo(80);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 4))).isFalse();
        String controls = "\u0001".repeat(40);
        String cutControls = DataIssue.printable(controls, 80);
        assertThat(cutControls).matches("(\\\\u0001)+\\.\\.\\.");
        assertThat(DataIssue.printable("x".repeat(80), 80)).isEqualTo("x".repeat(80));
    }

    @Test
    void printableIsSafeBoundedAndIdempotentForAnyString() {
        qt().forAll(strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(0, 300), integers().between(8, 120))
                .checkAssert((s, max) -> {
                    String p = DataIssue.printable(s, max);
                    assertThat(p.length()).isLessThanOrEqualTo(max);
                    assertThat(safe(p)).as("printable(%s)", p).isTrue();
                    assertThat(DataIssue.printable(p, max)).isEqualTo(p);
                    if (s.length() <= max && safe(s)) {
                        assertThat(p).isEqualTo(s);
                    }
                });
    }

    @Test
    void issueValidatesAndDescribes() {
        DataIssue issue = new DataIssue(12, "Price", "negative price", "-3.50");
        assertThat(issue.describe()).isEqualTo("row 12, column Price: negative price (value \"-3.50\")");
        assertThat(new DataIssue(3, null, "too few fields", null).describe()).isEqualTo("row 3: too few fields");
        assertThatThrownBy(() -> new DataIssue(0, null, "r", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-based, was 0");
        assertThatThrownBy(() -> new DataIssue(1, null, " ", null)).isInstanceOf(IllegalArgumentException.class);
        DataIssue hostile = new DataIssue(1, "col\nname", "bad\u0000", "v".repeat(500));
        assertThat(hostile.column()).isEqualTo("col\\nname");
        assertThat(hostile.reason()).isEqualTo("bad\\u0000");
        assertThat(hostile.value()).hasSize(DataIssue.MAX_VALUE_LENGTH);
        assertThat(new DataIssue(1, hostile.column(), hostile.reason(), hostile.value())).isEqualTo(hostile);
    }

    @Test
    void naughtyStringsKeepTheReportReadable() throws IOException {
        Path blns = sharedData().resolve("text").resolve("blns.json");
        Assumptions.assumeTrue(Files.isRegularFile(blns),
                () -> "skipped: " + blns.toAbsolutePath() + " not found (set -Dretailgen.shared.data)");
        List<String> strings = new ObjectMapper().readValue(blns.toFile(), new TypeReference<List<String>>() { });
        assertThat(strings).hasSizeGreaterThan(400);
        DataValidator validator = DataValidator.builder().source("blns.json").mode(ValidationMode.LENIENT).build();
        long row = 0;
        for (String s : strings) {
            row++;
            validator.check(row, r -> {
                r.reject("text", "naughty string", s);
                return s;
            });
            validator.check(row, r -> r.parse("number", s, Long::parseLong));
        }
        DataReport report = validator.report();
        assertThat(report.rejected() + report.accepted()).isEqualTo(2L * strings.size());
        for (DataIssue issue : report.issues()) {
            assertThat(safe(issue.describe())).as(issue.describe()).isTrue();
            if (issue.value() != null) {
                assertThat(issue.value().length()).isLessThanOrEqualTo(DataIssue.MAX_VALUE_LENGTH);
            }
        }
        String summary = report.summary(Integer.MAX_VALUE);
        assertThat(summary.lines().count()).isEqualTo(1 + report.issues().size());
        String json = new ObjectMapper().writeValueAsString(report);
        assertThat(new ObjectMapper().readValue(json, DataReport.class)).isEqualTo(report);
    }
}
