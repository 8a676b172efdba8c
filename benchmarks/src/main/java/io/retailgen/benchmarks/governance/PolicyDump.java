package io.retailgen.benchmarks.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.Finding;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyProfile;
import io.retailgen.governance.PolicyResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the default policy's result for every text of a large, fixed text set to a file, one block per text: the
 * verdict, every finding (span, rule, category, severity, confidence, message) and the redacted text. Two builds
 * that scan alike write byte-identical files, so a change to the scanning machinery that must not change results
 * is checked with {@code cmp} on the files of the old and the new build.
 *
 * <p>The set: the throughput benchmark's 2,000 generated texts and 4,000 more (another seed), the big list of
 * naughty strings, and the Luma product names, descriptions and reviews from the shared data folder, under both
 * profiles.
 *
 * <pre>{@code
 * java -Dretailgen.shared.data=../shared/data -cp benchmarks/target/benchmarks.jar \
 *     io.retailgen.benchmarks.governance.PolicyDump OUT_FILE
 * }</pre>
 */
public final class PolicyDump {

    private PolicyDump() {
    }

    /**
     * @param args the output file
     * @throws IOException when a data file cannot be read or the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PolicyDump OUT_FILE");
        }
        List<String> blns = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(ContentPolicyBenchmark.locate("text/blns.json").toFile())) {
            blns.add(n.asText());
        }
        Path products = ContentPolicyBenchmark.locate("catalog/luma/products.csv");
        Path reviews = ContentPolicyBenchmark.locate("catalog/luma/reviews.csv");
        List<String> real = new ArrayList<>();
        real.addAll(LumaTexts.column(products, "name"));
        real.addAll(LumaTexts.column(products, "description"));
        real.addAll(LumaTexts.column(reviews, "review"));
        int texts = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (PolicyProfile profile : PolicyProfile.values()) {
                ContentPolicy policy = ContentPolicy.defaults(profile);
                texts += dump(out, profile + " generated-42", ProductCopy.generate(2000, 42), policy);
                texts += dump(out, profile + " generated-7", ProductCopy.generate(4000, 7), policy);
                texts += dump(out, profile + " blns", blns, policy);
                texts += dump(out, profile + " luma", real, policy);
            }
        }
        System.out.println(texts + " results written to " + args[0]);
    }

    private static int dump(BufferedWriter out, String set, List<String> texts, ContentPolicy policy)
            throws IOException {
        for (int i = 0; i < texts.size(); i++) {
            PolicyResult r = policy.check(texts.get(i));
            out.write("# " + set + " " + i + " " + r.verdict() + "\n");
            for (Finding f : r.findings()) {
                out.write("  " + f.start() + ".." + f.end() + " " + f.ruleId() + " " + f.category() + " "
                        + f.severity() + " " + f.confidence() + " " + escape(f.message()) + "\n");
            }
            out.write("  = " + escape(r.redactedText()) + "\n");
        }
        return texts.size();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
