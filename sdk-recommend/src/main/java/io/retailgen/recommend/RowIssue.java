package io.retailgen.recommend;

import java.util.Objects;

/**
 * A malformed input row: where it is and why it was rejected.
 *
 * @param row the 1-based line number in the file (the header is line 1)
 * @param column the column or field at fault, empty when the whole row is at fault
 * @param reason what was wrong and what would be valid
 */
public record RowIssue(long row, String column, String reason) {

    /** Validates the fields. */
    public RowIssue {
        if (row < 1) {
            throw new IllegalArgumentException("row must be >= 1, was " + row);
        }
        column = column == null ? "" : column;
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "row " + row + (column.isEmpty() ? "" : " (" + column + ")") + ": " + reason;
    }
}
