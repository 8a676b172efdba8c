package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.data.DataValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverSeriesReaderTest {

    @Test
    void driverColumnsBecomeCovariatesAndRowsWithoutAValueArePlannedFuturePeriods(@TempDir Path dir)
            throws Exception {
        Path f = Files.writeString(dir.resolve("sales.csv"), """
                store,month,sales,promo,price
                north,2024-01,120,0,9.99
                north,2024-02,180,1,7.99
                north,2024-04,130,0,9.99
                north,2024-05,,1,7.99
                south,2024-01,40,0,9.99
                south,2024-02,NA,0,9.99
                south,2024-03,44,0,9.99
                """);
        List<TimeSeries> s = DriverSeriesReader.read(f, List.of("store"), "month", "sales", List.of("promo", "price"),
                DataValidator.strict());
        assertThat(s).extracting(TimeSeries::id).containsExactly("north", "south");
        TimeSeries north = s.get(0);
        assertThat(north.values()).containsExactly(120, 180, Double.NaN, 130);
        assertThat(north.covariates().get("promo")).containsExactly(0, 1, 0, 0, 1);
        assertThat(north.covariates().get("price")).containsExactly(9.99, 7.99, 0, 9.99, 7.99);
        assertThat(north.frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(s.get(1).values()).containsExactly(40, Double.NaN, 44);
    }

    @Test
    void aBadDriverCellNamesTheLineAndColumnAndLenientModeSkipsTheRow(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), """
                store,week,sales,promo
                a,1,10,0
                a,2,12,yes
                a,3,11,0
                a,3,19,0
                """);
        assertThatThrownBy(() -> DriverSeriesReader.read(f, List.of("store"), "week", "sales", List.of("promo"),
                DataValidator.builder().source(f.toString()).build())).hasMessageContaining("bad.csv:3")
                .hasMessageContaining("column promo").hasMessageContaining("\"yes\"");
        DataValidator lenient = DataValidator.lenient();
        List<TimeSeries> s = DriverSeriesReader.read(f, List.of("store"), "week", "sales", List.of("promo"), lenient);
        assertThat(s.get(0).values()).containsExactly(10, Double.NaN, 11);
        assertThat(lenient.report().rejected()).isEqualTo(2);
        assertThat(lenient.report().issues().get(1).reason()).contains("a second row for series a");
        assertThatThrownBy(() -> DriverSeriesReader.read(f, List.of("store"), "week", "sales", List.of("price"),
                DataValidator.strict())).hasMessageContaining("no column 'price'");
    }
}
