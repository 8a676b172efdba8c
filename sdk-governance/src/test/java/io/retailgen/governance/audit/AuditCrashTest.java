package io.retailgen.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends as fast as it can and reports each sequence number once {@code append} has returned; the
 * test kills it with SIGKILL at a random moment, reopens the log and checks that every reported record is there.
 * Six rounds by default; {@code -Dretailgen.audit.crashRounds=N} runs the longer variant whose figures are in
 * {@code docs/security.md}.
 */
class AuditCrashTest {

    @TempDir
    Path dir;

    /** Records each round waits for before its random delay, so that a slow machine still makes heavy appends. */
    static final long APPENDS_PER_ROUND = 200;

    /**
     * One round: waits until the child has reported sequence number {@code atLeast}, then {@code delayMs} more, kills
     * it; returns {reported, lastSeq after reopening}.
     */
    static long[] killRound(Path log, Path keyFile, Path err, AuditLog.Durability mode, long atLeast, long delayMs)
            throws Exception {
        Process child = AuditChild.start(err, "append", log.toString(), keyFile.toString(), mode.name());
        AtomicLong reported = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isEmpty()) {
                        reported.set(Long.parseLong(line.strip()));
                    }
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // a line cut off by the kill is not a report
            }
        });
        reader.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (reported.get() < atLeast && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(reported.get()).as("the child did not reach record %d: %s", atLeast, Files.readString(err))
                .isGreaterThanOrEqualTo(atLeast);
        Thread.sleep(delayMs);
        AuditChild.kill(child);
        reader.join(10_000);
        long last;
        try (AuditLog reopened = AuditLog.builder().directory(log).signingKey(AuditKeys.readKeyPair(keyFile))
                .build()) {
            last = reopened.lastSeq();
        }
        return new long[] {reported.get(), last};
    }

    @Test
    void sigkillDuringHeavyAppendsLosesNoRecordThatAppendReturned() throws Exception {
        Path keyFile = dir.resolve("keys/audit.key");
        AuditKeys.write(AuditLog.generateKeyPair(), keyFile, dir.resolve("keys/audit.pub"));
        Path log = dir.resolve("log");
        SplittableRandom random = new SplittableRandom(11);
        int rounds = Integer.getInteger("retailgen.audit.crashRounds", 6);
        long total = 0;
        long reportedTotal = 0;
        long lost = 0;
        long t0 = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            AuditLog.Durability mode = round % 2 == 0 ? AuditLog.Durability.GROUP_COMMIT : AuditLog.Durability.SYNC;
            long before = total;
            long[] r = killRound(log, keyFile, dir.resolve("err-" + round + ".txt"), mode, before + APPENDS_PER_ROUND,
                    150 + random.nextInt(600));
            reportedTotal += r[0] - before;
            lost += Math.max(0, r[0] - r[1]);
            assertThat(r[1]).as("round %d (%s): a returned record is missing after SIGKILL", round, mode)
                    .isGreaterThanOrEqualTo(r[0]);
            total = r[1];
            AuditVerification v = AuditLog.verify(log, AuditKeys.readKeyPair(keyFile).getPublic());
            assertThat(v.problems()).as("round %d", round).isEmpty();
        }
        System.out.printf("audit crash test: %d SIGKILL rounds in %.1f s, %d records reported as returned, %d in the "
                + "log after the last reopen, %d lost%n", rounds, (System.nanoTime() - t0) / 1e9, reportedTotal, total,
                lost);
        assertThat(total).isGreaterThanOrEqualTo(rounds * APPENDS_PER_ROUND);
    }
}
