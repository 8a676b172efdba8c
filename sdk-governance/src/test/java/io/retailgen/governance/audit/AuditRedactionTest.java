package io.retailgen.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRedactionTest {

    @Test
    void thePiiPrefilterOnlySkipsAsciiTextWithoutDigitsOrAtSigns() {
        assertThat(AuditLog.mayHoldPii("recommend")).isFalse();
        assertThat(AuditLog.mayHoldPii("Because you viewed trail shoes")).isFalse();
        assertThat(AuditLog.mayHoldPii("jo@example.com")).isTrue();
        assertThat(AuditLog.mayHoldPii("call 555 0100")).isTrue();
        assertThat(AuditLog.mayHoldPii("ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ")).isTrue();
        assertThat(AuditLog.mayHoldPii("")).isFalse();
    }

    @Test
    void personalDataIsStillRedactedInEveryForm(@TempDir Path dir) throws Exception {
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(AuditLog.generateKeyPair()).build()) {
            log.append("t", Map.of("a", "mail jo@example.com", "b", "ｍａｉｌ ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ",
                    "c", "call +1 (555) 123-4567", "d", "ship to 221B Baker Street", "e", "plain words stay"));
        }
        String content = Files.readString(dir.resolve(AuditLog.fileName(1)));
        assertThat(content).doesNotContain("jo@example.com", "ｊｏ＠", "123-4567", "221B")
                .contains("[EMAIL]", "[PHONE]", "[ADDRESS]", "plain words stay");
    }
}
