package io.retailgen.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role-based access control for generation, approval and audit-log access. Principals (the
 * {@link io.retailgen.core.intercept.GenerationRequest#principal()} of a request, or a user name) are granted
 * {@link Role}s; an action is allowed when any of the principal's roles allows it. Every denied attempt is written to
 * the audit log (record type {@value #DENIED_RECORD}) when one is configured, and logged at WARN otherwise.
 *
 * <pre>{@code
 * AccessControl access = AccessControl.builder()
 *         .grant("svc-recommend", "generator")
 *         .grant("alice", "reviewer", "auditor")
 *         .auditLog(log)
 *         .build();
 * InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log), new AccessInterceptor(access),
 *         new PolicyInterceptor(policy));
 * access.approve("alice", "recommend", requestId, true, "checked copy");
 * AuditVerification v = access.verifyAuditLog("alice", logDir, publicKey);
 * }</pre>
 *
 * <p>Immutable after {@link Builder#build()} and safe for concurrent use.
 */
public final class AccessControl {

    /** The audit record type of a denied attempt. */
    public static final String DENIED_RECORD = "access-denied";
    /** The audit record type of an approval decision. */
    public static final String APPROVAL_RECORD = "approval";

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Role> roles;
    private final Map<String, List<Role>> grants;
    private final List<Role> anonymous;
    private final AuditLog auditLog;

    private AccessControl(Builder b) {
        this.roles = Collections.unmodifiableMap(new LinkedHashMap<>(b.roles));
        Map<String, List<Role>> g = new LinkedHashMap<>();
        b.grants.forEach((p, names) -> g.put(p, resolve(names)));
        this.grants = Collections.unmodifiableMap(g);
        this.anonymous = resolve(b.anonymous);
        this.auditLog = b.auditLog;
    }

    private List<Role> resolve(Set<String> names) {
        List<Role> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(roles.get(n));
        }
        return List.copyOf(out);
    }

    /** @return a builder that knows the standard roles (generator, reviewer, auditor, admin) and grants nothing */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param principal a principal, or null for an anonymous caller
     * @return the roles granted to it (for null: the anonymous roles), in grant order
     */
    public List<Role> roles(String principal) {
        if (principal == null) {
            return anonymous;
        }
        return grants.getOrDefault(principal, List.of());
    }

    /** @return the roles this access control knows, by name (unmodifiable) */
    public Map<String, Role> knownRoles() {
        return roles;
    }

    /**
     * Answers without auditing.
     *
     * @param principal a principal, or null for an anonymous caller
     * @param permission the permission
     * @param module the module the action concerns (for GENERATE and APPROVE), or null
     * @return true when one of the principal's roles allows it
     */
    public boolean allows(String principal, Permission permission, String module) {
        Objects.requireNonNull(permission, "permission == null");
        for (Role r : roles(principal)) {
            if (r.allows(permission, module)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks a permission; a denial is audited and thrown.
     *
     * @param principal a principal, or null for an anonymous caller
     * @param permission the permission needed
     * @param resource the module (for GENERATE and APPROVE) or other resource the action concerns, or null
     * @throws AccessDeniedException when none of the principal's roles allows it
     */
    public void check(String principal, Permission permission, String resource) {
        if (!allows(principal, permission, resource)) {
            throw deny(principal, permission, resource);
        }
    }

    /**
     * Records a denial (in the audit log, or at WARN when there is none) and returns the exception describing it.
     * Used by {@link #check} and by {@link AccessInterceptor}, which blocks instead of throwing.
     */
    AccessDeniedException deny(String principal, Permission permission, String resource) {
        List<String> names = new ArrayList<>();
        for (Role r : roles(principal)) {
            names.add(r.name());
        }
        String who = principal == null ? "anonymous caller" : "principal '" + principal + "'";
        String message = who + " lacks permission " + permission
                + (resource == null ? "" : " on '" + resource + "'")
                + " (roles: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
        if (auditLog != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("principal", principal == null ? "" : principal);
            data.put("permission", permission.name());
            if (resource != null) {
                data.put("resource", resource);
            }
            data.put("roles", names);
            auditLog.append(DENIED_RECORD, data);
        } else {
            LOG.warn("access denied: {}", message);
        }
        return new AccessDeniedException(principal, permission, resource, message);
    }

    /**
     * Records a reviewer's decision about a generated output in the audit log (type {@value #APPROVAL_RECORD}).
     *
     * @param principal the reviewer
     * @param module the module that generated the output
     * @param requestId the request id of the output
     * @param approved true to approve, false to reject
     * @param note a free-text note (PII-redacted by the log), may be empty
     * @return the sequence number of the approval record
     * @throws AccessDeniedException when the principal lacks {@link Permission#APPROVE} for the module
     * @throws IllegalStateException when this access control has no audit log
     */
    public long approve(String principal, String module, String requestId, boolean approved, String note) {
        Objects.requireNonNull(module, "module == null");
        Objects.requireNonNull(requestId, "requestId == null");
        Objects.requireNonNull(note, "note == null");
        if (auditLog == null) {
            throw new IllegalStateException("approve(...) needs an audit log: call Builder.auditLog(log)");
        }
        check(principal, Permission.APPROVE, module);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("principal", principal);
        data.put("module", module);
        data.put("requestId", requestId);
        data.put("approved", approved);
        data.put("note", note);
        return auditLog.append(APPROVAL_RECORD, data);
    }

    /**
     * Verifies an audit log on behalf of a principal.
     *
     * @param principal who asks
     * @param directory the log directory
     * @param publicKey the checkpoint key
     * @return the verification
     * @throws AccessDeniedException when the principal lacks {@link Permission#VERIFY_AUDIT_LOG}
     */
    public AuditVerification verifyAuditLog(String principal, Path directory, PublicKey publicKey) {
        Objects.requireNonNull(directory, "directory == null");
        check(principal, Permission.VERIFY_AUDIT_LOG, directory.toString());
        return AuditLog.verify(directory, publicKey);
    }

    /**
     * Reads every record of an audit log, oldest first, on behalf of a principal.
     *
     * @param principal who asks
     * @param directory the log directory
     * @return the records as JSON Lines strings, in order
     * @throws AccessDeniedException when the principal lacks {@link Permission#READ_AUDIT_LOG}
     * @throws RetailGenException when the files cannot be read
     */
    public List<String> readAuditLog(String principal, Path directory) {
        Objects.requireNonNull(directory, "directory == null");
        check(principal, Permission.READ_AUDIT_LOG, directory.toString());
        try {
            List<String> lines = new ArrayList<>();
            for (Path f : AuditLog.listFiles(directory)) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read audit log " + directory + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "AccessControl[roles=" + roles.keySet() + ", principals=" + grants.size() + "]";
    }

    /**
     * Collects roles and grants. Setters validate at once. Not thread-safe.
     *
     * <p>The JSON form read by {@link #load(Path)}:
     * <pre>{@code
     * {"roles": {"copywriter": {"permissions": ["GENERATE"], "modules": ["imagegen"]}},
     *  "grants": {"alice": ["reviewer", "auditor"], "svc-imagegen": ["copywriter"]},
     *  "anonymous": []}
     * }</pre>
     */
    public static final class Builder {
        private final Map<String, Role> roles = new LinkedHashMap<>();
        private final Map<String, Set<String>> grants = new LinkedHashMap<>();
        private final Set<String> anonymous = new LinkedHashSet<>();
        private AuditLog auditLog;

        Builder() {
            for (Role r : List.of(Role.GENERATOR, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)) {
                roles.put(r.name(), r);
            }
        }

        /**
         * @param role a role to define, or to redefine (a standard role may be replaced)
         * @return this builder
         */
        public Builder role(Role role) {
            Objects.requireNonNull(role, "role == null");
            roles.put(role.name(), role);
            return this;
        }

        /**
         * @param principal the principal, not blank
         * @param roleNames names of known roles (define custom roles first)
         * @return this builder
         * @throws IllegalArgumentException when a role is unknown
         */
        public Builder grant(String principal, String... roleNames) {
            Objects.requireNonNull(principal, "principal == null");
            if (principal.isBlank()) {
                throw new IllegalArgumentException("principal must not be blank");
            }
            Objects.requireNonNull(roleNames, "roleNames == null");
            grants.computeIfAbsent(principal, p -> new LinkedHashSet<>()).addAll(known(roleNames));
            return this;
        }

        /**
         * @param roleNames roles that requests without a principal get (none by default: anonymous callers are
         *     denied)
         * @return this builder
         */
        public Builder anonymous(String... roleNames) {
            Objects.requireNonNull(roleNames, "roleNames == null");
            anonymous.addAll(known(roleNames));
            return this;
        }

        /**
         * @param log the log that denials and approvals are written to (not closed by the access control)
         * @return this builder
         */
        public Builder auditLog(AuditLog log) {
            this.auditLog = Objects.requireNonNull(log, "log == null");
            return this;
        }

        /**
         * Adds the roles and grants of a JSON file (format in the class Javadoc).
         *
         * @param file the file
         * @return this builder
         * @throws RetailGenException when the file cannot be read or parsed
         * @throws IllegalArgumentException when it names an unknown role or permission
         */
        public Builder load(Path file) {
            Objects.requireNonNull(file, "file == null");
            JsonNode root;
            try {
                root = MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                throw new RetailGenException(ErrorCode.IO, "cannot read access file " + file + ": " + e, e);
            }
            if (root == null || !root.isObject()) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, "access file " + file
                        + " must hold a JSON object with \"roles\", \"grants\" and \"anonymous\"");
            }
            for (Map.Entry<String, JsonNode> e : root.path("roles").properties()) {
                Set<Permission> perms = EnumSet.noneOf(Permission.class);
                for (JsonNode p : e.getValue().path("permissions")) {
                    perms.add(permission(p.asText(), file));
                }
                Set<String> modules = new TreeSet<>();
                e.getValue().path("modules").forEach(m -> modules.add(m.asText()));
                role(new Role(e.getKey(), perms, modules));
            }
            for (Map.Entry<String, JsonNode> e : root.path("grants").properties()) {
                List<String> names = new ArrayList<>();
                e.getValue().forEach(n -> names.add(n.asText()));
                grant(e.getKey(), names.toArray(String[]::new));
            }
            List<String> anon = new ArrayList<>();
            root.path("anonymous").forEach(n -> anon.add(n.asText()));
            anonymous(anon.toArray(String[]::new));
            return this;
        }

        private static Permission permission(String name, Path file) {
            try {
                return Permission.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown permission '" + name + "' in " + file + "; known: "
                        + java.util.Arrays.toString(Permission.values()), e);
            }
        }

        private List<String> known(String... names) {
            List<String> out = new ArrayList<>();
            for (String n : names) {
                if (!roles.containsKey(n)) {
                    throw new IllegalArgumentException("unknown role '" + n + "'; known roles: " + roles.keySet());
                }
                out.add(n);
            }
            return out;
        }

        /** @return the access control */
        public AccessControl build() {
            return new AccessControl(this);
        }
    }
}
