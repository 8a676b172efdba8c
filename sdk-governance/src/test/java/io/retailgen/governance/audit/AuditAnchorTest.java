package io.retailgen.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
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

/** Strict verification and anchor receipts: what a log alone cannot show, a receipt kept elsewhere can. */
class AuditAnchorTest {

    private static final KeyPair KEYS = AuditLog.generateKeyPair();

    @TempDir
    Path root;

    private Path dir;
    private Path receipt;

    @BeforeEach
    void writeLog() {
        dir = root.resolve("log");
        receipt = root.resolve("anchors/audit-anchor.json");
        append(0, 120);
    }

    private void append(int from, int to) {
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).anchor(receipt).maxFileBytes(4096)
                .checkpointEvery(25).build()) {
            for (int i = from; i < to; i++) {
                log.append("generation", Map.of("requestId", "r-" + i, "text", "generated text number " + i));
            }
        }
    }

    private AuditVerification verifyAnchored() {
        return AuditLog.verify(dir, KEYS.getPublic(),
                AuditVerifyOptions.strict().withAnchor(AuditAnchor.read(receipt)));
    }

    private Path newest() throws Exception {
        List<Path> files = AuditLog.logFiles(dir);
        return files.get(files.size() - 1);
    }

    @Test
    void theReceiptFollowsEveryCheckpointAndAnUntouchedLogVerifies() throws Exception {
        AuditAnchor a = AuditAnchor.read(receipt);
        assertThat(a.seq()).isEqualTo(120 + 120 / 25 + 1);
        assertThat(a.file()).isEqualTo(newest().getFileName().toString());
        AuditVerification v = verifyAnchored();
        assertThat(v.problems()).isEmpty();
        assertThat(v.anchorChecked()).isTrue();
        assertThat(v.lastCheckpoint()).isEqualTo(a);
        append(120, 130);
        assertThat(AuditAnchor.read(receipt).seq()).isGreaterThan(a.seq());
        assertThat(verifyAnchored().problems()).isEmpty();
    }

    @Test
    void aLogCutBackToAnEarlierCheckpointFails() throws Exception {
        // cut the log back to just after its second-to-last checkpoint: chain and signatures stay intact
        List<Path> files = AuditLog.logFiles(dir);
        int checkpointsSeen = 0;
        for (int i = files.size() - 1; i >= 0 && checkpointsSeen < 2; i--) {
            List<String> lines = Files.readAllLines(files.get(i), StandardCharsets.UTF_8);
            int keep = lines.size();
            while (keep > 0 && checkpointsSeen < 2) {
                keep--;
                if (lines.get(keep).contains("\"type\":\"checkpoint\"")) {
                    checkpointsSeen++;
                }
            }
            if (checkpointsSeen == 2) {
                Files.writeString(files.get(i), String.join("\n", lines.subList(0, keep + 1)) + "\n");
            } else {
                Files.delete(files.get(i));
            }
        }
        assertThat(AuditLog.verify(dir, KEYS.getPublic()).valid()).as("without the anchor the cut is invisible")
                .isTrue();
        AuditVerification v = verifyAnchored();
        assertThat(v.valid()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains("cut back"));
        assertThatThrownBy(() -> append(0, 1)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("does not match its anchor");
    }

    @Test
    void aDeletedNewestRotatedFileFails() throws Exception {
        assertThat(AuditLog.logFiles(dir)).hasSizeGreaterThan(2);
        Files.delete(newest());
        AuditVerification v = verifyAnchored();
        assertThat(v.valid()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains("newest file deleted"));
    }

    @Test
    void aForgedRecordAfterTheLastCheckpointFails() throws Exception {
        Path f = newest();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        String prev = AuditScan.hashOf(last);
        long seq = Long.parseLong(last.replaceAll("^\\{\"seq\":(\\d+),.*", "$1")) + 1;
        String body = "{\"seq\":" + seq + ",\"ts\":\"2026-01-01T00:00:00Z\",\"type\":\"generation\",\"prev\":\""
                + prev + "\",\"data\":{\"requestId\":\"forged\"}}";
        Files.writeString(f, body.substring(0, body.length() - 1) + ",\"hash\":\"" + AuditLog.sha256(body) + "\"}\n",
                StandardOpenOption.APPEND);
        AuditVerification strict = AuditLog.verify(dir, KEYS.getPublic());
        assertThat(strict.valid()).isFalse();
        assertThat(strict.unsignedTail()).isEqualTo(1);
        assertThat(strict.problems()).anyMatch(p -> p.contains("after the last signed checkpoint"));
        assertThat(verifyAnchored().valid()).isFalse();
        assertThat(AuditLog.verify(dir, KEYS.getPublic(), AuditVerifyOptions.strict().allowingUnsignedTail())
                .valid()).as("the caller opted in to an unsigned tail").isTrue();
    }

    @Test
    void aLogWithNoCheckpointWhoseChainWasRecomputedAfterAnEditFails(@TempDir Path other) throws Exception {
        try (AuditLog log = AuditLog.builder().directory(other).signingKey(KEYS).build()) {
            log.append("generation", Map.of("verdict", "BLOCK"));
            log.append("generation", Map.of("verdict", "BLOCK"));
        }
        Path f = other.resolve(AuditLog.fileName(1));
        List<String> out = new ArrayList<>();
        String prev = AuditScan.GENESIS;
        for (String line : Files.readAllLines(f)) {
            if (line.contains("\"checkpoint\"")) {
                continue; // drop the signed checkpoint
            }
            String body = AuditScan.bodyOf(line).replace("BLOCK", "ALLOW")
                    .replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
            prev = AuditLog.sha256(body);
            out.add(body.substring(0, body.length() - 1) + ",\"hash\":\"" + prev + "\"}");
        }
        Files.writeString(f, String.join("\n", out) + "\n");
        AuditVerification v = AuditLog.verify(other, KEYS.getPublic());
        assertThat(v.valid()).isFalse();
        assertThat(v.checkpoints()).isZero();
        assertThat(v.problems()).anyMatch(p -> p.contains("no signed checkpoint"));
    }

    @Test
    void aReceiptFromAnotherKeyOrAForgedOneFails() throws Exception {
        KeyPair other = AuditLog.generateKeyPair();
        AuditVerification v = AuditLog.verify(dir, other.getPublic(),
                AuditVerifyOptions.strict().withAnchor(AuditAnchor.read(receipt)));
        assertThat(v.problems()).anyMatch(p -> p.contains("anchor: the receipt was signed by key"));
        AuditAnchor a = AuditAnchor.read(receipt);
        new AuditAnchor(a.seq(), a.head(), a.hash(), a.file(), other.getPublic().getEncoded().length > 0
                ? java.util.Base64.getEncoder().encodeToString(new byte[64]) : "", a.key()).write(receipt);
        assertThat(verifyAnchored().problems()).anyMatch(p -> p.contains("receipt forged"));
    }

    @Test
    void theReceiptMustLiveOutsideTheLogAndMalformedOnesAreNamed() throws Exception {
        assertThatThrownBy(() -> AuditLog.builder().directory(dir).signingKey(KEYS)
                .anchor(dir.resolve("sub/anchor.json")).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside the log directory");
        Files.writeString(receipt, "{\"format\":\"retailgen-audit-anchor/1\",\"seq\":3}");
        assertThatThrownBy(() -> AuditAnchor.read(receipt)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("audit-anchor.json").hasMessageContaining("\"head\"");
        Files.writeString(receipt, "[]");
        assertThatThrownBy(() -> AuditAnchor.read(receipt)).hasMessageContaining("not a receipt");
    }
}
