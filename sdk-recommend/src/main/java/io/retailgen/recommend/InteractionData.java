package io.retailgen.recommend;

import java.util.List;

/**
 * What a reader produced: the good rows, in file order, and the malformed rows it skipped.
 *
 * @param interactions the rows that parsed (copied)
 * @param issues the rows that were skipped, with reasons (copied); empty in strict mode, which throws instead
 * @param rowsRead the number of data rows seen (header and blank lines excluded)
 */
public record InteractionData(List<Interaction> interactions, List<RowIssue> issues, long rowsRead) {

    /** Copies the lists. */
    public InteractionData {
        interactions = List.copyOf(interactions);
        issues = List.copyOf(issues);
        if (rowsRead < 0) {
            throw new IllegalArgumentException("rowsRead must be >= 0, was " + rowsRead);
        }
    }
}
