package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataReport;
import io.retailgen.core.data.DataValidationException;
import io.retailgen.core.data.DataValidator;
import io.retailgen.testing.SharedData;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesReaderTest {

    @Test
    void readsMCompetitionKeepingGoodRowsAndReportingBadOnes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "series,period,type,split,t,value\n"
                + "A,YEARLY,MICRO,train,2,20\n"
                + "A,YEARLY,MICRO,train,1,10\n"
                + "A,YEARLY,MICRO,train,3,NA\n"
                + "A,YEARLY,MICRO,test,4,40\n"
                + "B,QUARTERLY,MACRO,train,1,abc\n"
                + "B,WEEKDAYLY,MACRO,train,2,5\n"
                + "B,QUARTERLY,MACRO,train,3,7\n");
        DataValidator v = DataValidator.lenient();
        List<LabeledSeries> s = TimeSeriesReader.readMCompetition(f, v);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).train().values()).containsExactly(10, 20, Double.NaN);
        assertThat(s.get(0).test()).containsExactly(40);
        assertThat(s.get(0).train().frequency()).isEqualTo(Frequency.YEARLY);
        assertThat(s.get(1).train().values()).containsExactly(7);
        DataReport r = v.report();
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.issues().get(0).column()).isEqualTo("value");
        assertThat(r.issues().get(1).reason()).contains("unknown frequency");
        assertThatThrownBy(() -> TimeSeriesReader.readMCompetition(f, DataValidator.strict()))
                .isInstanceOf(DataValidationException.class);
    }

    @Test
    void readsAHierarchicalCsvWithQuotesGapsAndDuplicates(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, "\"Region\",\"Store\",\"Month\",\"Sales\"\n"
                + "\"North, upper\",s1,2020-01,5\n"
                + "\"North, upper\",s1,2020-03,7\n"
                + "\"North, upper\",s2,2020-01,1\n"
                + "\"North, upper\",s2,2020-01,2\n"
                + "South,s3,2020-02,NA\n"
                + "South,s3,2020-13,9\n");
        DataValidator v = DataValidator.lenient();
        HierarchicalData d = TimeSeriesReader.readHierarchical(f, "Month", "Sales", List.of("Region", "Store"), v);
        assertThat(d.periods()).containsExactly("2020-01", "2020-02", "2020-03");
        assertThat(d.hierarchy().ids()).containsExactly("Total", "North, upper", "South", "North, upper/s1",
                "North, upper/s2", "South/s3");
        assertThat(d.series().get(3).values()).containsExactly(5, 0, 7);
        assertThat(d.series().get(4).values()).containsExactly(1, 0, 0); // the duplicate row: first kept
        assertThat(d.series().get(0).values()).containsExactly(6, 0, 7);
        assertThat(d.series().get(0).frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(v.report().rejected()).isEqualTo(3); // the duplicate, month 13, the gap of s1 at 2020-02
        assertThat(v.report().issues()).extracting(DataIssue::row).containsExactly(5L, 7L, 3L);
        assertThat(v.report().issues().get(0).reason()).contains("duplicate", "line 4", "first row is kept");
        assertThat(v.report().issues().get(2).reason()).contains("gap in series North, upper/s1", "2020-02",
                "count as zero");
        assertThatThrownBy(() -> TimeSeriesReader.readHierarchical(f, "Date", "Sales", List.of("Region"), v))
                .hasMessageContaining("no column 'Date'");
    }

    @Test
    void readsTheSharedFiles() {
        DataValidator v = DataValidator.lenient();
        HierarchicalData aus = TimeSeriesReader.readAusRetail(SharedData.require("timeseries/aus-retail.csv"), v);
        assertThat(aus.hierarchy().levelNames()).containsExactly("Total", "State", "Industry");
        assertThat(aus.periods().get(0)).isEqualTo("1982-04");
        assertThat(aus.hierarchy().size()).isGreaterThan(100);
        assertThat(v.report().rejected()).isZero();
    }

    private static final String M_HEADER = "series,period,type,split,t,value\n";

    @Test
    void gapsDuplicatesAndNonNumbersFailStrictModeWithFileLineColumnAndValue(@TempDir Path dir) throws Exception {
        Path gap = dir.resolve("gap.csv");
        Files.writeString(gap, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2,11\n"
                + "A,YEARLY,MICRO,train,4,13\nA,YEARLY,MICRO,test,5,14\n");
        assertThatThrownBy(() -> TimeSeriesReader.readMCompetition(gap, DataValidator.builder()
                .source(gap.toString()).build())).isInstanceOf(DataValidationException.class)
                .hasMessageContaining(gap + ":4").hasMessageContaining("column t")
                .hasMessageContaining("t jumps from 2 to 4").hasMessageContaining("(value \"4\")");
        Path dup = dir.resolve("dup.csv");
        Files.writeString(dup, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2,11\n"
                + "A,YEARLY,MICRO,train,2,99\nA,YEARLY,MICRO,test,3,14\n");
        assertThatThrownBy(() -> TimeSeriesReader.readMCompetition(dup, DataValidator.builder()
                .source(dup.toString()).build())).hasMessageContaining(dup + ":4")
                .hasMessageContaining("duplicate period t=2 of series A (first at line 3)");
        for (String bad : new String[] {"1d", "0x1p3", "Infinity", "1e400", "12abc", "--1"}) {
            Path f = dir.resolve("bad.csv");
            Files.writeString(f, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2," + bad + "\n");
            assertThatThrownBy(() -> TimeSeriesReader.readMCompetition(f, DataValidator.builder()
                    .source(f.toString()).build())).as(bad).isInstanceOf(DataValidationException.class)
                    .hasMessageContaining(f + ":3").hasMessageContaining("column value")
                    .hasMessageContaining("\"" + bad + "\"");
        }
    }

    @Test
    void lenientModeReportsGapsAndDuplicatesAndStatesWhatItKept(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2,11\n"
                + "A,YEARLY,MICRO,train,2,99\nA,YEARLY,MICRO,train,5,13\nA,YEARLY,MICRO,test,6,14\n"
                + "A,YEARLY,MICRO,test,7,x\n");
        DataValidator v = DataValidator.lenient();
        List<LabeledSeries> s = TimeSeriesReader.readMCompetition(f, v);
        assertThat(s.get(0).train().values()).containsExactly(10, 11, Double.NaN, Double.NaN, 13);
        assertThat(s.get(0).test()).containsExactly(14);
        DataReport r = v.report();
        assertThat(r.issues()).extracting(DataIssue::row).containsExactly(4L, 7L, 5L);
        assertThat(r.issues()).extracting(DataIssue::column).containsExactly("t", "value", "t");
        assertThat(r.issues().get(0).reason()).contains("first row is kept");
        assertThat(r.issues().get(2).reason()).contains("2 missing period(s)", "NaN");
        assertThat(r.summary()).contains("3 rejected");
    }

    @Test
    void aByteOrderMarkOnTheHeaderIsAccepted(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("bom-m.csv");
        Files.writeString(m, "\uFEFF" + M_HEADER + "A,YEARLY,MICRO,train,1,10\r\nA,YEARLY,MICRO,train,2,11\r\n");
        assertThat(TimeSeriesReader.readMCompetition(m, DataValidator.strict()).get(0).train().values())
                .containsExactly(10, 11);
        Path h = dir.resolve("bom-h.csv");
        Files.writeString(h, "\uFEFFRegion,Month,Sales\nN,2020-01,1\nN,2020-02,2\n");
        assertThat(TimeSeriesReader.readHierarchical(h, "Month", "Sales", List.of("Region"), DataValidator.strict())
                .series().get(0).values()).containsExactly(1, 2);
    }

    @Test
    void aHugeLineFailsWithAShortMessageNamingTheLineAndTheLimitInBoundedMemory(@TempDir Path dir)
            throws Exception {
        Path f = dir.resolve("long.csv");
        byte[] chunk = "9\u0007".repeat(1 << 19).getBytes(StandardCharsets.UTF_8); // 1 MiB of digits and BELs
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write((M_HEADER + "A,YEARLY,MICRO,train,1,").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
            out.write('\n');
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                () -> TimeSeriesReader.readMCompetition(f, DataValidator.lenient()));
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(e).isInstanceOf(RetailGenException.class).hasMessageContaining(f + ":2")
                .hasMessageContaining("1,048,576 characters");
        assertThat(e.getMessage()).hasSizeLessThan(500).doesNotContain("\u0007").contains("\\u0007");
        assertThat(allocated).as("bytes allocated reading a 20 MiB line").isLessThan(16L << 20);
    }

    @Test
    void aTimeIndexSpanningMoreThanAMillionPeriodsFailsBeforeFillingIt(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("far.csv");
        Files.writeString(m, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2000000000,11\n");
        assertThatThrownBy(() -> TimeSeriesReader.readMCompetition(m, DataValidator.lenient()))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("series A spans t=1..2000000000")
                .hasMessageContaining("at most 1,000,000");
        Path h = dir.resolve("far-h.csv");
        Files.writeString(h, "Region,Period,Sales\nN,-9000000000000000000,1\nN,9000000000000000000,2\n");
        assertThatThrownBy(() -> TimeSeriesReader.readHierarchical(h, "Period", "Sales", List.of("Region"),
                DataValidator.lenient())).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("at most 1,000,000 steps");
        StringBuilder wide = new StringBuilder("Store,Period,Sales\n");
        for (int s = 0; s < 30; s++) {
            wide.append("s").append(s).append(",1,1\ns").append(s).append(",900000,1\n");
        }
        Path w = Files.writeString(dir.resolve("wide.csv"), wide.toString());
        assertThatThrownBy(() -> TimeSeriesReader.readHierarchical(w, "Period", "Sales", List.of("Store"),
                DataValidator.lenient())).hasMessageContaining("30 bottom series over 900,000 periods");
    }

    @Test
    void aSeriesWithoutAnyObservedTrainValueIsReportedNotForecast(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nan.csv");
        Files.writeString(f, M_HEADER + "A,YEARLY,MICRO,train,1,NaN\nA,YEARLY,MICRO,train,2,NA\n"
                + "A,YEARLY,MICRO,test,3,5\nB,YEARLY,MICRO,train,1,NaN\nB,YEARLY,MICRO,train,2,4\n");
        DataValidator v = DataValidator.lenient();
        assertThat(TimeSeriesReader.readMCompetition(f, v)).extracting(s -> s.train().id()).containsExactly("B");
        assertThat(v.report().issues()).singleElement().satisfies(i -> {
            assertThat(i.row()).isEqualTo(2);
            assertThat(i.reason()).contains("series A has no observed train value");
        });
        assertThatThrownBy(() -> TimeSeriesReader.readMCompetition(f, DataValidator.strict()))
                .isInstanceOf(DataValidationException.class).hasMessageContaining("no observed train value");
    }
}
