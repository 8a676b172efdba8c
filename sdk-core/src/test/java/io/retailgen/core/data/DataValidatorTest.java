package io.retailgen.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DataValidatorTest {

    record Click(long session, long item, double time) {
    }

    private static final List<String> LINES = List.of(
            "1\t214536502\t1396839069.277",
            "1\t214536500\t1396839249.868",
            "2\tnot-a-number\t1396839309.0",
            "2\t214536506",
            "3\t214577561\t-5",
            "3\t214577561\t1396839400.5");

    private static List<Click> parse(DataValidator validator) {
        List<Click> clicks = new ArrayList<>();
        long line = 0;
        for (String text : LINES) {
            line++;
            validator.check(line, row -> {
                String[] f = text.split("\t", -1);
                if (f.length != 3) {
                    row.reject(null, "expected 3 tab-separated fields, found " + f.length, text);
                }
                long session = row.parse("SessionId", f[0], Long::parseLong);
                long item = row.parse("ItemId", f[1], Long::parseLong);
                double time = row.parse("Time", f[2], Double::parseDouble);
                row.require(time >= 0, "Time", "must be >= 0 (unix seconds)", time);
                return new Click(session, item, time);
            }).ifPresent(clicks::add);
        }
        return clicks;
    }

    @Test
    void lenientSkipsBadRowsAndKeepsGoodOnes() {
        DataValidator validator = DataValidator.builder().source("clicks.tsv").mode(ValidationMode.LENIENT).build();
        List<Click> clicks = parse(validator);
        assertThat(clicks).extracting(Click::item).containsExactly(214536502L, 214536500L, 214577561L);
        DataReport report = validator.report();
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.total()).isEqualTo(6);
        assertThat(report.clean()).isFalse();
        assertThat(report.issues()).extracting(DataIssue::row).containsExactly(3L, 4L, 5L);
        assertThat(report.issues().get(0).column()).isEqualTo("ItemId");
        assertThat(report.issues().get(0).reason()).startsWith("cannot parse: For input string");
        assertThat(report.issues().get(0).value()).isEqualTo("not-a-number");
        assertThat(report.issues().get(1).value()).isEqualTo("2\\t214536506");
        assertThat(report.issues().get(2).describe())
                .isEqualTo("row 5, column Time: must be >= 0 (unix seconds) (value \"-5.0\")");
        assertThat(report.summary()).startsWith("clicks.tsv: 3 rows accepted, 3 rejected (lenient)")
                .contains(System.lineSeparator() + "  row 4: expected 3 tab-separated fields, found 2");
    }

    @Test
    void strictThrowsAtTheFirstBadRowWithTheReport() {
        DataValidator validator = DataValidator.builder().source("clicks.tsv").build();
        assertThat(validator.mode()).isEqualTo(ValidationMode.STRICT);
        DataValidationException e = catchThrowableOfType(DataValidationException.class, () -> parse(validator));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATA);
        assertThat(e.report().accepted()).isEqualTo(2);
        assertThat(e.report().rejected()).isEqualTo(1);
        assertThat(e.report().issues()).singleElement().extracting(DataIssue::row).isEqualTo(3L);
        assertThat(e.getMessage()).contains("clicks.tsv", "row 3, column ItemId", "2 rows accepted before it",
                "LENIENT");
    }

    @Test
    void capsStoredIssuesButCountsAll() {
        DataValidator validator = DataValidator.builder().mode(ValidationMode.LENIENT).maxIssues(2).build();
        for (int i = 1; i <= 5; i++) {
            validator.reject(i, "c", "bad", i);
        }
        validator.accept();
        DataReport report = validator.report();
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.issues()).hasSize(2);
        assertThat(report.omittedIssues()).isEqualTo(3);
        assertThat(report.summary()).contains("... and 3 more (3 not kept: over the issue cap)");
        assertThat(report.summary(0).lines().count()).isEqualTo(1);
    }

    @Test
    void strictWithZeroCapStillNamesTheIssue() {
        DataValidator validator = DataValidator.builder().maxIssues(0).build();
        assertThatThrownBy(() -> validator.reject(7, "Price", "negative", -1))
                .isInstanceOf(DataValidationException.class).hasMessageContaining("row 7, column Price");
        assertThat(validator.report().issues()).isEmpty();
    }

    @Test
    void parserBugsPropagateAndNullResultsAreRejected() {
        DataValidator validator = DataValidator.lenient();
        assertThatThrownBy(() -> validator.check(1, row -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
        assertThatThrownBy(() -> validator.check(2, row -> null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("row 2");
        assertThat(validator.report().total()).isZero();
        Optional<String> missing = validator.check(3, row -> row.parse("c", null, s -> s));
        assertThat(missing).isEmpty();
        assertThat(validator.report().issues().get(0).reason()).isEqualTo("missing value");
    }

    @Test
    void reportIsJsonFriendly() throws Exception {
        DataValidator validator = DataValidator.builder().source("s").mode(ValidationMode.LENIENT).build();
        validator.accept();
        validator.reject(2, null, "bad \u0007 bell", "x\ny");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(validator.report()));
        assertThat(json.get("source").asText()).isEqualTo("s");
        assertThat(json.get("mode").asText()).isEqualTo("LENIENT");
        assertThat(json.get("accepted").asLong()).isEqualTo(1);
        assertThat(json.get("rejected").asLong()).isEqualTo(1);
        assertThat(json.get("issues").get(0).get("value").asText()).isEqualTo("x\\ny");
        assertThat(json.get("issues").get(0).get("reason").asText()).isEqualTo("bad \\u0007 bell");
        assertThat(mapper.readValue(mapper.writeValueAsString(validator.report()), DataReport.class))
                .isEqualTo(validator.report());
    }

    @Test
    void countsStayExactAcrossThreads() throws Exception {
        DataValidator validator = DataValidator.builder().mode(ValidationMode.LENIENT).maxIssues(10).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 1; i <= 1000; i++) {
                    int n = i;
                    validator.check(n, row -> {
                        row.require(n % 10 != 0, "n", "multiple of 10", n);
                        return n;
                    });
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        DataReport report = validator.report();
        assertThat(report.accepted()).isEqualTo(3600);
        assertThat(report.rejected()).isEqualTo(400);
        assertThat(report.issues()).hasSize(10);
    }

    @Test
    void reportValidates() {
        assertThatThrownBy(() -> new DataReport("s", ValidationMode.STRICT, 0, 0,
                List.of(new DataIssue(1, null, "r", null)))).hasMessageContaining("1 issues for only 0");
        assertThatThrownBy(() -> DataValidator.builder().maxIssues(-1)).hasMessageContaining("was -1");
    }
}
