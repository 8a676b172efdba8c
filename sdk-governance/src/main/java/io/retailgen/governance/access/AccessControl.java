package io.retailgen.governance.access;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.governance.audit.AuditLog;
import io.retailgen.governance.audit.AuditVerification;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role-based access control for generation, approval, audit-log access and its own management. Principals (the
 * {@link io.retailgen.core.intercept.GenerationRequest#principal()} of a request, or a user name) are granted
 * {@link Role}s; an action is allowed when any of the principal's roles allows it. Every denied attempt is written to
 * the audit log (record type {@value #DENIED_RECORD}) when one is configured, and logged at WARN otherwise.
 *
 * <pre>{@code
 * AccessControl access = AccessControl.builder()
 *         .grant("svc-recommend", "generator")
 *         .grant("alice", "reviewer", "auditor")
 *         .grant("ops", "admin")
 *         .auditLog(log)
 *         .build();
 * InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log), new AccessInterceptor(access),
 *         new PolicyInterceptor(policy));
 * access.approve("alice", "recommend", requestId, true, "checked copy");
 * AuditVerification v = access.verifyAuditLog("alice", logDir, publicKey);
 * access.grant("ops", "bob", "reviewer");            // needs MANAGE_ACCESS, audited as "access-change"
 * }</pre>
 *
 * <p>The builder is the operator's configuration and is not checked. After {@link Builder#build()} roles and grants
 * change only through {@link #defineRole}, {@link #grant} and {@link #revoke}, which need
 * {@link Permission#MANAGE_ACCESS}, never hand out or take away a permission the acting principal does not hold
 * itself, and are written to the audit log. The built-in roles ({@link Role#GENERATOR}, {@link Role#REVIEWER},
 * {@link Role#AUDITOR}, {@link Role#ADMIN}) cannot be redefined, and no role can be redefined once it exists, so a
 * grant never changes meaning after it was made.
 *
 * <p>Thread-safe: checks read an immutable snapshot; changes replace it atomically.
 */
public final class AccessControl {

    /** The audit record type of a denied attempt. */
    public static final String DENIED_RECORD = "access-denied";
    /** The audit record type of an approval decision. */
    public static final String APPROVAL_RECORD = "approval";
    /** The audit record type of a change of roles or grants after {@link Builder#build()}. */
    public static final String CHANGE_RECORD = "access-change";

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    private static final Map<String, Role> BUILT_IN = builtIn();

    private volatile Snapshot state;
    private final AuditLog auditLog;

    /** Roles and grants at one moment; never changed, replaced as a whole. */
    private record Snapshot(Map<String, Role> roles, Map<String, List<Role>> grants, List<Role> anonymous) {

        static Snapshot of(Map<String, Role> roles, Map<String, Set<String>> grantNames, Set<String> anonymousNames) {
            Map<String, List<Role>> g = new LinkedHashMap<>();
            grantNames.forEach((p, names) -> g.put(p, resolve(roles, names)));
            return new Snapshot(Collections.unmodifiableMap(new LinkedHashMap<>(roles)),
                    Collections.unmodifiableMap(g), resolve(roles, anonymousNames));
        }

        private static List<Role> resolve(Map<String, Role> roles, Set<String> names) {
            List<Role> out = new ArrayList<>(names.size());
            for (String n : names) {
                out.add(roles.get(n));
            }
            return List.copyOf(out);
        }

        Map<String, Set<String>> grantNames() {
            Map<String, Set<String>> out = new LinkedHashMap<>();
            grants.forEach((p, rs) -> {
                Set<String> names = new LinkedHashSet<>();
                rs.forEach(r -> names.add(r.name()));
                out.put(p, names);
            });
            return out;
        }

        Set<String> anonymousNames() {
            Set<String> out = new LinkedHashSet<>();
            anonymous.forEach(r -> out.add(r.name()));
            return out;
        }
    }

    private AccessControl(Builder b) {
        this.state = Snapshot.of(b.roles, b.grants, b.anonymous);
        this.auditLog = b.auditLog;
    }

    private static Map<String, Role> builtIn() {
        Map<String, Role> m = new LinkedHashMap<>();
        for (Role r : List.of(Role.GENERATOR, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)) {
            m.put(r.name(), r);
        }
        return Collections.unmodifiableMap(m);
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
        Snapshot s = state;
        if (principal == null) {
            return s.anonymous();
        }
        return s.grants().getOrDefault(principal, List.of());
    }

    /** @return the roles this access control knows, by name (unmodifiable) */
    public Map<String, Role> knownRoles() {
        return state.roles();
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
            for (Path f : AuditLog.logFiles(directory)) {
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

    /**
     * Defines a new role on behalf of {@code actor}.
     *
     * @param actor who makes the change; needs {@link Permission#MANAGE_ACCESS}
     * @param role the role; its name must not be taken (built-in roles are immutable, and a defined role is never
     *     redefined, so that existing grants keep their meaning)
     * @throws AccessDeniedException when the actor lacks MANAGE_ACCESS
     * @throws IllegalArgumentException when the name is taken
     */
    public synchronized void defineRole(String actor, Role role) {
        Objects.requireNonNull(role, "role == null");
        check(actor, Permission.MANAGE_ACCESS, "role " + role.name());
        Snapshot s = state;
        requireNewRole(s.roles(), role);
        Map<String, Role> roles = new LinkedHashMap<>(s.roles());
        roles.put(role.name(), role);
        state = Snapshot.of(roles, s.grantNames(), s.anonymousNames());
        Map<String, Object> data = change(actor, "define-role");
        data.put("role", role.name());
        data.put("permissions", role.permissions().stream().map(Enum::name).sorted().toList());
        data.put("modules", List.copyOf(role.modules()));
        record(CHANGE_RECORD, data);
    }

    /**
     * Grants roles to a principal on behalf of {@code actor}.
     *
     * @param actor who makes the change; needs {@link Permission#MANAGE_ACCESS} and must itself hold every
     *     permission of the roles it grants (for every module they cover)
     * @param principal the principal that receives the roles, not blank
     * @param roleNames known roles
     * @throws AccessDeniedException when the actor lacks MANAGE_ACCESS or a permission it tries to hand out
     * @throws IllegalArgumentException when a role is unknown
     */
    public synchronized void grant(String actor, String principal, String... roleNames) {
        changeGrants(actor, principal, true, roleNames);
    }

    /**
     * Takes roles away from a principal on behalf of {@code actor}; roles the principal does not have are ignored.
     *
     * @param actor who makes the change; needs {@link Permission#MANAGE_ACCESS} and must itself hold every
     *     permission of the roles it revokes
     * @param principal the principal
     * @param roleNames known roles
     * @throws AccessDeniedException when the actor lacks MANAGE_ACCESS or a permission of a revoked role
     * @throws IllegalArgumentException when a role is unknown
     */
    public synchronized void revoke(String actor, String principal, String... roleNames) {
        changeGrants(actor, principal, false, roleNames);
    }

    private void changeGrants(String actor, String principal, boolean add, String... roleNames) {
        requirePrincipal(principal);
        Objects.requireNonNull(roleNames, "roleNames == null");
        check(actor, Permission.MANAGE_ACCESS, "principal " + principal);
        Snapshot s = state;
        List<String> names = Builder.known(s.roles(), roleNames);
        for (String n : names) {
            requireHeld(actor, s.roles().get(n), add ? "grant" : "revoke");
        }
        Map<String, Set<String>> grants = s.grantNames();
        Set<String> held = grants.computeIfAbsent(principal, p -> new LinkedHashSet<>());
        if (add) {
            held.addAll(names);
        } else {
            held.removeAll(names);
            if (held.isEmpty()) {
                grants.remove(principal);
            }
        }
        state = Snapshot.of(s.roles(), grants, s.anonymousNames());
        Map<String, Object> data = change(actor, add ? "grant" : "revoke");
        data.put("target", principal);
        data.put("roles", names);
        record(CHANGE_RECORD, data);
    }

    /** Refuses to hand out (or take away) what the actor could not do itself: no escalation through management. */
    private void requireHeld(String actor, Role role, String action) {
        for (Permission p : EnumSet.copyOf(role.permissions())) {
            boolean scoped = p == Permission.GENERATE || p == Permission.APPROVE;
            if (!scoped || role.modules().isEmpty()) {
                if (!allows(actor, p, null)) {
                    throw deny(actor, p, action + " of role " + role.name());
                }
            } else {
                for (String m : role.modules()) {
                    if (!allows(actor, p, m)) {
                        throw deny(actor, p, action + " of role " + role.name() + " (module " + m + ")");
                    }
                }
            }
        }
    }

    private static Map<String, Object> change(String actor, String action) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("principal", actor == null ? "" : actor);
        data.put("action", action);
        return data;
    }

    /** Writes a management record to the audit log, or at INFO when there is none. */
    void record(String type, Map<String, Object> data) {
        if (auditLog != null) {
            auditLog.append(type, data);
        } else {
            LOG.info("{}: {}", type, data);
        }
    }

    private static void requireNewRole(Map<String, Role> roles, Role role) {
        if (BUILT_IN.containsKey(role.name())) {
            throw new IllegalArgumentException("role '" + role.name() + "' is built in and cannot be redefined;"
                    + " define a role with another name (built-in roles: " + BUILT_IN.keySet() + ")");
        }
        if (roles.containsKey(role.name())) {
            throw new IllegalArgumentException("role '" + role.name() + "' is already defined and cannot be"
                    + " redefined; define a role with another name");
        }
    }

    private static void requirePrincipal(String principal) {
        Objects.requireNonNull(principal, "principal == null");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("principal must not be blank");
        }
    }

    @Override
    public String toString() {
        Snapshot s = state;
        return "AccessControl[roles=" + s.roles().keySet() + ", principals=" + s.grants().size() + "]";
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
        private final Map<String, Role> roles = new LinkedHashMap<>(BUILT_IN);
        private final Map<String, Set<String>> grants = new LinkedHashMap<>();
        private final Set<String> anonymous = new LinkedHashSet<>();
        private AuditLog auditLog;

        Builder() {
        }

        /**
         * @param role a role to define; its name must not be a built-in role's or one defined before
         * @return this builder
         * @throws IllegalArgumentException when the name is taken
         */
        public Builder role(Role role) {
            Objects.requireNonNull(role, "role == null");
            requireNewRole(roles, role);
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
            requirePrincipal(principal);
            Objects.requireNonNull(roleNames, "roleNames == null");
            grants.computeIfAbsent(principal, p -> new LinkedHashSet<>()).addAll(known(roles, roleNames));
            return this;
        }

        /**
         * @param roleNames roles that requests without a principal get (none by default: anonymous callers are
         *     denied)
         * @return this builder
         */
        public Builder anonymous(String... roleNames) {
            Objects.requireNonNull(roleNames, "roleNames == null");
            anonymous.addAll(known(roles, roleNames));
            return this;
        }

        /**
         * @param log the log that denials, approvals and changes are written to (not closed by the access control)
         * @return this builder
         */
        public Builder auditLog(AuditLog log) {
            this.auditLog = Objects.requireNonNull(log, "log == null");
            return this;
        }

        /**
         * Adds the roles and grants of a JSON file (format in the class Javadoc). Reading is strict: unknown
         * fields, duplicate keys and values of the wrong type are errors naming the field, such as
         * {@code roles["copywriter"].modules must be a list of module names ..., was a string "imagegen"}.
         *
         * @param file the file
         * @return this builder
         * @throws RetailGenException when the file cannot be read or is not JSON
         * @throws IllegalArgumentException when a field is unknown or mistyped, a role or permission unknown, or a
         *     role redefined
         */
        public Builder load(Path file) {
            Objects.requireNonNull(file, "file == null");
            AccessFile.load(file, this);
            return this;
        }

        static List<String> known(Map<String, Role> roles, String... names) {
            List<String> out = new ArrayList<>();
            for (String n : names) {
                if (n == null || !roles.containsKey(n)) {
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
