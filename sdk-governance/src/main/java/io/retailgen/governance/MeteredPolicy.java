package io.retailgen.governance;

import io.retailgen.core.metrics.ServingMetrics;
import java.util.Objects;

/**
 * A content policy whose every {@link #check} is timed and counted in {@link ServingMetrics} (module
 * {@code governance}, operation {@code check}, model the given name), including the checks that throw.
 *
 * <pre>{@code
 * ContentPolicy policy = MeteredPolicy.of(ContentPolicy.defaults(), metrics, "default-policy");
 * }</pre>
 *
 * <p>Thread-safe when the wrapped policy is.
 */
public final class MeteredPolicy implements ContentPolicy {

    /** The module tag of policy checks. */
    public static final String MODULE = "governance";

    private final ContentPolicy policy;
    private final ServingMetrics metrics;
    private final String name;

    private MeteredPolicy(ContentPolicy policy, ServingMetrics metrics, String name) {
        this.policy = policy;
        this.metrics = metrics;
        this.name = name;
    }

    /**
     * @param policy the policy
     * @param metrics where to record
     * @param name the policy's name for the {@code model} tag
     * @return the metered policy
     */
    public static ContentPolicy of(ContentPolicy policy, ServingMetrics metrics, String name) {
        return new MeteredPolicy(Objects.requireNonNull(policy, "policy == null"),
                Objects.requireNonNull(metrics, "metrics == null"), Objects.requireNonNull(name, "name == null"));
    }

    @Override
    public PolicyResult check(String text) {
        long t0 = System.nanoTime();
        PolicyResult r;
        try {
            r = policy.check(text);
        } catch (RuntimeException e) {
            metrics.error(MODULE, "check", name, e);
            throw e;
        }
        metrics.record(MODULE, "check", name, null, r.verdict(), System.nanoTime() - t0);
        return r;
    }

    @Override
    public String toString() {
        return "MeteredPolicy[" + name + ", " + policy + "]";
    }
}
