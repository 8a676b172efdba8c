package io.retailgen.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per log directory: a second one, here or in another process, fails at once. */
class AuditLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterInThisJvmFailsFastAndTheFirstKeepsWriting() {
        KeyPair keys = AuditLog.generateKeyPair();
        Path log = dir.resolve("log");
        try (AuditLog first = AuditLog.builder().directory(log).signingKey(keys).build()) {
            first.append("generation", Map.of("requestId", "r-1"));
            assertThatThrownBy(() -> AuditLog.builder().directory(log).signingKey(keys).build())
                    .isInstanceOf(RetailGenException.class).hasMessageContaining("already open for writing")
                    .hasMessageContaining(log.toString());
            // the same directory by another spelling is the same directory
            assertThatThrownBy(() -> AuditLog.builder().directory(log.resolve("../log")).signingKey(keys).build())
                    .isInstanceOf(RetailGenException.class);
            first.append("generation", Map.of("requestId", "r-2"));
        }
        try (AuditLog again = AuditLog.builder().directory(log).signingKey(keys).build()) {
            assertThat(again.lastSeq()).isEqualTo(3);
        }
        assertThat(AuditLog.verify(log, keys.getPublic()).problems()).isEmpty();
    }

    @Test
    void aSecondWriterInAnotherProcessFailsFastUntilTheHolderDies() throws Exception {
        Path keyFile = dir.resolve("keys/audit.key");
        AuditKeys.write(AuditLog.generateKeyPair(), keyFile, dir.resolve("keys/audit.pub"));
        KeyPair keys = AuditKeys.readKeyPair(keyFile);
        Path log = dir.resolve("log");
        Path err = dir.resolve("child-err.txt");
        Process child = AuditChild.start(err, "hold", log.toString(), keyFile.toString());
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(r.readLine()).as("child: %s", Files.readString(err)).isEqualTo("open");
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> AuditLog.builder().directory(log).signingKey(keys).build())
                    .isInstanceOf(RetailGenException.class).hasMessageContaining("locked by another writer")
                    .hasMessageContaining("pid " + child.pid());
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds to fail").isLessThan(5);
        } finally {
            AuditChild.kill(child);
        }
        try (AuditLog mine = AuditLog.builder().directory(log).signingKey(keys).build()) {
            mine.append("generation", Map.of("requestId", "after"));
        }
        assertThat(AuditLog.verify(log, keys.getPublic()).problems()).isEmpty();
    }
}
