package io.retailgen.datasets;

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

class MCompetitionTest {

    private static final String M_HEADER = MCompetition.HEADER + "\n";

    @Test
    void keepsGoodRowsAndReportsBadOnes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, M_HEADER
                + "A,YEARLY,MICRO,train,2,20\n"
                + "A,YEARLY,MICRO,train,1,10\n"
                + "A,YEARLY,MICRO,train,3,NA\n"
                + "A,YEARLY,MICRO,test,4,40\n"
                + "B,QUARTERLY,MACRO,train,1,abc\n"
                + "B,WEEKDAYLY,MACRO,train,2,5\n"
                + "B,QUARTERLY,MACRO,train,3,7\n");
        DataValidator v = DataValidator.lenient();
        List<CompetitionSeries> s = MCompetition.read(f, v);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).train()).containsExactly(10, 20, Double.NaN);
        assertThat(s.get(0).test()).containsExactly(40);
        assertThat(s.get(0).frequency()).isEqualTo("yearly");
        assertThat(s.get(0).path()).containsExactly("MICRO", "A");
        assertThat(s.get(1).train()).containsExactly(7);
        DataReport r = v.report();
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.issues().get(0).column()).isEqualTo("value");
        assertThat(r.issues().get(1).reason()).contains("unknown frequency", "WEEKDAYLY");
        assertThatThrownBy(() -> MCompetition.read(f, DataValidator.strict()))
                .isInstanceOf(DataValidationException.class);
    }

    @Test
    void gapsDuplicatesAndNonNumbersFailStrictModeWithFileLineColumnAndValue(@TempDir Path dir) throws Exception {
        Path gap = dir.resolve("gap.csv");
        Files.writeString(gap, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2,11\n"
                + "A,YEARLY,MICRO,train,4,13\nA,YEARLY,MICRO,test,5,14\n");
        assertThatThrownBy(() -> MCompetition.read(gap, DataValidator.builder().source(gap.toString()).build()))
                .isInstanceOf(DataValidationException.class).hasMessageContaining(gap + ":4")
                .hasMessageContaining("column t").hasMessageContaining("t jumps from 2 to 4")
                .hasMessageContaining("(value \"4\")");
        Path dup = dir.resolve("dup.csv");
        Files.writeString(dup, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2,11\n"
                + "A,YEARLY,MICRO,train,2,99\nA,YEARLY,MICRO,test,3,14\n");
        assertThatThrownBy(() -> MCompetition.read(dup, DataValidator.builder().source(dup.toString()).build()))
                .hasMessageContaining(dup + ":4").hasMessageContaining("duplicate period t=2 of series A (first at "
                        + "line 3)");
        for (String bad : new String[] {"1d", "0x1p3", "Infinity", "1e400", "12abc", "--1"}) {
            Path f = dir.resolve("bad.csv");
            Files.writeString(f, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2," + bad + "\n");
            assertThatThrownBy(() -> MCompetition.read(f, DataValidator.builder().source(f.toString()).build()))
                    .as(bad).isInstanceOf(DataValidationException.class).hasMessageContaining(f + ":3")
                    .hasMessageContaining("column value").hasMessageContaining("\"" + bad + "\"");
        }
    }

    @Test
    void lenientModeReportsGapsAndDuplicatesAndStatesWhatItKept(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, M_HEADER + "A,YEARLY,MICRO,train,1,10\nA,YEARLY,MICRO,train,2,11\n"
                + "A,YEARLY,MICRO,train,2,99\nA,YEARLY,MICRO,train,5,13\nA,YEARLY,MICRO,test,6,14\n"
                + "A,YEARLY,MICRO,test,7,x\n");
        DataValidator v = DataValidator.lenient();
        List<CompetitionSeries> s = MCompetition.read(f, v);
        assertThat(s.get(0).train()).containsExactly(10, 11, Double.NaN, Double.NaN, 13);
        assertThat(s.get(0).test()).containsExactly(14);
        DataReport r = v.report();
        assertThat(r.issues()).extracting(DataIssue::row).containsExactly(4L, 7L, 5L);
        assertThat(r.issues()).extracting(DataIssue::column).containsExactly("t", "value", "t");
        assertThat(r.issues().get(0).reason()).contains("first row is kept");
        assertThat(r.issues().get(2).reason()).contains("2 missing period(s)", "NaN");
        assertThat(r.summary()).contains("3 rejected");
    }

    @Test
    void aByteOrderMarkAndCrLfLineEndsAreAccepted(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("bom-m.csv");
        Files.writeString(m, "\uFEFF" + M_HEADER + "A,YEARLY,MICRO,train,1,10\r\nA,YEARLY,MICRO,train,2,11\r\n");
        assertThat(MCompetition.read(m, DataValidator.strict()).get(0).train()).containsExactly(10, 11);
    }

    @Test
    void aMissingColumnOrAnEmptyFileIsNamed(@TempDir Path dir) throws Exception {
        Path noValue = Files.writeString(dir.resolve("nv.csv"), "series,period,split,t\nA,YEARLY,train,1\n");
        assertThatThrownBy(() -> MCompetition.read(noValue, DataValidator.lenient()))
                .isInstanceOf(RetailGenException.class).hasMessageContaining(noValue + ":1: no column 'value'");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> MCompetition.read(empty, DataValidator.lenient()))
                .hasMessageContaining("is empty").hasMessageContaining(MCompetition.HEADER);
        Path noType = Files.writeString(dir.resolve("nt.csv"), "series,period,split,t,value\nA,monthly,train,1,3\n");
        assertThat(MCompetition.read(noType, DataValidator.strict())).singleElement()
                .satisfies(s -> assertThat(s.path()).isEmpty());
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
                () -> MCompetition.read(f, DataValidator.lenient()));
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
        assertThatThrownBy(() -> MCompetition.read(m, DataValidator.lenient()))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("series A spans t=1..2000000000")
                .hasMessageContaining("at most 1,000,000");
    }

    @Test
    void aSeriesWithoutAnyObservedTrainValueIsReportedNotForecast(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nan.csv");
        Files.writeString(f, M_HEADER + "A,YEARLY,MICRO,train,1,NaN\nA,YEARLY,MICRO,train,2,NA\n"
                + "A,YEARLY,MICRO,test,3,5\nB,YEARLY,MICRO,train,1,NaN\nB,YEARLY,MICRO,train,2,4\n"
                + "C,YEARLY,MICRO,test,1,4\n");
        DataValidator v = DataValidator.lenient();
        assertThat(MCompetition.read(f, v)).extracting(CompetitionSeries::id).containsExactly("B");
        assertThat(v.report().issues()).hasSize(2).first().satisfies(i -> {
            assertThat(i.row()).isEqualTo(2);
            assertThat(i.reason()).contains("series A has no observed train value");
        });
        assertThat(v.report().issues().get(1).reason()).contains("series C has no train rows");
        assertThatThrownBy(() -> MCompetition.read(f, DataValidator.strict()))
                .isInstanceOf(DataValidationException.class).hasMessageContaining("no observed train value");
    }

    @Test
    void readsTheSharedM3File() {
        DataValidator v = DataValidator.lenient();
        List<CompetitionSeries> m3 = MCompetition.read(SharedData.require("timeseries/m3.csv"), v);
        assertThat(m3).hasSize(3003);
        assertThat(m3).extracting(CompetitionSeries::frequency).contains("yearly", "quarterly", "monthly", "other");
        assertThat(v.report().rejected()).isZero();
    }
}
