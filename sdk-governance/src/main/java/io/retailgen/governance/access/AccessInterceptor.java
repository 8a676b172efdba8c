package io.retailgen.governance.access;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.Severity;
import io.retailgen.governance.audit.AuditInterceptor;
import java.util.List;
import java.util.Objects;

/**
 * Checks {@link Permission#GENERATE} for the request's {@link GenerationRequest#principal()} and module before the
 * generation runs. A denied request is not generated: the interceptor returns a {@code BLOCK} response with the
 * finding {@code access.denied} and the attribute {@code access.denied=true}, and the denial is written to the
 * access control's audit log. Place it inside the {@link AuditInterceptor} (which then also records the blocked
 * request) and before the generation-cost interceptors:
 *
 * <pre>{@code
 * InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log), new AccessInterceptor(access),
 *         new PolicyInterceptor(policy));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AccessInterceptor implements Interceptor {

    private final AccessControl access;

    /**
     * @param access the roles and grants to check against
     */
    public AccessInterceptor(AccessControl access) {
        this.access = Objects.requireNonNull(access, "access == null");
    }

    @Override
    public GenerationResponse intercept(Chain chain) {
        GenerationRequest request = chain.request();
        if (!access.allows(request.principal(), Permission.GENERATE, request.module())) {
            AccessDeniedException denied = access.deny(request.principal(), Permission.GENERATE, request.module());
            return GenerationResponse.block(List.of(Finding.whole("access.denied", "access", Severity.HIGH,
                    denied.getMessage()))).withAttribute("access.denied", "true");
        }
        return chain.proceed(request);
    }

    @Override
    public String toString() {
        return "AccessInterceptor[" + access + "]";
    }
}
