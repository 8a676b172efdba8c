package io.retailgen.governance.audit;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one {@value #RECORD_TYPE} record to an {@link AuditLog} for every request that passes through the chain:
 * request id, module, operation, principal, model, the verdict and the findings (rule, category, severity, span),
 * plus the text as finally shown (PII-redacted by the log; the principal is an identity field, stored as given or
 * as the operator's keyed hash, never redacted: see {@link AuditLog.Builder#identityFields(String...)}). A request
 * whose generation throws is recorded with verdict {@code ERROR} and the exception class, then the exception
 * propagates. Place it outermost so that it sees the final verdict.
 *
 * <pre>{@code
 * InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log), new PolicyInterceptor(policy));
 * }</pre>
 *
 * <p>Thread-safe: the log serializes appends.
 */
public final class AuditInterceptor implements Interceptor {

    /** The record type written for each generation. */
    public static final String RECORD_TYPE = "generation";

    private final AuditLog log;
    private final boolean includeText;

    /**
     * @param log the log to append to (not closed by this interceptor)
     * @param includeText whether to record the shown text (after PII redaction)
     */
    public AuditInterceptor(AuditLog log, boolean includeText) {
        this.log = Objects.requireNonNull(log, "log == null");
        this.includeText = includeText;
    }

    /**
     * @param log the log to append to; the shown text is recorded
     */
    public AuditInterceptor(AuditLog log) {
        this(log, true);
    }

    @Override
    public GenerationResponse intercept(Chain chain) {
        GenerationRequest request = chain.request();
        GenerationResponse response;
        try {
            response = chain.proceed(request);
        } catch (RuntimeException e) {
            Map<String, Object> data = base(request);
            data.put("verdict", "ERROR");
            data.put("error", e.getClass().getName());
            log.append(RECORD_TYPE, data);
            throw e;
        }
        Map<String, Object> data = base(request);
        data.put("verdict", response.verdict().name());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : response.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("category", f.category());
            m.put("severity", f.severity().name());
            m.put("start", f.start());
            m.put("end", f.end());
            findings.add(m);
        }
        data.put("findings", findings);
        if (includeText && response.text() != null) {
            data.put("text", response.text());
        }
        log.append(RECORD_TYPE, data);
        return response;
    }

    private static Map<String, Object> base(GenerationRequest r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", r.requestId());
        data.put("module", r.module());
        data.put("operation", r.operation());
        if (r.principal() != null) {
            data.put("principal", r.principal());
        }
        if (r.modelName() != null) {
            data.put("model", r.modelName() + (r.modelVersion() == null ? "" : ":" + r.modelVersion()));
        }
        return data;
    }
}
