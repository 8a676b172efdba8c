/**
 * The tamper-evident audit log: append-only JSON Lines files chained by SHA-256 and checkpointed with Ed25519
 * signatures, with verification and signed receipts. Write with {@link io.retailgen.governance.audit.AuditLog} (or
 * on every generation request through {@link io.retailgen.governance.audit.AuditInterceptor}), keep its keys with
 * {@link io.retailgen.governance.audit.AuditKeys}, check a log directory with
 * {@link io.retailgen.governance.audit.AuditLog#verify} and
 * {@link io.retailgen.governance.audit.AuditVerifyOptions}, and detect a log cut back or re-signed with
 * {@link io.retailgen.governance.audit.AuditAnchor}. The file scan and the single-writer lock are package-private.
 */
package io.retailgen.governance.audit;
