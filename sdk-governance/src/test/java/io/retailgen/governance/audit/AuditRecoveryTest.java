package io.retailgen.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a log cuts nothing but an unfinished last line; any other damage fails the open and changes nothing. */
class AuditRecoveryTest {

    private static final KeyPair KEYS = AuditLog.generateKeyPair();

    @TempDir
    Path dir;

    @BeforeEach
    void writeRotatedLog() {
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).maxFileBytes(4096).checkpointEvery(10)
                .build()) {
            for (int i = 0; i < 120; i++) {
                log.append("generation", Map.of("requestId", "r-" + i, "text", "generated text number " + i));
            }
        }
    }

    private AuditLog open() {
        return AuditLog.builder().directory(dir).signingKey(KEYS).build();
    }

    /** Every audit file's bytes, by name. */
    private Map<String, byte[]> snapshot() {
        Map<String, byte[]> m = new TreeMap<>();
        try {
            for (Path f : AuditLog.logFiles(dir)) {
                m.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void crlfConvertedLogOverSeveralFilesFailsToOpenAndStaysByteIdentical() throws Exception {
        assertThat(AuditLog.logFiles(dir)).hasSizeGreaterThan(3);
        for (Path f : AuditLog.logFiles(dir)) {
            Files.writeString(f, Files.readString(f).replace("\n", "\r\n"));
        }
        Map<String, byte[]> before = snapshot();
        assertThatThrownBy(this::open).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("audit-00000001.jsonl:1:").hasMessageContaining("CRLF")
                .hasMessageContaining("nothing on disk was changed");
        assertSame(before, snapshot());
        // a second attempt fails the same way: nothing was cut the first time
        assertThatThrownBy(this::open).hasMessageContaining("audit-00000001.jsonl:1:");
        assertSame(before, snapshot());
    }

    @Test
    void bitFlipsInTheLastThirtyRecordsFailTheOpenAndChangeNothing() throws Exception {
        Path newest = AuditLog.logFiles(dir).get(AuditLog.logFiles(dir).size() - 1);
        byte[] clean = Files.readAllBytes(newest);
        String[] lines = new String(clean, StandardCharsets.UTF_8).split("\n");
        assertThat(lines.length).isGreaterThanOrEqualTo(5);
        // every byte of the newest file's records (up to the last 30) is a candidate, the final newline included
        int from = 0;
        for (int i = 0; i < Math.max(0, lines.length - 30); i++) {
            from += lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
        }
        int first = from;
        qt().withExamples(150).withFixedSeed(42)
                .forAll(integers().between(first, clean.length - 1), integers().between(0, 7))
                .checkAssert((at, bit) -> {
                    byte[] flipped = clean.clone();
                    flipped[at] ^= (byte) (1 << bit);
                    write(newest, flipped);
                    Map<String, byte[]> before = snapshot();
                    assertThatThrownBy(this::open).as("flip bit %d of byte %d", bit, at)
                            .isInstanceOf(RetailGenException.class).hasMessageContaining(newest.getFileName() + ":");
                    assertSame(before, snapshot());
                    write(newest, clean);
                });
        try (AuditLog log = open()) {
            assertThat(log.lastSeq()).isEqualTo(120 + 12);
        }
    }

    @Test
    void thirtyFlippedRecordsAreNamedAndKept() throws Exception {
        Path newest = AuditLog.logFiles(dir).get(AuditLog.logFiles(dir).size() - 1);
        String[] lines = Files.readString(newest).split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            b.append(i >= lines.length - 30 ? lines[i].replace("\"generation\"", "\"generatioN\"") : lines[i])
                    .append('\n');
        }
        Files.writeString(newest, b);
        Map<String, byte[]> before = snapshot();
        assertThatThrownBy(this::open).hasMessageContaining("hash mismatch");
        assertSame(before, snapshot());
        assertThat(AuditLog.verify(dir, KEYS.getPublic()).valid()).isFalse();
    }

    @Test
    void anUnfinishedLastLineIsCutAndNothingElse() throws Exception {
        Path newest = AuditLog.logFiles(dir).get(AuditLog.logFiles(dir).size() - 1);
        long size = Files.size(newest);
        Files.write(newest, "{\"seq\":133,\"ts\":\"2026-01-01T00:00:00Z\",\"type\":\"gen".getBytes(
                StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.write(newest, new byte[300], StandardOpenOption.APPEND); // zeros a power loss can leave
        long torn = Files.size(newest) - size;
        try (AuditLog log = open()) {
            assertThat(log.recoveredBytes()).isEqualTo(torn);
            assertThat(log.lastSeq()).isEqualTo(132);
        }
        assertThat(AuditLog.verify(dir, KEYS.getPublic()).problems()).isEmpty();
    }

    @Test
    void unterminatedLinesThatAreNotATornWriteFailTheOpen() throws Exception {
        Path newest = AuditLog.logFiles(dir).get(AuditLog.logFiles(dir).size() - 1);
        Path older = AuditLog.logFiles(dir).get(0);
        Files.writeString(older, "{\"seq\":", StandardOpenOption.APPEND);
        Map<String, byte[]> before = snapshot();
        assertThatThrownBy(this::open).hasMessageContaining(older.getFileName() + ":")
                .hasMessageContaining("not the newest");
        assertSame(before, snapshot());
        Files.writeString(older, Files.readString(older).replaceAll("\\{\"seq\":$", ""));

        Files.writeString(newest, "garbage", StandardOpenOption.APPEND);
        before = snapshot();
        assertThatThrownBy(this::open).hasMessageContaining("not the start of a record");
        assertSame(before, snapshot());
    }

    @Test
    void aCompleteLineWithAValidHashThatIsNotJsonFailsTheOpen() throws Exception {
        Path newest = AuditLog.logFiles(dir).get(AuditLog.logFiles(dir).size() - 1);
        String body = "{\"seq\":133,\"data\":[}";
        Files.writeString(newest, body.substring(0, body.length() - 1) + ",\"hash\":\"" + AuditLog.sha256(body)
                + "\"}\n", StandardOpenOption.APPEND);
        Map<String, byte[]> before = snapshot();
        assertThatThrownBy(this::open).isInstanceOf(RetailGenException.class)
                .hasMessageContaining(newest.getFileName() + ":").hasMessageContaining("not a JSON record");
        assertSame(before, snapshot());
    }

    @Test
    void aLogSignedWithAnotherKeyIsNotContinued() {
        Map<String, byte[]> before = snapshot();
        assertThatThrownBy(() -> AuditLog.builder().directory(dir).signingKey(AuditLog.generateKeyPair()).build())
                .isInstanceOf(RetailGenException.class).hasMessageContaining("audit-00000001.jsonl:")
                .hasMessageContaining("checkpoint signature invalid");
        assertSame(before, snapshot());
    }

    private static void write(Path f, byte[] bytes) {
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
