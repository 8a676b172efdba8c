package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.governance.audit.AuditInterceptor;
import io.retailgen.governance.audit.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterceptorsTest {

    private static final KeyPair KEYS = AuditLog.generateKeyPair();

    private static GenerationRequest request(String text) {
        return GenerationRequest.builder().module("recommend").operation("explanation").requestId("req-1")
                .principal("shopper-7").model("session-gru", "3").text(text).build();
    }

    @Test
    void policyAndAuditWorkThroughTheCoreChain(@TempDir Path dir) throws Exception {
        AtomicInteger generated = new AtomicInteger();
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).build()) {
            InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log),
                    new PolicyInterceptor(ContentPolicy.defaults()));
            GenerationResponse blocked = chain.execute(request("this is shit"), r -> {
                generated.incrementAndGet();
                return GenerationResponse.allow(r.text());
            });
            assertThat(blocked.verdict()).isEqualTo(Verdict.BLOCK);
            assertThat(blocked.text()).isNull();
            assertThat(generated).hasValue(0);

            GenerationResponse redacted = chain.execute(request("Write to jo@example.com"),
                    r -> GenerationResponse.allow(r.text()));
            assertThat(redacted.verdict()).isEqualTo(Verdict.REDACT);
            assertThat(redacted.text()).isEqualTo("Write to [EMAIL]");
            assertThat(redacted.findings()).hasSize(1);

            GenerationResponse clean = chain.execute(request("Because you viewed trail shoes"),
                    r -> GenerationResponse.allow(r.text()));
            assertThat(clean.verdict()).isEqualTo(Verdict.ALLOW);

            assertThatThrownBy(() -> chain.execute(request("ok"), r -> {
                throw new IllegalStateException("model crashed");
            })).hasMessage("model crashed");
        }
        String content = Files.readString(AuditLog.logFiles(dir).get(0));
        assertThat(content).contains("\"verdict\":\"BLOCK\"", "\"verdict\":\"REDACT\"", "\"verdict\":\"ALLOW\"",
                "\"verdict\":\"ERROR\"", "\"principal\":\"shopper-7\"", "\"model\":\"session-gru:3\"")
                .doesNotContain("jo@example.com");
        assertThat(AuditLog.verify(dir, KEYS.getPublic()).valid()).isTrue();
    }

    @Test
    void requestsWithoutTextPassThrough() {
        InterceptorChain chain = InterceptorChain.of(new PolicyInterceptor(ContentPolicy.defaults()));
        GenerationRequest r = GenerationRequest.builder().module("imagegen").operation("variation")
                .image(new byte[] {1, 2}).build();
        assertThat(chain.execute(r, x -> GenerationResponse.allow(null)).verdict()).isEqualTo(Verdict.ALLOW);
    }
}
