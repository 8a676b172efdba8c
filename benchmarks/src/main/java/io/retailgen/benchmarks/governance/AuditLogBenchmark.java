package io.retailgen.benchmarks.governance;

import io.retailgen.governance.audit.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Append rate of the tamper-evident {@link AuditLog} (records per second, one thread): each record is a typical
 * generation record (request id, module, operation, principal, model, verdict, one finding, 120 characters of shown
 * text), PII-redacted, hash-chained and written as one JSON line; a signed checkpoint every 1,000 records; the file
 * is forced to disk every {@code fsyncEvery} records (1: every record; 100 and 1000: batched; 0: only at checkpoints,
 * which are also forced, so at most every 1,000 records). {@code durability} picks who forces: the log's background
 * thread ({@code GROUP_COMMIT}, the default; appends do not wait for the disk) or the appending thread ({@code SYNC}).
 * The log lives in
 * {@code java.io.tmpdir} (set {@code -Djava.io.tmpdir} to measure another disk).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditLogBenchmark {

    @Param({"1", "100", "1000", "0"})
    public int fsyncEvery;

    @Param({"GROUP_COMMIT", "SYNC"})
    public AuditLog.Durability durability;

    private static final KeyPair KEYS = AuditLog.generateKeyPair();

    private Path dir;
    private AuditLog log;
    private long n;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Files.createTempDirectory("audit-bench");
        log = AuditLog.builder().directory(dir).signingKey(KEYS).checkpointEvery(1000).fsyncEvery(fsyncEvery)
                .durability(durability).build();
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public long append() {
        long i = n++;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", "req-" + i);
        data.put("module", "recommend");
        data.put("operation", "explanation");
        data.put("principal", "svc-storefront");
        data.put("model", "session-gru:3");
        data.put("verdict", "ALLOW");
        data.put("findings", List.of(Map.of("rule", "claim.superlative", "severity", "LOW", "start", 12, "end", 29)));
        data.put("text", "Because you viewed the trail running shoe in olive, you may like these breathable socks "
                + "and the lightweight rain jacket.");
        return log.append("generation", data);
    }
}
