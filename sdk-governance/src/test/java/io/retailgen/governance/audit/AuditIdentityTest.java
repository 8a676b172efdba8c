package io.retailgen.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who did what is kept: identity fields are stored as given (or keyed-hashed), never PII-redacted. */
class AuditIdentityTest {

    private static List<JsonNode> records(Path dir) throws Exception {
        ObjectMapper m = new ObjectMapper();
        return Files.readAllLines(dir.resolve(AuditLog.fileName(1)), StandardCharsets.UTF_8).stream()
                .map(l -> {
                    try {
                        return m.readTree(l);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void emailLikePrincipalsAndReviewersAreStoredAsGivenWhileTextIsStillRedacted(@TempDir Path dir)
            throws Exception {
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(AuditLog.generateKeyPair()).build()) {
            log.append("review", Map.of("reviewer", "maria.lopez@example.com", "text", "mail jo@example.com",
                    "decision", Map.of("actor", "ops+1@example.com")));
            InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log));
            chain.execute(GenerationRequest.builder().requestId("r-1").module("recommend").operation("next")
                    .principal("ana@example.com")
                    .text("hello").build(), r -> GenerationResponse.allow("call 555 123 4567"));
        }
        List<JsonNode> r = records(dir);
        assertThat(r.get(0).at("/data/reviewer").asText()).isEqualTo("maria.lopez@example.com");
        assertThat(r.get(0).at("/data/decision/actor").asText()).isEqualTo("ops+1@example.com");
        assertThat(r.get(0).at("/data/text").asText()).isEqualTo("mail [EMAIL]");
        assertThat(r.get(1).at("/data/principal").asText()).isEqualTo("ana@example.com");
        assertThat(r.get(1).at("/data/text").asText()).doesNotContain("4567");
    }

    @Test
    void theOperatorCanAskForAKeyedHashInstead(@TempDir Path dir) throws Exception {
        byte[] key = "an operator secret of 32 bytes..".getBytes(StandardCharsets.UTF_8);
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(AuditLog.generateKeyPair())
                .hashIdentities(key).identityFields("principal", "approver").build()) {
            log.append("review", Map.of("principal", "ana@example.com", "approver", "bo@example.com",
                    "reviewer", "cy@example.com"));
        }
        JsonNode data = records(dir).get(0).get("data");
        String expected = AuditLog.keyedIdentity(key, "ana@example.com");
        assertThat(expected).startsWith("hmac-sha256:").hasSize("hmac-sha256:".length() + 64);
        assertThat(data.get("principal").asText()).isEqualTo(expected);
        assertThat(data.get("approver").asText()).isEqualTo(AuditLog.keyedIdentity(key, "bo@example.com"))
                .isNotEqualTo(expected);
        // not named as an identity field here, so redacted as text
        assertThat(data.get("reviewer").asText()).isEqualTo("[EMAIL]");
        assertThat(Files.readString(dir.resolve(AuditLog.fileName(1)))).doesNotContain("ana@example.com");
        assertThatThrownBy(() -> AuditLog.builder().hashIdentities(new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
    }
}
