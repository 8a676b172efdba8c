package io.retailgen.governance.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named set of {@link Permission}s, optionally limited to some SDK modules. The standard roles are
 * {@link #GENERATOR}, {@link #REVIEWER}, {@link #AUDITOR} and {@link #ADMIN}; applications may define their own.
 *
 * <pre>{@code
 * Role imageWriter = new Role("image-writer", Set.of(Permission.GENERATE), Set.of("imagegen"));
 * imageWriter.allows(Permission.GENERATE, "imagegen");  // true
 * imageWriter.allows(Permission.GENERATE, "recommend"); // false
 * }</pre>
 *
 * @param name the role name: letters, digits, {@code - _ .}, not blank
 * @param permissions what the role allows (an unmodifiable copy), not empty
 * @param modules the modules to which {@link Permission#GENERATE} and {@link Permission#APPROVE} are limited (an
 *     unmodifiable sorted copy); empty means every module. Other permissions are not module-scoped.
 */
public record Role(String name, Set<Permission> permissions, Set<String> modules) {

    /** May generate in every module. */
    public static final Role GENERATOR = new Role("generator", Set.of(Permission.GENERATE), Set.of());
    /** May approve outputs of every module. */
    public static final Role REVIEWER = new Role("reviewer", Set.of(Permission.APPROVE), Set.of());
    /** May read and verify the audit log. */
    public static final Role AUDITOR = new Role("auditor",
            Set.of(Permission.READ_AUDIT_LOG, Permission.VERIFY_AUDIT_LOG), Set.of());
    /** May do everything. */
    public static final Role ADMIN = new Role("admin", EnumSet.allOf(Permission.class), Set.of());

    /** Validates and copies. */
    public Role {
        Objects.requireNonNull(name, "name == null");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("role name '" + name
                    + "' must be non-empty and use only letters, digits, '.', '_' and '-'");
        }
        Objects.requireNonNull(permissions, "permissions == null");
        if (permissions.isEmpty()) {
            throw new IllegalArgumentException("role '" + name + "' needs at least one permission");
        }
        permissions = Set.copyOf(EnumSet.copyOf(permissions));
        Objects.requireNonNull(modules, "modules == null");
        for (String m : modules) {
            if (m == null || m.isBlank()) {
                throw new IllegalArgumentException("role '" + name + "' lists a blank or null module: " + modules);
            }
        }
        modules = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(modules));
    }

    /**
     * @param name the role name
     * @param permissions what it allows, in every module
     * @return the role
     */
    public static Role of(String name, Permission... permissions) {
        Objects.requireNonNull(permissions, "permissions == null");
        return new Role(name, Set.of(permissions), Set.of());
    }

    /**
     * @param permission a permission
     * @param module the module the action concerns, or null when none
     * @return true when this role grants the permission for that module
     */
    public boolean allows(Permission permission, String module) {
        if (!permissions.contains(permission)) {
            return false;
        }
        boolean scoped = permission == Permission.GENERATE || permission == Permission.APPROVE;
        return !scoped || modules.isEmpty() || (module != null && modules.contains(module));
    }
}
