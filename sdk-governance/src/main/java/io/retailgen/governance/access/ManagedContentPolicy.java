package io.retailgen.governance.access;

import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A content policy that can be replaced while the application runs, only by a principal holding
 * {@link Permission#MANAGE_POLICY}. Each replacement is written to the access control's audit log as a
 * {@value #CHANGE_RECORD} record (who, why, the old and the new policy); a refused one as an
 * {@value AccessControl#DENIED_RECORD} record. Checks always run against one whole policy: the old one or the new
 * one, never a mix.
 *
 * <pre>{@code
 * ManagedContentPolicy policy = new ManagedContentPolicy(ContentPolicy.defaults(), access);
 * InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log), new PolicyInterceptor(policy));
 * policy.replace("ops", ContentPolicy.fromJson(Path.of("policy-v2.json")), "stricter claims");
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ManagedContentPolicy implements ContentPolicy {

    /** The audit record type of a policy replacement. */
    public static final String CHANGE_RECORD = "policy-change";
    /** The resource named in denials of {@link #replace}. */
    public static final String RESOURCE = "content-policy";

    private final AccessControl access;
    private volatile ContentPolicy current;

    /**
     * @param initial the policy in force at first
     * @param access who may replace it
     */
    public ManagedContentPolicy(ContentPolicy initial, AccessControl access) {
        this.current = Objects.requireNonNull(initial, "initial == null");
        this.access = Objects.requireNonNull(access, "access == null");
    }

    @Override
    public PolicyResult check(String text) {
        return current.check(text);
    }

    /** @return the policy in force now */
    public ContentPolicy current() {
        return current;
    }

    /**
     * Replaces the policy on behalf of {@code actor}.
     *
     * @param actor who makes the change; needs {@link Permission#MANAGE_POLICY}
     * @param next the new policy
     * @param reason why, for the audit log (may be empty)
     * @throws AccessDeniedException when the actor lacks MANAGE_POLICY (the policy is unchanged)
     */
    public synchronized void replace(String actor, ContentPolicy next, String reason) {
        Objects.requireNonNull(next, "next == null");
        Objects.requireNonNull(reason, "reason == null");
        if (next == this) {
            throw new IllegalArgumentException("a managed policy cannot be replaced by itself");
        }
        access.check(actor, Permission.MANAGE_POLICY, RESOURCE);
        ContentPolicy old = current;
        current = next;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("principal", actor);
        data.put("action", "replace");
        data.put("reason", reason);
        data.put("from", old.toString());
        data.put("to", next.toString());
        access.record(CHANGE_RECORD, data);
    }

    @Override
    public String toString() {
        return "ManagedContentPolicy[" + current + "]";
    }
}
