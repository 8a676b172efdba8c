package io.retailgen.benchmarks.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyProfile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Content-policy throughput per CPU-second of the scanning thread, for machines shared with other work where JMH's
 * wall-clock figures mostly measure the contention. Scans each corpus for {@code rounds} passes after
 * {@code warmup} passes and prints UTF-8 MB per CPU-second and per wall-second: generated product copy, the big
 * list of naughty strings, and real text, the Luma catalog's product descriptions and its reviews (under the
 * {@code user-content} profile), all from the shared data folder.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.governance.ScanCpuTime [warmup] [rounds]
 * }</pre>
 */
public final class ScanCpuTime {

    private ScanCpuTime() {
    }

    /**
     * @param args optional warm-up passes (default 20) and measured passes (default 20)
     * @throws IOException when blns.json cannot be read
     */
    public static void main(String[] args) throws IOException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ContentPolicy policy = ContentPolicy.defaults();
        List<String> blns = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(ContentPolicyBenchmark.locate("text/blns.json").toFile())) {
            blns.add(n.asText());
        }
        measure("product-copy", ProductCopy.generate(2000, 42), policy, warmup, rounds);
        measure("blns", blns, policy, warmup * 4, rounds * 4);
        // real copy: the Luma catalog's product descriptions (generated-copy) and reviews (user-content profile)
        Path products = ContentPolicyBenchmark.locate("catalog/luma/products.csv");
        Path reviews = ContentPolicyBenchmark.locate("catalog/luma/reviews.csv");
        measure("luma-descriptions", LumaTexts.column(products, "description"), policy, warmup * 4, rounds * 4);
        measure("luma-reviews", LumaTexts.column(reviews, "review"),
                ContentPolicy.defaults(PolicyProfile.USER_CONTENT), warmup * 4, rounds * 4);
    }

    private static void measure(String name, List<String> texts, ContentPolicy policy, int warmup, int rounds) {
        long bytes = 0;
        for (String t : texts) {
            bytes += t.getBytes(StandardCharsets.UTF_8).length;
        }
        long sink = 0;
        for (int r = 0; r < warmup; r++) {
            for (String t : texts) {
                sink += policy.check(t).findings().size();
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String t : texts) {
                sink += policy.check(t).findings().size();
            }
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        double mb = bytes * (double) rounds / 1e6;
        System.out.printf("%s: %d texts x %d passes, %.1f MB: %.2f MB per CPU-second, %.2f MB per wall-second, "
                        + "%.1f us CPU per text (findings %d)%n", name, texts.size(), rounds, mb, mb / cpu,
                mb / wall, cpu * 1e6 / (texts.size() * (double) rounds), sink);
    }
}
