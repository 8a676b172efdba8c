package io.retailgen.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.intercept.Finding;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkScreeningTest {

    static final List<String> TEXTS = List.of("A soft cotton shirt in navy blue.",
            "Call me on +44 20 7946 0958 or mail jo@example.com for a deal.",
            "This damn jacket is the best.", "Cures arthritis in a week!", "Plain socks, pack of five.");

    static Dataset<Row> table(SparkSession spark) {
        StructType schema = new StructType().add("sku", DataTypes.IntegerType).add("description",
                DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            rows.add(RowFactory.create(i, TEXTS.get(i)));
        }
        rows.add(RowFactory.create(99, null));
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    @Test
    void verdictsFindingsAndRedactionsEqualThePolicyOfOneJvm() {
        List<Row> out = SparkScreening.builder().textColumn("description").build().screen(table(LocalSpark.session()))
                .collectAsList();
        assertThat(out).hasSize(TEXTS.size() + 1);
        ContentPolicy policy = ContentPolicy.defaults();
        for (Row r : out) {
            int sku = r.getInt(0);
            if (sku == 99) {
                assertThat(r.getString(2)).isEqualTo("ALLOW");
                assertThat(r.getList(3)).isEmpty();
                continue;
            }
            PolicyResult expected = policy.check(TEXTS.get(sku));
            assertThat(r.getString(2)).as(TEXTS.get(sku)).isEqualTo(expected.verdict().name());
            assertThat(r.getString(4)).isEqualTo(expected.redactedText());
            List<Row> findings = r.getList(3);
            assertThat(findings.stream().map(f -> f.getString(0)).toList())
                    .isEqualTo(expected.findings().stream().map(Finding::ruleId).toList());
            assertThat(r.isNullAt(5)).isTrue();
        }
        assertThat(out.stream().map(r -> r.getString(2)).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aPolicyJsonTravelsToTheExecutors() {
        String json = "{\"verdicts\": {\"LOW\": \"REDACT\"}, \"profanity\": {\"terms\": {\"navy\": \"LOW\"}}}";
        List<Row> out = SparkScreening.builder().textColumn("description").policyJson(json).build()
                .screen(table(LocalSpark.session())).where("sku = 0").collectAsList();
        assertThat(out.get(0).getString(2)).isEqualTo("REDACT");
        assertThat(out.get(0).getString(4)).doesNotContain("navy");
    }

    @Test
    void badInputsAreNamed() {
        assertThatThrownBy(() -> SparkScreening.builder().policyJson("{\"verdicts\": {\"LOW\": \"MAYBE\"}}").build())
                .hasMessageContaining("MAYBE");
        assertThatThrownBy(() -> SparkScreening.builder().build().screen(table(LocalSpark.session())))
                .hasMessageContaining("the text column 'text' is not in the table");
        assertThatThrownBy(() -> SparkScreening.builder().textColumn("sku").build().screen(table(LocalSpark
                .session()))).hasMessageContaining("'sku' is int, expected string");
        assertThat(Arrays.asList(SparkScreening.FINDING.fieldNames())).contains("rule", "severity");
    }
}
