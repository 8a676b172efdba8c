package io.retailgen.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final KeyPair KEYS = AuditLog.generateKeyPair();

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeLog() {
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).checkpointEvery(4).fsyncEvery(2)
                .build()) {
            for (int i = 1; i <= 10; i++) {
                log.append("generation", Map.of("requestId", "r-" + i, "verdict", "ALLOW"));
            }
        }
        file = dir.resolve(AuditLog.fileName(1));
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void untouchedLogVerifies() {
        AuditVerification v = AuditLog.verify(dir, KEYS.getPublic());
        assertThat(v.problems()).isEmpty();
        assertThat(v.valid()).isTrue();
        // 10 records + checkpoints after records 4 and 8 + the closing checkpoint
        assertThat(v.records()).isEqualTo(13);
        assertThat(v.checkpoints()).isEqualTo(3);
        assertThat(v.unsignedTail()).isZero();
    }

    @Test
    void editedRecordIsDetected() throws Exception {
        List<String> l = lines();
        l.set(2, l.get(2).replace("\"ALLOW\"", "\"BLOCK\""));
        write(l);
        AuditVerification v = AuditLog.verify(dir, KEYS.getPublic());
        assertThat(v.valid()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains(":3: hash mismatch"));
    }

    @Test
    void deletedRecordIsDetected() throws Exception {
        List<String> l = lines();
        l.remove(5);
        write(l);
        assertThat(AuditLog.verify(dir, KEYS.getPublic()).problems()).anyMatch(p -> p.contains("sequence"));
    }

    @Test
    void reorderedRecordsAreDetected() throws Exception {
        List<String> l = lines();
        String a = l.get(1);
        l.set(1, l.get(2));
        l.set(2, a);
        write(l);
        assertThat(AuditLog.verify(dir, KEYS.getPublic()).problems()).anyMatch(p -> p.contains("chain broken"));
    }

    @Test
    void insertedRecordIsDetected() throws Exception {
        List<String> l = lines();
        String body = "{\"seq\":3,\"ts\":\"2026-01-01T00:00:00Z\",\"type\":\"generation\",\"prev\":\"" + "0".repeat(64)
                + "\",\"data\":{\"requestId\":\"forged\"}}";
        l.add(2, body.substring(0, body.length() - 1) + ",\"hash\":\"" + AuditLog.sha256(body) + "\"}");
        write(l);
        AuditVerification v = AuditLog.verify(dir, KEYS.getPublic());
        assertThat(v.valid()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains(":3: chain broken"));
    }

    @Test
    void rechainedEditIsCaughtByTheCheckpointSignature() throws Exception {
        List<String> l = lines();
        l.set(0, l.get(0).replace("r-1", "r-X"));
        String prev = "0".repeat(64);
        List<String> out = new ArrayList<>();
        for (String line : l) {
            int h = line.lastIndexOf(",\"hash\":\"");
            String body = line.substring(0, h) + "}";
            body = body.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
            prev = AuditLog.sha256(body);
            out.add(body.substring(0, body.length() - 1) + ",\"hash\":\"" + prev + "\"}");
        }
        write(out);
        AuditVerification v = AuditLog.verify(dir, KEYS.getPublic());
        assertThat(v.problems()).isNotEmpty().allMatch(p -> p.contains("checkpoint signature invalid"));
    }

    @Test
    void aForeignKeyDoesNotVerify() {
        assertThat(AuditLog.verify(dir, AuditLog.generateKeyPair().getPublic()).valid()).isFalse();
    }

    @Test
    void tornTailIsTruncatedOnRecoveryAndNothingBeforeItIsLost() throws Exception {
        Files.writeString(file, "{\"seq\":14,\"ts\":\"2026-", StandardOpenOption.APPEND);
        assertThat(AuditLog.verify(dir, KEYS.getPublic()).problems()).anyMatch(p -> p.contains("torn last line"));
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).build()) {
            assertThat(log.recoveredBytes()).isEqualTo("{\"seq\":14,\"ts\":\"2026-".length());
            assertThat(log.lastSeq()).isEqualTo(13);
            assertThat(log.append("generation", Map.of("requestId", "r-11"))).isEqualTo(14);
        }
        AuditVerification v = AuditLog.verify(dir, KEYS.getPublic());
        assertThat(v.problems()).isEmpty();
        assertThat(v.records()).isEqualTo(15);
        assertThat(Files.readString(file)).contains("\"r-1\"", "\"r-10\"", "\"r-11\"");
    }

    @Test
    void rotationKeepsTheChainAcrossFiles(@TempDir Path other) throws Exception {
        try (AuditLog log = AuditLog.builder().directory(other).signingKey(KEYS).maxFileBytes(2048)
                .checkpointEvery(50).fsyncEvery(0).build()) {
            for (int i = 0; i < 100; i++) {
                log.append("generation", Map.of("requestId", "r-" + i, "text", "some generated text " + i));
            }
        }
        assertThat(AuditLog.logFiles(other)).hasSizeGreaterThan(3);
        AuditVerification v = AuditLog.verify(other, KEYS.getPublic());
        assertThat(v.problems()).isEmpty();
        assertThat(v.records()).isEqualTo(102);
        Files.delete(AuditLog.logFiles(other).get(1));
        assertThat(AuditLog.verify(other, KEYS.getPublic()).valid()).isFalse();
    }

    @Test
    void bothDurabilityModesWriteTheSameVerifiableChain(@TempDir Path sync, @TempDir Path group) throws Exception {
        java.time.Clock fixed = java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05Z"),
                java.time.ZoneOffset.UTC);
        for (Path d : List.of(sync, group)) {
            try (AuditLog log = AuditLog.builder().directory(d).signingKey(KEYS).clock(fixed).checkpointEvery(7)
                    .fsyncEvery(3).durability(d == sync ? AuditLog.Durability.SYNC : AuditLog.Durability.GROUP_COMMIT)
                    .build()) {
                for (int i = 0; i < 50; i++) {
                    log.append("generation", Map.of("requestId", "r-" + i));
                    if (i == 10) {
                        // records handed over at a batch end are in the file before close, whatever the mode
                        log.flush();
                        assertThat(Files.readString(d.resolve(AuditLog.fileName(1)))).contains("\"r-10\"");
                    }
                }
            }
            AuditVerification v = AuditLog.verify(d, KEYS.getPublic());
            assertThat(v.problems()).isEmpty();
            assertThat(v.records()).isEqualTo(50 + 50 / 7 + 1);
        }
        List<String> a = Files.readAllLines(sync.resolve(AuditLog.fileName(1)));
        List<String> b = Files.readAllLines(group.resolve(AuditLog.fileName(1)));
        // signatures differ only if Ed25519 were randomized; it is deterministic, so the files match line by line
        assertThat(b).isEqualTo(a);
        assertThatThrownBy(() -> AuditLog.builder().durability(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void groupCommitKeepsTheChainUnderConcurrentAppendsFlushesAndRotation(@TempDir Path other) throws Exception {
        int threads = 4;
        int perThread = 300;
        try (AuditLog log = AuditLog.builder().directory(other).signingKey(KEYS).maxFileBytes(8192)
                .checkpointEvery(25).fsyncEvery(1).build()) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers.add(new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.append("generation", Map.of("requestId", "t" + id + "-" + i));
                        if (i % 50 == 0) {
                            log.flush();
                        }
                    }
                }));
            }
            workers.forEach(Thread::start);
            for (Thread w : workers) {
                w.join();
            }
            assertThat(log.lastSeq()).isGreaterThanOrEqualTo((long) threads * perThread);
        }
        assertThat(AuditLog.logFiles(other)).hasSizeGreaterThan(5);
        AuditVerification v = AuditLog.verify(other, KEYS.getPublic());
        assertThat(v.problems()).isEmpty();
        assertThat(v.records() - v.checkpoints()).isEqualTo((long) threads * perThread);
        assertThat(v.unsignedTail()).isZero();
    }

    @Test
    void personalDataIsRedactedBeforeWriting(@TempDir Path other) throws Exception {
        try (AuditLog log = AuditLog.builder().directory(other).signingKey(KEYS).build()) {
            log.append("generation", Map.of("text", "mail jane@example.com", "nested",
                    Map.of("card", "4111 1111 1111 1111")));
        }
        String content = Files.readString(other.resolve(AuditLog.fileName(1)));
        assertThat(content).contains("[EMAIL]", "[CARD]").doesNotContain("jane@example.com", "4111");
    }

    @Test
    void misuseFailsClearly() {
        assertThatThrownBy(() -> AuditLog.builder().directory(dir).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signingKey");
        AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).build();
        log.close();
        log.close();
        assertThatThrownBy(() -> log.append("x", Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AuditLog.builder().checkpointEvery(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
