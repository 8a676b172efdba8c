package io.retailgen.imagegen;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import java.util.List;

/**
 * An interceptor blocked a generated output (images, or a styled asset with its banner): nothing was returned. The
 * message names the rules; {@link #findings()} holds what the interceptors found.
 *
 * <pre>{@code
 * try {
 *     asset = pipeline.render(grey, 28, 28, recipe);
 * } catch (BlockedOutputException e) {
 *     log.info("banner refused by {}", e.ruleIds());
 * }
 * }</pre>
 */
public final class BlockedOutputException extends RetailGenException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;
    private final String operation;

    BlockedOutputException(String operation, List<Finding> findings) {
        super(ErrorCode.GENERATION_BLOCKED, "imagegen " + operation + " blocked by "
                + (findings.isEmpty() ? "an interceptor (no finding given)" : "rule(s) " + ruleIds(findings)));
        this.operation = operation;
        this.findings = List.copyOf(findings);
    }

    /** @return the blocked operation, such as {@code render} or {@code generate} */
    public String operation() {
        return operation;
    }

    /** @return what the interceptors found (may be empty when an interceptor blocked without a finding) */
    public List<Finding> findings() {
        return findings == null ? List.of() : findings;
    }

    /** @return the distinct rule ids of the findings, in order */
    public List<String> ruleIds() {
        return ruleIds(findings());
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).distinct().toList();
    }
}
