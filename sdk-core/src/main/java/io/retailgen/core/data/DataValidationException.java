package io.retailgen.core.data;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.util.Objects;

/**
 * Thrown by a {@link ValidationMode#STRICT} {@link DataValidator} at the first bad row; {@link #report()} holds the
 * rows accepted before it and the issue. Its code is {@link ErrorCode#INVALID_DATA}.
 */
public class DataValidationException extends RetailGenException {
    private static final long serialVersionUID = 1L;

    private final DataReport report;

    /**
     * @param report the report at the time of failure; its last issue is the cause, named as
     *     {@code source:row (row N, column C: reason (value "v"))}
     */
    public DataValidationException(DataReport report) {
        super(ErrorCode.INVALID_DATA, message(report));
        this.report = report;
    }

    /** @return the report at the time of failure */
    public DataReport report() {
        return report;
    }

    private static String message(DataReport report) {
        Objects.requireNonNull(report, "report == null");
        if (report.issues().isEmpty()) {
            return "invalid data in " + report.source() + ": " + report.rejected() + " rejected rows; "
                    + report.accepted() + " rows accepted before it (strict mode; use ValidationMode.LENIENT to skip "
                    + "bad rows)";
        }
        DataIssue issue = report.issues().get(report.issues().size() - 1);
        return "invalid data at " + report.source() + ":" + issue.row() + " (" + issue.describe() + "); "
                + report.accepted()
                + " rows accepted before it (strict mode; use ValidationMode.LENIENT to skip bad rows)";
    }
}
