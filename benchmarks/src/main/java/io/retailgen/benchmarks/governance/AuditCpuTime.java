package io.retailgen.benchmarks.governance;

import io.retailgen.governance.audit.AuditLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Audit-log append cost per CPU-second of the appending thread (and per wall-second), for machines shared with other
 * work. Appends the records of {@link AuditLogBenchmark} to a log in {@code java.io.tmpdir}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.governance.AuditCpuTime [records] [fsyncEvery]
 *     [GROUP_COMMIT|SYNC]
 * }</pre>
 *
 * <p>The CPU time is the appending thread's only; with {@code GROUP_COMMIT} (the default) the fsync calls run on the
 * log's background thread, so the wall-clock rate is the figure to compare between the two modes.
 */
public final class AuditCpuTime {

    private AuditCpuTime() {
    }

    /**
     * @param args optional record count (default 200,000), fsync batch (default 100) and durability mode (default
     *     {@code GROUP_COMMIT})
     * @throws IOException when the temporary directory cannot be made or removed
     */
    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int fsyncEvery = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        AuditLog.Durability mode = args.length > 2 ? AuditLog.Durability.valueOf(args[2])
                : AuditLog.Durability.GROUP_COMMIT;
        KeyPair keys = AuditLog.generateKeyPair();
        run(keys, records / 4, fsyncEvery, mode); // warm-up
        run(keys, records, fsyncEvery, mode);
    }

    private static void run(KeyPair keys, int records, int fsyncEvery, AuditLog.Durability mode) throws IOException {
        Path dir = Files.createTempDirectory("audit-cpu");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(keys).checkpointEvery(1000)
                .fsyncEvery(fsyncEvery).durability(mode).build()) {
            for (int i = 0; i < records; i++) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("requestId", "req-" + i);
                data.put("module", "recommend");
                data.put("operation", "explanation");
                data.put("principal", "svc-storefront");
                data.put("model", "session-gru:3");
                data.put("verdict", "ALLOW");
                data.put("findings", List.of(Map.of("rule", "claim.superlative", "severity", "LOW", "start", 12,
                        "end", 29)));
                data.put("text", "Because you viewed the trail running shoe in olive, you may like these "
                        + "breathable socks and the lightweight rain jacket.");
                log.append("generation", data);
            }
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf("%d records, fsync every %d, %s: %.0f records per CPU-second, %.0f per wall-second%n",
                records, fsyncEvery, mode, records / cpu, records / wall);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
