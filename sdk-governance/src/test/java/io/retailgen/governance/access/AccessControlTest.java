package io.retailgen.governance.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyInterceptor;
import io.retailgen.governance.access.ManagedContentPolicy;
import io.retailgen.governance.audit.AuditInterceptor;
import io.retailgen.governance.audit.AuditLog;
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
        for (String line : Files.readAllLines(AuditLog.logFiles(dir).get(0))) {
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

    private static String loadError(Path file, String json) throws Exception {
        Files.writeString(file, json);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> AccessControl.builder().load(file));
        assertThat(t).as(json).isNotNull();
        return t.getMessage();
    }

    @Test
    void accessFileErrorsNameTheFieldAndAStringIsNeverAList(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("access.json");
        Files.writeString(file, "{\"roles\": {\"copywriter\": {\"permissions\": [\"GENERATE\"], "
                + "\"modules\": \"imagegen\"}}, \"grants\": {\"carol\": [\"copywriter\"]}}");
        assertThatThrownBy(() -> AccessControl.builder().load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("roles[\"copywriter\"].modules")
                .hasMessageContaining("must be a list")
                .hasMessageContaining("was a string \"imagegen\"");

        String[][] cases = {
            {"{\"roles\": {\"w\": {\"permissions\": \"GENERATE\"}}}", "roles[\"w\"].permissions must be a list"},
            {"{\"roles\": {\"w\": {\"permissions\": [\"GENERATE\", 7]}}}",
                    "roles[\"w\"].permissions[1] must be a string, was a number 7"},
            {"{\"roles\": {\"w\": {\"permissions\": [\"GENERATE\"], \"module\": [\"x\"]}}}",
                    "roles[\"w\"].module is not a known field", "modules"},
            {"{\"roles\": {\"w\": {\"modules\": [\"imagegen\"]}}}", "roles[\"w\"].permissions is required"},
            {"{\"roles\": {\"w\": {\"permissions\": []}}}", "roles[\"w\"]", "at least one permission"},
            {"{\"roles\": [{\"permissions\": [\"GENERATE\"]}]}", "roles must be a JSON object, was a list"},
            {"{\"grants\": {\"alice\": \"admin\"}}",
                    "grants[\"alice\"] must be a list of role names", "was a string \"admin\""},
            {"{\"grants\": {\"alice\": [\"root\"]}}", "grants[\"alice\"]", "unknown role 'root'"},
            {"{\"anonymous\": \"generator\"}", "anonymous must be a list of role names"},
            {"{\"grant\": {\"alice\": [\"admin\"]}}", "grant is not a known field", "grants"},
            {"[]", "(top level) must be a JSON object"},
            {"{\"roles\": {\"w\": {\"permissions\": [\"GENERATE\"]}, "
                    + "\"w\": {\"permissions\": [\"MANAGE_ACCESS\"]}}}",
                    file.toString() + ":1:", "Duplicate field 'w'"},
            {"{\"roles\": {\"w\": {\"permissions\": [\"GENERATE\"], \"modules\": null}}}",
                    "roles[\"w\"].modules must be a list", "was null"},
        };
        for (String[] c : cases) {
            assertThat(loadError(file, c[0])).as(c[0]).contains(java.util.Arrays.copyOfRange(c, 1, c.length));
        }
    }

    @Test
    void builtInAndDefinedRolesCannotBeRedefinedAfterTheyWereGranted(@TempDir Path dir) throws Exception {
        AccessControl.Builder b = AccessControl.builder().grant("bob", "reviewer");
        Role everything = new Role("reviewer", java.util.EnumSet.allOf(Permission.class), Set.of());
        assertThatThrownBy(() -> b.role(everything)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'reviewer' is built in");
        AccessControl built = b.build();
        assertThat(built.allows("bob", Permission.MANAGE_ACCESS, null)).isFalse();
        assertThat(built.knownRoles().get("reviewer")).isEqualTo(Role.REVIEWER);

        Path file = dir.resolve("access.json");
        Files.writeString(file, "{\"grants\": {\"bob\": [\"reviewer\"]}, \"roles\": {\"reviewer\": "
                + "{\"permissions\": [\"APPROVE\", \"MANAGE_ACCESS\", \"MANAGE_POLICY\"]}}}");
        assertThatThrownBy(() -> AccessControl.builder().load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("roles[\"reviewer\"]").hasMessageContaining("built in");

        AccessControl.Builder custom = AccessControl.builder()
                .role(new Role("copywriter", Set.of(Permission.GENERATE), Set.of("imagegen"))).grant("carol",
                        "copywriter");
        assertThatThrownBy(() -> custom.role(new Role("copywriter", Set.of(Permission.GENERATE), Set.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already defined");

        AccessControl access = AccessControl.builder().grant("root", "admin").grant("bob", "reviewer").build();
        assertThatThrownBy(() -> access.defineRole("root", everything)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built in");
        assertThat(access.allows("bob", Permission.MANAGE_POLICY, null)).isFalse();
    }

    @Test
    void manageAccessIsCheckedAuditedAndCannotEscalate(@TempDir Path dir) throws Exception {
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).build()) {
            AccessControl access = AccessControl.builder()
                    .role(new Role("team-lead", Set.of(Permission.MANAGE_ACCESS, Permission.APPROVE), Set.of()))
                    .grant("root", "admin").grant("lead", "team-lead").grant("alice", "reviewer")
                    .auditLog(log).build();
            InterceptorChain chain = InterceptorChain.of(new AccessInterceptor(access));

            assertThatThrownBy(() -> access.grant("alice", "bob", "reviewer"))
                    .isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> assertThat(((AccessDeniedException) e).permission())
                            .isEqualTo(Permission.MANAGE_ACCESS));
            assertThatThrownBy(() -> access.defineRole(null, Role.of("x", Permission.GENERATE)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(access.roles("bob")).isEmpty();

            access.grant("lead", "bob", "reviewer");
            assertThat(access.allows("bob", Permission.APPROVE, "imagegen")).isTrue();
            assertThatThrownBy(() -> access.grant("lead", "lead", "admin")).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("admin");
            assertThatThrownBy(() -> access.grant("lead", "bob", "generator"))
                    .isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> assertThat(((AccessDeniedException) e).permission())
                            .isEqualTo(Permission.GENERATE));
            assertThat(access.roles("lead")).extracting(Role::name).containsExactly("team-lead");

            assertThat(chain.execute(request("svc", "recommend"), r -> GenerationResponse.allow(r.text())).verdict())
                    .isEqualTo(Verdict.BLOCK);
            access.defineRole("root", new Role("recommender-bot", Set.of(Permission.GENERATE), Set.of("recommend")));
            access.grant("root", "svc", "recommender-bot");
            assertThat(chain.execute(request("svc", "recommend"), r -> GenerationResponse.allow(r.text())).verdict())
                    .as("the interceptor sees the new grant").isEqualTo(Verdict.ALLOW);
            access.revoke("root", "svc", "recommender-bot");
            assertThat(access.roles("svc")).isEmpty();
            assertThat(chain.execute(request("svc", "recommend"), r -> GenerationResponse.allow(r.text())).verdict())
                    .isEqualTo(Verdict.BLOCK);
        }
        List<JsonNode> changes = records(dir, AccessControl.CHANGE_RECORD);
        assertThat(changes).extracting(n -> n.path("data").path("principal").asText() + ":"
                + n.path("data").path("action").asText() + ":" + n.path("data").path("target").asText(""))
                .containsExactly("lead:grant:bob", "root:define-role:", "root:grant:svc", "root:revoke:svc");
        assertThat(records(dir, AccessControl.DENIED_RECORD)).extracting(n -> n.path("data").path("permission")
                .asText()).containsExactly("MANAGE_ACCESS", "MANAGE_ACCESS", "GENERATE", "GENERATE", "GENERATE",
                        "GENERATE");
    }

    @Test
    void managePolicyIsNeededToReplaceAPolicy(@TempDir Path dir) throws Exception {
        ContentPolicy blockAll = ContentPolicy.builder().check(text -> List.of(io.retailgen.core.intercept.Finding
                .whole("test.block-all", "test", io.retailgen.core.intercept.Severity.HIGH, "blocked"))).build();
        try (AuditLog log = AuditLog.builder().directory(dir).signingKey(KEYS).build()) {
            AccessControl access = AccessControl.builder()
                    .role(Role.of("policy-owner", Permission.MANAGE_POLICY))
                    .grant("pat", "policy-owner").grant("alice", "reviewer").grant("root", "admin")
                    .auditLog(log).build();
            ManagedContentPolicy policy = new ManagedContentPolicy(ContentPolicy.defaults(), access);
            InterceptorChain chain = InterceptorChain.of(new PolicyInterceptor(policy));
            assertThat(chain.execute(request("svc", "recommend"), r -> GenerationResponse.allow(r.text())).verdict())
                    .isEqualTo(Verdict.ALLOW);

            assertThatThrownBy(() -> policy.replace("alice", blockAll, "testing"))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("MANAGE_POLICY");
            assertThatThrownBy(() -> policy.replace(null, blockAll, "")).isInstanceOf(AccessDeniedException.class);
            assertThat(policy.current()).isSameAs(ContentPolicy.defaults());

            policy.replace("pat", blockAll, "freeze all copy");
            assertThat(policy.current()).isSameAs(blockAll);
            assertThat(chain.execute(request("svc", "recommend"), r -> GenerationResponse.allow(r.text())).verdict())
                    .isEqualTo(Verdict.BLOCK);
            assertThatThrownBy(() -> access.grant("pat", "alice", "policy-owner"))
                    .as("MANAGE_POLICY is not MANAGE_ACCESS").isInstanceOf(AccessDeniedException.class);
        }
        List<JsonNode> changes = records(dir, ManagedContentPolicy.CHANGE_RECORD);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path("data").path("principal").asText()).isEqualTo("pat");
        assertThat(changes.get(0).path("data").path("reason").asText()).isEqualTo("freeze all copy");
        assertThat(records(dir, AccessControl.DENIED_RECORD)).extracting(n -> n.path("data").path("permission")
                .asText()).containsExactly("MANAGE_POLICY", "MANAGE_POLICY", "MANAGE_ACCESS");
    }
}
