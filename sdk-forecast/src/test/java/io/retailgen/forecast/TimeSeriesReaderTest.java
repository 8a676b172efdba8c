package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.data.DataReport;
import io.retailgen.core.data.DataValidationException;
import io.retailgen.core.data.DataValidator;
import io.retailgen.testing.SharedData;
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
        assertThat(d.series().get(4).values()).containsExactly(3, 0, 0);
        assertThat(d.series().get(0).values()).containsExactly(8, 0, 7);
        assertThat(d.series().get(0).frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(v.report().rejected()).isEqualTo(1);
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
}
