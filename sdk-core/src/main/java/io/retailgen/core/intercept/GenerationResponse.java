package io.retailgen.core.intercept;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of running a {@link GenerationRequest} through the interceptors: the text as it may be shown (possibly
 * rewritten), the decision, and what was found.
 *
 * <pre>{@code
 * GenerationResponse ok = GenerationResponse.allow(request.text());
 * GenerationResponse blocked = GenerationResponse.block(List.of(
 *         Finding.whole("brand.competitor", "brand", Severity.HIGH, "names a competitor")));
 * }</pre>
 *
 * @param text the output text as it may be shown, or null (no text, or blocked)
 * @param verdict the decision
 * @param findings what interceptors found (an unmodifiable copy)
 * @param attributes free-form string attributes added by interceptors (an unmodifiable copy)
 */
public record GenerationResponse(String text, Verdict verdict, List<Finding> findings, Map<String, String> attributes) {

    /** Validates and copies. */
    public GenerationResponse {
        Objects.requireNonNull(verdict, "verdict == null");
        findings = findings == null ? List.of() : List.copyOf(findings);
        attributes = GenerationRequest.copyAttributes(attributes);
    }

    /**
     * @param text the text to show, or null
     * @return an ALLOW response without findings
     */
    public static GenerationResponse allow(String text) {
        return new GenerationResponse(text, Verdict.ALLOW, List.of(), Map.of());
    }

    /**
     * @param redactedText the rewritten text
     * @param findings what was redacted
     * @return a REDACT response
     */
    public static GenerationResponse redact(String redactedText, List<Finding> findings) {
        return new GenerationResponse(redactedText, Verdict.REDACT, findings, Map.of());
    }

    /**
     * @param findings why the output is blocked
     * @return a BLOCK response with no text
     */
    public static GenerationResponse block(List<Finding> findings) {
        return new GenerationResponse(null, Verdict.BLOCK, findings, Map.of());
    }

    /** @return true when the verdict is {@link Verdict#BLOCK} */
    public boolean blocked() {
        return verdict == Verdict.BLOCK;
    }

    /**
     * @param name attribute name
     * @param value attribute value
     * @return a copy of this response with the attribute added or replaced
     */
    public GenerationResponse withAttribute(String name, String value) {
        Objects.requireNonNull(name, "attribute name == null");
        Objects.requireNonNull(value, () -> "attribute '" + name + "' has a null value");
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(name, value);
        return new GenerationResponse(text, verdict, findings, copy);
    }
}
