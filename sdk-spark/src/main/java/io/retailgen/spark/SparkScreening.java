package io.retailgen.spark;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyProfile;
import io.retailgen.governance.PolicyResult;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Text screening on Spark: a text column in; the same rows out with {@code verdict}, {@code findings} and
 * {@code redacted_text} added, from the shipped default policy or a policy JSON. The policy is built once per
 * executor JVM and shared by its tasks ({@link ContentPolicy} is thread-safe). A text whose check throws is
 * {@code BLOCK}ed with an {@code error} (fail closed), as {@code retailgen governance scan} does; a null text is
 * {@code ALLOW}ed with no findings.
 *
 * <pre>{@code
 * Dataset<Row> screened = SparkScreening.builder().textColumn("description").build().screen(catalogue);
 * screened.where("verdict = 'BLOCK'").show();
 * }</pre>
 *
 * <p>Immutable and serializable.
 */
public final class SparkScreening implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, ContentPolicy> POLICIES = new ConcurrentHashMap<>();

    /** The type of one finding in the {@code findings} column. */
    public static final StructType FINDING = DataTypes.createStructType(new StructField[] {
        DataTypes.createStructField("rule", DataTypes.StringType, false),
        DataTypes.createStructField("category", DataTypes.StringType, true),
        DataTypes.createStructField("severity", DataTypes.StringType, false),
        DataTypes.createStructField("start", DataTypes.IntegerType, false),
        DataTypes.createStructField("end", DataTypes.IntegerType, false),
        DataTypes.createStructField("message", DataTypes.StringType, true),
        DataTypes.createStructField("confidence", DataTypes.DoubleType, false)});

    private final String textColumn;
    private final String policyJson;
    private final PolicyProfile profile;

    private SparkScreening(Builder b) {
        this.textColumn = b.textColumn;
        this.policyJson = b.policyJson;
        this.profile = b.profile;
    }

    /** @return a builder: column {@code text}, the shipped policy, profile generated-copy */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param texts a table with the text column
     * @return its rows with {@code verdict} (ALLOW, REDACT, REVIEW or BLOCK), {@code findings} (array of
     *     {@link #FINDING}), {@code redacted_text} and {@code error} (null unless the check failed) appended
     */
    public Dataset<Row> screen(Dataset<Row> texts) {
        StructType in = texts.schema();
        int at = SeriesLayout.index(in, textColumn, "text");
        if (!in.fields()[at].dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("the text column '" + textColumn + "' is "
                    + in.fields()[at].dataType().simpleString() + ", expected string");
        }
        StructType out = in.add("verdict", DataTypes.StringType, false)
                .add("findings", DataTypes.createArrayType(FINDING, false), false)
                .add("redacted_text", DataTypes.StringType, true)
                .add("error", DataTypes.StringType, true);
        int width = in.size();
        return texts.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            ContentPolicy policy = policy();
            List<Row> result = new ArrayList<>();
            rows.forEachRemaining(r -> result.add(screened(policy, r, at, width)));
            return result.iterator();
        }, Encoders.row(out));
    }

    private static Row screened(ContentPolicy policy, Row r, int at, int width) {
        Object[] v = Arrays.copyOf(toArray(r, width), width + 4);
        if (r.isNullAt(at)) {
            v[width] = Verdict.ALLOW.name();
            v[width + 1] = new Row[0];
            return RowFactory.create(v);
        }
        String text = r.getString(at);
        PolicyResult result;
        String error = null;
        try {
            result = policy.check(text);
        } catch (RuntimeException e) {
            error = e.toString();
            result = new PolicyResult(Verdict.BLOCK, List.of(), text);
        }
        List<Finding> fs = result.findings();
        Row[] findings = new Row[fs.size()];
        for (int i = 0; i < findings.length; i++) {
            Finding f = fs.get(i);
            findings[i] = RowFactory.create(f.ruleId(), f.category(), f.severity().name(), f.start(), f.end(),
                    f.message(), f.confidence());
        }
        v[width] = result.verdict().name();
        v[width + 1] = findings;
        v[width + 2] = result.redactedText();
        v[width + 3] = error;
        return RowFactory.create(v);
    }

    private static Object[] toArray(Row r, int width) {
        Object[] v = new Object[width];
        for (int i = 0; i < width; i++) {
            v[i] = r.get(i);
        }
        return v;
    }

    /** This JVM's policy for these settings, built on first use. */
    ContentPolicy policy() {
        String key = profile.id() + "\u0000" + (policyJson == null ? "" : ShippedBundle.sha256(
                policyJson.getBytes(StandardCharsets.UTF_8)));
        return POLICIES.computeIfAbsent(key, k -> {
            if (policyJson == null) {
                return ContentPolicy.defaults(profile);
            }
            try {
                Path tmp = Files.createTempFile("retailgen-policy-", ".json");
                try {
                    Files.writeString(tmp, policyJson, StandardCharsets.UTF_8);
                    return ContentPolicy.fromJson(tmp, profile);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage the policy JSON", e);
            }
        });
    }

    /** Builds {@link SparkScreening}. Not thread-safe. */
    public static final class Builder {
        private String textColumn = "text";
        private String policyJson;
        private PolicyProfile profile = PolicyProfile.GENERATED_COPY;

        private Builder() {
        }

        /**
         * @param column the string column to screen
         * @return this
         */
        public Builder textColumn(String column) {
            this.textColumn = Objects.requireNonNull(column, "column == null");
            return this;
        }

        /**
         * @param json a policy in the JSON form of {@code ContentPolicy.fromJson} (self-contained: files it names
         *     are not shipped); checked here, on the driver, so a bad policy fails before the job starts
         * @return this
         */
        public Builder policyJson(String json) {
            this.policyJson = Objects.requireNonNull(json, "json == null");
            return this;
        }

        /**
         * @param p how findings become verdicts
         * @return this
         */
        public Builder profile(PolicyProfile p) {
            this.profile = Objects.requireNonNull(p, "profile == null");
            return this;
        }

        /** @return the screening */
        public SparkScreening build() {
            SparkScreening s = new SparkScreening(this);
            s.policy();   // a bad policy fails here, with the reader's message
            return s;
        }
    }
}
