package io.retailgen.governance.access;

import java.util.Objects;

/**
 * Thrown by {@link AccessControl#check} (and the operations that use it) when a principal lacks a permission. The
 * denial has already been written to the audit log when the access control has one.
 *
 * <pre>{@code
 * try {
 *     access.approve("bob", "recommend", requestId, true, "ok");
 * } catch (AccessDeniedException e) {
 *     e.permission(); // APPROVE
 * }
 * }</pre>
 */
public final class AccessDeniedException extends SecurityException {

    private static final long serialVersionUID = 1L;

    private final String principal;
    private final Permission permission;
    private final String resource;

    /**
     * @param principal the principal that was denied, or null for an anonymous caller
     * @param permission the permission it lacked
     * @param resource what it tried to act on (a module or a path), or null
     * @param message the explanation
     */
    public AccessDeniedException(String principal, Permission permission, String resource, String message) {
        super(message);
        this.principal = principal;
        this.permission = Objects.requireNonNull(permission, "permission == null");
        this.resource = resource;
    }

    /** @return the principal that was denied, or null for an anonymous caller */
    public String principal() {
        return principal;
    }

    /** @return the permission it lacked */
    public Permission permission() {
        return permission;
    }

    /** @return what it tried to act on, or null */
    public String resource() {
        return resource;
    }
}
