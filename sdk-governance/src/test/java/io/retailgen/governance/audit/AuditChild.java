package io.retailgen.governance.audit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM for the audit log's process tests: {@code append DIR KEYFILE MODE} appends until killed, printing
 * each sequence number once {@code append} has returned; {@code hold DIR KEYFILE} opens the log, prints
 * {@code open}, and waits for its standard input to close.
 */
final class AuditChild {

    private AuditChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(AuditKeys.readKeyPair(Path.of(args[2])))
                .checkpointEvery(500).fsyncEvery(100)
                .durability(args.length > 3 ? AuditLog.Durability.valueOf(args[3]) : AuditLog.Durability.GROUP_COMMIT)
                .build()) {
            if (args[0].equals("hold")) {
                out.println("open");
                out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return;
            }
            String text = "generated text with some length to fill the buffers ".repeat(4);
            for (long i = 0; ; i++) {
                long seq = log.append("generation", Map.of("requestId", "c-" + i, "text", text));
                out.println(seq);
                out.flush();
            }
        }
    }

    /** Starts {@code AuditChild} in a new JVM with this JVM's class path; its standard error goes to {@code err}. */
    static Process start(Path err, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx128m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(AuditChild.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    }

    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("child JVM " + p.pid() + " did not die after SIGKILL");
        }
    }
}
