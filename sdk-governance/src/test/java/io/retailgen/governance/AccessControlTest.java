package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessControlTest {

    private static final KeyPair KEYS = AuditLog.generateKeyPair();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static GenerationRequest request(String principal, String module) {
        return GenerationRequest.builder().module(module).operation("explanation").principal(principal)
                .text("Because you viewed trail shoes").build();
    }

    private static List<JsonNode> records(Path dir, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(AuditLog.fileName(1)))) {
            JsonNode n = MAPPER.readTree(line);
            if (n.path("type").asText().equals(type)) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void generationIsCheckedBeforeTheModelRunsAndDenialsAreAudited(@TempDir Path dir) throws Exception {
        AtomicInteger generated = new AtomicInteger();
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).build()) {
            AccessControl access = AccessControl.builder()
                    .role(new Role("image-writer", Set.of(Permission.GENERATE), Set.of("imagegen")))
                    .grant("svc-recommend", "generator")
                    .grant("svc-imagegen", "image-writer")
                    .grant("alice", "reviewer")
                    .auditLog(log).build();
            InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log), new AccessInterceptor(access),
                    new PolicyInterceptor(ContentPolicy.defaults()));
            java.util.function.Function<GenerationRequest, GenerationResponse> model = r -> {
                generated.incrementAndGet();
                return GenerationResponse.allow(r.text());
            };

            assertThat(chain.execute(request("svc-recommend", "recommend"), model).verdict())
                    .isEqualTo(Verdict.ALLOW);
            assertThat(chain.execute(request("svc-imagegen", "imagegen"), model).verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(generated).hasValue(2);

            GenerationResponse wrongModule = chain.execute(request("svc-imagegen", "recommend"), model);
            GenerationResponse reviewer = chain.execute(request("alice", "recommend"), model);
            GenerationResponse anonymous = chain.execute(request(null, "recommend"), model);
            GenerationResponse stranger = chain.execute(request("mallory", "recommend"), model);
            for (GenerationResponse r : List.of(wrongModule, reviewer, anonymous, stranger)) {
                assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
                assertThat(r.attributes()).containsEntry("access.denied", "true");
                assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly("access.denied");
            }
            assertThat(generated).as("denied requests never reach the model").hasValue(2);
        }
        List<JsonNode> denied = records(dir, AccessControl.DENIED_RECORD);
        assertThat(denied).extracting(n -> n.path("data").path("principal").asText())
                .containsExactly("svc-imagegen", "alice", "", "mallory");
        assertThat(denied.get(0).path("data").path("resource").asText()).isEqualTo("recommend");
        assertThat(denied.get(0).path("data").path("roles").get(0).asText()).isEqualTo("image-writer");
        assertThat(denied.get(2).path("data").path("permission").asText()).isEqualTo("GENERATE");
        assertThat(records(dir, AuditInterceptor.RECORD_TYPE)).extracting(n -> n.path("data").path("verdict").asText())
                .containsExactly("ALLOW", "ALLOW", "BLOCK", "BLOCK", "BLOCK", "BLOCK");
        assertThat(AuditLog.verify(dir, KEYS.getPublic()).valid()).isTrue();
    }

    @Test
    void approvalAndAuditLogAccessNeedTheirPermissions(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("audit");
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).build()) {
            AccessControl access = AccessControl.builder().grant("alice", "reviewer").grant("audrey", "auditor")
                    .grant("root", "admin").grant("bot", "generator").auditLog(log).build();
            long seq = access.approve("alice", "recommend", "req-9", true, "copy checked");
            assertThat(seq).isPositive();
            assertThatThrownBy(() -> access.approve("bot", "recommend", "req-9", true, ""))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("'bot'").hasMessageContaining("APPROVE").hasMessageContaining("generator")
                    .satisfies(e -> assertThat(((AccessDeniedException) e).permission())
                            .isEqualTo(Permission.APPROVE));
            assertThatThrownBy(() -> access.readAuditLog("alice", dir)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> access.verifyAuditLog("bot", dir, KEYS.getPublic()))
                    .isInstanceOf(AccessDeniedException.class);
            log.flush();
            List<String> lines = access.readAuditLog("audrey", dir);
            assertThat(lines).anyMatch(l -> l.contains("\"type\":\"approval\"") && l.contains("req-9"));
            assertThat(lines).filteredOn(l -> l.contains("\"type\":\"access-denied\"")).hasSize(3);
            assertThat(access.allows("root", Permission.MANAGE_ACCESS, null)).isTrue();
            assertThat(access.allows("audrey", Permission.GENERATE, "recommend")).isFalse();
        }
        AccessControl noLog = AccessControl.builder().grant("audrey", "auditor").build();
        assertThat(noLog.verifyAuditLog("audrey", dir, KEYS.getPublic()).valid()).isTrue();
        assertThatThrownBy(() -> noLog.approve("audrey", "recommend", "r", true, ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit log");
    }

    @Test
    void builderAndJsonFileValidateRoleAndPermissionNames(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> AccessControl.builder().grant("alice", "superuser"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("superuser")
                .hasMessageContaining("generator");
        assertThatThrownBy(() -> new Role("bad name", Set.of(Permission.GENERATE), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Role("empty", Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class);

        Path file = dir.resolve("access.json");
        Files.writeString(file, "{\"roles\": {\"copywriter\": {\"permissions\": [\"GENERATE\"], "
                + "\"modules\": [\"imagegen\"]}}, \"grants\": {\"carol\": [\"copywriter\", \"reviewer\"]}, "
                + "\"anonymous\": [\"generator\"]}");
        AccessControl access = AccessControl.builder().load(file).build();
        assertThat(access.allows("carol", Permission.GENERATE, "imagegen")).isTrue();
        assertThat(access.allows("carol", Permission.GENERATE, "recommend")).isFalse();
        assertThat(access.allows("carol", Permission.APPROVE, "recommend")).isTrue();
        assertThat(access.allows(null, Permission.GENERATE, "recommend")).isTrue();
        assertThat(access.roles("carol")).extracting(Role::name).containsExactly("copywriter", "reviewer");

        Files.writeString(file, "{\"roles\": {\"x\": {\"permissions\": [\"FLY\"]}}}");
        assertThatThrownBy(() -> AccessControl.builder().load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FLY").hasMessageContaining("GENERATE");
    }
}
