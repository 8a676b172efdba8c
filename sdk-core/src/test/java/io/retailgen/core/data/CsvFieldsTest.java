package io.retailgen.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFieldsTest {

    @Test
    void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
        assertThat(CsvFields.split("a,\"b, c\",\"say \"\"hi\"\"\",,")).containsExactly("a", "b, c", "say \"hi\"", "",
                "");
        assertThat(CsvFields.split("")).containsExactly("");
    }

    @Test
    void columnsNameTheFileAndTheMissingColumn() {
        assertThat(CsvFields.columns(List.of(" t", "value", "t", "type"), Path.of("m.csv"), List.of("value", "t"),
                List.of("type", "extra"))).containsExactly(org.assertj.core.api.Assertions.entry("value", 1),
                org.assertj.core.api.Assertions.entry("t", 0), org.assertj.core.api.Assertions.entry("type", 3));
        assertThatThrownBy(() -> CsvFields.columns(List.of("a"), Path.of("m.csv"), List.of("Month"), List.of()))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("m.csv:1: no column 'Month'")
                .hasMessageContaining("[a]");
    }

    @Test
    void missingMarkersAreNaNAndOtherCellsMustBePlainNumbers() {
        assertThat(CsvFields.valueOrMissing(" NA ")).isNaN();
        assertThat(CsvFields.valueOrMissing("nan")).isNaN();
        assertThat(CsvFields.valueOrMissing("")).isNaN();
        assertThat(CsvFields.valueOrMissing(" 12.5")).isEqualTo(12.5);
        assertThatThrownBy(() -> CsvFields.valueOrMissing("0x1p3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forEachRowSkipsBlankLinesAndReportsShortOrRejectedRowsWithTheirLineNumbers(@TempDir Path dir)
            throws Exception {
        Path f = java.nio.file.Files.writeString(dir.resolve("r.csv"), "a,b\n1,2\n\n3\n4,x\n5,6\n");
        DataValidator v = DataValidator.lenient();
        List<Long> kept = new java.util.ArrayList<>();
        try (TextLines lines = TextLines.open(f, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            lines.next();
            CsvFields.<Long>forEachRow(lines, 2, v, (row, fields) -> {
                row.parse("b", fields.get(1), StrictNumbers::parseInt);
                return row.number();
            }, kept::add);
        }
        assertThat(kept).containsExactly(2L, 6L);
        assertThat(v.report().issues()).extracting(DataIssue::row).containsExactly(4L, 5L);
        assertThat(v.report().issues().get(0).reason()).contains("expected at least 2 fields, found 1");
    }
}
