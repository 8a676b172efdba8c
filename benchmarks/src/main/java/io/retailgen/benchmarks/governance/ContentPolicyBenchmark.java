package io.retailgen.benchmarks.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the default content policy ({@code ContentPolicy.defaults()}: profanity with de-obfuscation, claims,
 * counterfeit, PII) on one thread, one text per call. Corpora: {@code product-copy}, 2,000 generated product texts
 * (150-700 characters; see {@link ProductCopy}), and {@code blns}, the Big List of Naughty Strings from
 * {@code shared/data/text/blns.json} (set {@code -Dretailgen.shared.data}, else found beside a parent directory).
 * The secondary result {@code bytes} is UTF-8 input bytes per second: divide by 1e6 for MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContentPolicyBenchmark {

    @Param({"product-copy", "blns"})
    public String corpus;

    private ContentPolicy policy;
    private String[] texts;
    private int[] utf8Bytes;
    private int next;

    /** Input bytes scanned, reported per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        policy = ContentPolicy.defaults();
        List<String> list = corpus.equals("blns") ? blns() : ProductCopy.generate(2000, 42);
        texts = list.toArray(String[]::new);
        utf8Bytes = new int[texts.length];
        long total = 0;
        for (int i = 0; i < texts.length; i++) {
            utf8Bytes[i] = texts[i].getBytes(StandardCharsets.UTF_8).length;
            total += utf8Bytes[i];
        }
        System.out.printf("%n%s: %d texts, %d UTF-8 bytes, mean %.0f bytes%n", corpus, texts.length, total,
                (double) total / texts.length);
    }

    private static List<String> blns() throws IOException {
        Path file = locate("text/blns.json");
        List<String> out = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
            out.add(n.asText());
        }
        return out;
    }

    static Path locate(String relative) {
        String prop = System.getProperty("retailgen.shared.data");
        if (prop != null && Files.isReadable(Path.of(prop, relative))) {
            return Path.of(prop, relative);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared/data").resolve(relative);
            if (Files.isReadable(f)) {
                return f;
            }
        }
        throw new IllegalStateException(relative + " not found: set -Dretailgen.shared.data=<shared/data>");
    }

    @Benchmark
    public PolicyResult scan(Bytes counter) {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        counter.bytes += utf8Bytes[i];
        return policy.check(texts[i]);
    }
}
