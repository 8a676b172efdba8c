package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesReaderTest {

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
    void readsTheSharedAusRetailFileWithItsLayout() {
        DataValidator v = DataValidator.lenient();
        HierarchicalData aus = TimeSeriesReader.readHierarchical(SharedData.require("timeseries/aus-retail.csv"),
                AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN, AusRetail.HIERARCHY, v);
        assertThat(aus.hierarchy().levelNames()).containsExactly("Total", "State", "Industry");
        assertThat(aus.periods().get(0)).isEqualTo("1982-04");
        assertThat(aus.hierarchy().size()).isGreaterThan(100);
        assertThat(v.report().rejected()).isZero();
    }

    @Test
    void aByteOrderMarkOnTheHeaderIsAccepted(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("bom-h.csv");
        Files.writeString(h, "\uFEFFRegion,Month,Sales\nN,2020-01,1\nN,2020-02,2\n");
        assertThat(TimeSeriesReader.readHierarchical(h, "Month", "Sales", List.of("Region"), DataValidator.strict())
                .series().get(0).values()).containsExactly(1, 2);
    }

    @Test
    void aTimeIndexSpanningMoreThanAMillionPeriodsFailsBeforeFillingIt(@TempDir Path dir) throws Exception {
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

}
