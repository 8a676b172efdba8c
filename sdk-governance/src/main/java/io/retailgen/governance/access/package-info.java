/**
 * Role-based access control for generation, approval, audit-log access and policy management, with every change
 * and every denial written to the audit log. {@link io.retailgen.governance.access.AccessControl} grants
 * {@link io.retailgen.governance.access.Role}s made of {@link io.retailgen.governance.access.Permission}s to
 * principals and checks them (throwing {@link io.retailgen.governance.access.AccessDeniedException});
 * {@link io.retailgen.governance.access.AccessInterceptor} checks every generation request and
 * {@link io.retailgen.governance.access.ManagedContentPolicy} is a content policy that only a permitted principal
 * can replace. The grants file format is package-private.
 */
package io.retailgen.governance.access;
