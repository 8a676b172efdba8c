package io.retailgen.datasets;

import java.util.List;

/**
 * The layout of {@code aus-retail.csv}, the Australian Bureau of Statistics' monthly retail turnover by state and
 * industry (as distributed with the tsibbledata R package): one row per state, industry and month, with the columns
 * below. It is a hierarchical long CSV, so the forecast module's generic reader reads it:
 *
 * <pre>{@code
 * HierarchicalData aus = TimeSeriesReader.readHierarchical(file, AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN,
 *         AusRetail.HIERARCHY, DataValidator.lenient());      // Total / State / Industry
 * }</pre>
 */
public final class AusRetail {

    /** The period column, months as {@code YYYY-MM}. */
    public static final String TIME_COLUMN = "Month";
    /** The value column, turnover in millions of Australian dollars. */
    public static final String VALUE_COLUMN = "Turnover";
    /** The hierarchy columns, top level first: state, then industry. */
    public static final List<String> HIERARCHY = List.of("State", "Industry");

    private AusRetail() {
    }
}
