package io.retailgen.core.data;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link DataValidator} saw: how many rows it accepted and rejected, and the issues of the rejected rows.
 * Only the first issues are kept (see {@link DataValidator.Builder#maxIssues(int)}); all are counted. A snapshot:
 * immutable, thread-safe, and a plain record for JSON ({@code new ObjectMapper().writeValueAsString(report)}).
 *
 * <pre>{@code
 * DataReport report = validator.report();
 * if (!report.clean()) {
 *     log.warn("{}", report.summary());
 * }
 * }</pre>
 *
 * @param source a name for the input, such as a file name
 * @param mode how bad rows were handled
 * @param accepted the number of good rows
 * @param rejected the number of bad rows (each has one issue)
 * @param issues the first issues, in row order of discovery (an unmodifiable copy, at most {@code rejected})
 */
public record DataReport(String source, ValidationMode mode, long accepted, long rejected, List<DataIssue> issues)
        implements Serializable {

    private static final int SUMMARY_ISSUES = 10;

    /** Validates and copies. */
    public DataReport {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(mode, "mode == null");
        if (accepted < 0 || rejected < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were accepted " + accepted + ", rejected "
                    + rejected);
        }
        issues = List.copyOf(Objects.requireNonNull(issues, "issues == null"));
        if (issues.size() > rejected) {
            throw new IllegalArgumentException(issues.size() + " issues for only " + rejected + " rejected rows");
        }
    }

    /** @return the number of rows seen, good and bad */
    public long total() {
        return accepted + rejected;
    }

    /** @return true when no row was rejected */
    public boolean clean() {
        return rejected == 0;
    }

    /** @return the number of issues counted but not kept because of the cap */
    public long omittedIssues() {
        return rejected - issues.size();
    }

    /** @return a readable summary with the first ten issues, one per line */
    public String summary() {
        return summary(SUMMARY_ISSUES);
    }

    /**
     * @param maxIssues the most issues to list, {@code >= 0}
     * @return a readable summary: a count line, then one line per listed issue
     */
    public String summary(int maxIssues) {
        if (maxIssues < 0) {
            throw new IllegalArgumentException("maxIssues must be >= 0, was " + maxIssues);
        }
        StringBuilder b = new StringBuilder();
        b.append(source).append(": ").append(String.format(Locale.ROOT, "%,d", accepted)).append(" rows accepted, ")
                .append(String.format(Locale.ROOT, "%,d", rejected)).append(" rejected (")
                .append(mode.name().toLowerCase(Locale.ROOT)).append(')');
        int shown = Math.min(maxIssues, issues.size());
        for (int i = 0; i < shown; i++) {
            b.append(System.lineSeparator()).append("  ").append(issues.get(i).describe());
        }
        long more = rejected - shown;
        if (more > 0 && (shown > 0 || maxIssues > 0)) {
            b.append(System.lineSeparator()).append("  ... and ").append(String.format(Locale.ROOT, "%,d", more))
                    .append(" more");
            if (omittedIssues() > 0) {
                b.append(" (").append(String.format(Locale.ROOT, "%,d", omittedIssues()))
                        .append(" not kept: over the issue cap)");
            }
        }
        return b.toString();
    }
}
