package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a {@link ContentPolicy} to the generated text of every request in an
 * {@link io.retailgen.core.intercept.InterceptorChain}: a {@code BLOCK} verdict short-circuits the chain, a
 * {@code REDACT} verdict passes the redacted text on, and the response carries the policy's findings and the
 * strictest verdict. Requests without text pass through unchanged.
 *
 * <pre>{@code
 * InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log), new PolicyInterceptor(policy));
 * GenerationResponse r = chain.execute(request, req -> GenerationResponse.allow(req.text()));
 * }</pre>
 *
 * <p>Thread-safe when the policy is (the built-in ones are).
 */
public final class PolicyInterceptor implements Interceptor {

    private final ContentPolicy policy;

    /**
     * @param policy the policy to apply
     */
    public PolicyInterceptor(ContentPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy == null");
    }

    @Override
    public GenerationResponse intercept(Chain chain) {
        GenerationRequest request = chain.request();
        if (request.text() == null) {
            return chain.proceed(request);
        }
        PolicyResult result = policy.check(request.text());
        if (result.verdict() == Verdict.BLOCK) {
            return GenerationResponse.block(result.findings()).withAttribute("policy.verdict", "BLOCK");
        }
        if (result.verdict() == Verdict.REVIEW) {
            return new GenerationResponse(null, Verdict.REVIEW, result.findings(), Map.of())
                    .withAttribute("policy.verdict", "REVIEW");
        }
        GenerationRequest next = result.verdict() == Verdict.REDACT ? request.withText(result.redactedText())
                : request;
        GenerationResponse response = chain.proceed(next);
        if (result.findings().isEmpty()) {
            return response;
        }
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.addAll(response.findings());
        Verdict verdict = response.verdict().strictest(result.verdict());
        boolean withheld = verdict == Verdict.BLOCK || verdict == Verdict.REVIEW;
        return new GenerationResponse(withheld ? null : response.text(), verdict, findings,
                response.attributes()).withAttribute("policy.verdict", result.verdict().name());
    }

    @Override
    public String toString() {
        return "PolicyInterceptor[" + policy + "]";
    }
}
