package io.retailgen.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks input rows one at a time and keeps a {@link DataReport}. In {@link ValidationMode#STRICT} mode the first
 * bad row throws a {@link DataValidationException}; in {@link ValidationMode#LENIENT} mode it is skipped and recorded.
 * Either way the rows accepted before stay with the caller: the validator never drops good rows.
 *
 * <pre>{@code
 * DataValidator validator = DataValidator.builder()
 *         .source("clicks.tsv").mode(ValidationMode.LENIENT).maxIssues(1000).build();
 * List<Click> clicks = new ArrayList<>();
 * long line = 0;
 * for (String text : lines) {
 *     line++;
 *     validator.check(line, row -> {
 *         String[] f = text.split("\t", -1);
 *         if (f.length != 3) {
 *             row.reject(null, "expected 3 tab-separated fields, found " + f.length, text);
 *         }
 *         long session = row.parse("SessionId", f[0], Long::parseLong);
 *         long item = row.parse("ItemId", f[1], Long::parseLong);
 *         double time = row.parse("Time", f[2], Double::parseDouble);
 *         return new Click(session, item, time);
 *     }).ifPresent(clicks::add);
 * }
 * DataReport report = validator.report();
 * }</pre>
 *
 * <p>Thread-safe: rows may be checked from several threads; the counts stay exact.
 */
public final class DataValidator {

    /** The default cap on kept issues. */
    public static final int DEFAULT_MAX_ISSUES = 1000;

    private final String source;
    private final ValidationMode mode;
    private final int maxIssues;

    private long accepted;
    private long rejected;
    private final List<DataIssue> issues = new ArrayList<>();

    private DataValidator(Builder b) {
        this.source = b.source;
        this.mode = b.mode;
        this.maxIssues = b.maxIssues;
    }

    /** @return a builder: source {@code "input"}, {@link ValidationMode#STRICT}, {@value #DEFAULT_MAX_ISSUES} issues */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a strict validator with the defaults of {@link #builder()} */
    public static DataValidator strict() {
        return builder().build();
    }

    /** @return a lenient validator with the defaults of {@link #builder()} */
    public static DataValidator lenient() {
        return builder().mode(ValidationMode.LENIENT).build();
    }

    /** @return how bad rows are handled */
    public ValidationMode mode() {
        return mode;
    }

    /**
     * Runs {@code parser} on one row. When it returns, the row is accepted; when it calls
     * {@link Row#reject(String, String, Object)} (directly or through {@link Row#parse(String, String, Function)}),
     * the row is rejected. Other exceptions from the parser are bugs and propagate unchanged, without counting the
     * row.
     *
     * @param row the 1-based row number, for the report
     * @param parser turns the row into a value, or rejects it
     * @param <T> the parsed type
     * @return the parsed value, or empty when the row was rejected in lenient mode
     * @throws DataValidationException when the row is rejected in strict mode
     * @throws NullPointerException when the parser returns null
     */
    public <T> Optional<T> check(long row, Function<? super Row, ? extends T> parser) {
        Objects.requireNonNull(parser, "parser == null");
        Row r = new Row(row);
        T value;
        try {
            value = parser.apply(r);
        } catch (RowRejected e) {
            if (e.row != r) {
                throw e;
            }
            record(e.issue);
            return Optional.empty();
        }
        if (value == null) {
            throw new NullPointerException("parser returned null for row " + row
                    + "; reject a bad row with row.reject(column, reason, value)");
        }
        accept();
        return Optional.of(value);
    }

    /** Counts one good row (for callers that check rows without {@link #check}). */
    public synchronized void accept() {
        accepted++;
    }

    /**
     * Records one bad row (for callers that check rows without {@link #check}).
     *
     * @param row the 1-based row number
     * @param column the column, or null for the row as a whole
     * @param reason what is wrong and what would be valid
     * @param value the offending value ({@link String#valueOf(Object)}; may be null)
     * @throws DataValidationException in strict mode
     */
    public void reject(long row, String column, String reason, Object value) {
        record(new DataIssue(row, column, reason, value == null ? null : String.valueOf(value)));
    }

    /**
     * @param issue a bad row
     * @throws DataValidationException in strict mode
     */
    public void reject(DataIssue issue) {
        record(Objects.requireNonNull(issue, "issue == null"));
    }

    /** @return a snapshot of the counts and kept issues */
    public synchronized DataReport report() {
        return new DataReport(source, mode, accepted, rejected, issues);
    }

    private void record(DataIssue issue) {
        DataReport snapshot;
        synchronized (this) {
            rejected++;
            if (issues.size() < maxIssues) {
                issues.add(issue);
            }
            if (mode == ValidationMode.LENIENT) {
                return;
            }
            List<DataIssue> kept = new ArrayList<>(issues);
            if (kept.isEmpty() || kept.get(kept.size() - 1) != issue) {
                // over the cap, but the exception must name the failing issue
                kept.add(issue);
            }
            snapshot = new DataReport(source, mode, accepted, rejected, kept);
        }
        throw new DataValidationException(snapshot);
    }

    /**
     * The row being checked by {@link DataValidator#check}. Its methods reject the row by throwing an exception that
     * {@code check} catches; do not catch it in the parser.
     */
    public static final class Row {
        private final long number;

        private Row(long number) {
            if (number < 1) {
                throw new IllegalArgumentException("row numbers are 1-based, was " + number);
            }
            this.number = number;
        }

        /** @return the 1-based row number */
        public long number() {
            return number;
        }

        /**
         * Rejects the row. Never returns normally.
         *
         * @param column the column, or null for the row as a whole
         * @param reason what is wrong and what would be valid
         * @param value the offending value, or null
         */
        public void reject(String column, String reason, Object value) {
            throw new RowRejected(this, new DataIssue(number, column, reason,
                    value == null ? null : String.valueOf(value)));
        }

        /**
         * Parses one field, rejecting the row when the parser throws a {@link RuntimeException}.
         *
         * @param column the column name
         * @param text the field text; null rejects the row as a missing value
         * @param parser such as {@code Long::parseLong}
         * @param <T> the parsed type
         * @return the parsed value
         */
        public <T> T parse(String column, String text, Function<String, ? extends T> parser) {
            Objects.requireNonNull(parser, "parser == null");
            if (text == null) {
                reject(column, "missing value", null);
            }
            T value;
            try {
                value = parser.apply(text);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new RowRejected(this, new DataIssue(number, column, "cannot parse: " + why, text));
            }
            if (value == null) {
                reject(column, "no value", text);
            }
            return value;
        }

        /**
         * Rejects the row unless {@code ok} holds.
         *
         * @param ok the condition
         * @param column the column
         * @param reason what is wrong and what would be valid
         * @param value the offending value
         */
        public void require(boolean ok, String column, String reason, Object value) {
            if (!ok) {
                reject(column, reason, value);
            }
        }
    }

    private static final class RowRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Row row;
        private final DataIssue issue;

        RowRejected(Row row, DataIssue issue) {
            super(issue.describe(), null, false, false);
            this.row = row;
            this.issue = issue;
        }
    }

    /** Builds a {@link DataValidator}. Not thread-safe. */
    public static final class Builder {
        private String source = "input";
        private ValidationMode mode = ValidationMode.STRICT;
        private int maxIssues = DEFAULT_MAX_ISSUES;

        private Builder() {
        }

        /**
         * @param source a name for the input in messages, such as a file name
         * @return this builder
         */
        public Builder source(String source) {
            Objects.requireNonNull(source, "source == null");
            if (source.isBlank()) {
                throw new IllegalArgumentException("source must not be blank");
            }
            this.source = source;
            return this;
        }

        /**
         * @param mode strict (the default) or lenient
         * @return this builder
         */
        public Builder mode(ValidationMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode == null");
            return this;
        }

        /**
         * @param maxIssues the most issues kept in the report, {@code >= 0}; all are counted
         * @return this builder
         */
        public Builder maxIssues(int maxIssues) {
            if (maxIssues < 0) {
                throw new IllegalArgumentException("maxIssues must be >= 0, was " + maxIssues);
            }
            this.maxIssues = maxIssues;
            return this;
        }

        /** @return the validator */
        public DataValidator build() {
            return new DataValidator(this);
        }
    }
}
