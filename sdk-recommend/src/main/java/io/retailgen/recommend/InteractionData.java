package io.retailgen.recommend;

import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataReport;
import java.util.List;
import java.util.Objects;

/**
 * What a reader produced: the good rows, in file order, and sdk-core's {@link DataReport} of the malformed rows it
 * skipped (row number, column, reason, value).
 *
 * @param interactions the rows that parsed (copied)
 * @param report accepted and rejected counts and the first issues; no issues in strict mode, which throws instead
 */
public record InteractionData(List<Interaction> interactions, DataReport report) {

    /** Copies the list. */
    public InteractionData {
        interactions = List.copyOf(interactions);
        Objects.requireNonNull(report, "report");
    }

    /** @return the first issues of the skipped rows (all are counted in {@link #skippedRows()}) */
    public List<DataIssue> issues() {
        return report.issues();
    }

    /** @return the number of malformed rows skipped */
    public long skippedRows() {
        return report.rejected();
    }

    /** @return the number of data rows seen (header and blank lines excluded) */
    public long rowsRead() {
        return report.total();
    }
}
