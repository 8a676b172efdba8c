package io.retailgen.forecast;

import io.retailgen.core.data.DataValidator;

/**
 * The period column of a CSV file: {@code YYYY-MM} months or integer periods, decided by the first row; a later row
 * of the other kind is a bad row. One per file read; not thread-safe.
 */
final class PeriodColumn {

    private final String column;
    private boolean monthly = true;
    private boolean decided;

    PeriodColumn(String column) {
        this.column = column;
    }

    /** @return the period index of a row's cell (months since year 0 for {@code YYYY-MM}) */
    long parse(DataValidator.Row row, String cell) {
        String p = cell.trim();
        boolean isMonth = p.matches("\\d{4}-\\d{2}");
        if (!decided) {
            monthly = isMonth;
            decided = true;
        }
        row.require(isMonth == monthly, column, monthly ? "expected a month YYYY-MM" : "expected an integer period",
                p);
        return row.parse(column, p, TimeSeriesReader::parsePeriod);
    }

    /** @return whether the periods are months */
    boolean monthly() {
        return monthly;
    }
}
