package io.retailgen.governance.access;

/**
 * What a principal may do, granted through {@link Role}s and checked by {@link AccessControl}.
 *
 * <pre>{@code
 * Role copywriter = new Role("copywriter", Set.of(Permission.GENERATE), Set.of("imagegen"));
 * }</pre>
 */
public enum Permission {
    /** Run a generation (checked by {@link AccessInterceptor} before the chain proceeds). */
    GENERATE,
    /** Approve or reject a generated output for publication ({@link AccessControl#approve}). */
    APPROVE,
    /** Read audit-log records ({@link AccessControl#readAuditLog}). */
    READ_AUDIT_LOG,
    /** Verify the audit log's hash chain and signatures ({@link AccessControl#verifyAuditLog}). */
    VERIFY_AUDIT_LOG,
    /** Change content policies. */
    MANAGE_POLICY,
    /** Change roles and grants. */
    MANAGE_ACCESS
}
