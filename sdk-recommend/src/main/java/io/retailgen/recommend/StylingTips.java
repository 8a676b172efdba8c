package io.retailgen.recommend;

import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Optional templated styling-tip text for a recommended item, passed through sdk-core interceptors (content policy,
 * audit) before it is shown. The template may use {@code {name}}, {@code {category}}, {@code {item}} and
 * {@code {reason}} (the item's explanation).
 *
 * <pre>{@code
 * StylingTips tips = StylingTips.of("Pairs well with your {category} picks: try {name}.",
 *         InterceptorChain.of(contentPolicyInterceptor));
 * Optional<String> tip = tips.tipFor(recommendation, catalog);   // empty when an interceptor blocks it
 * }</pre>
 *
 * <p>Immutable and thread-safe when its interceptors are.
 */
public final class StylingTips {

    /** The module name on the generation requests. */
    public static final String MODULE = "recommend";
    /** The operation name on the generation requests. */
    public static final String OPERATION = "styling-tip";

    private final String template;
    private final InterceptorChain chain;
    private final Locale locale;

    private StylingTips(String template, InterceptorChain chain, Locale locale) {
        this.template = template;
        this.chain = chain;
        this.locale = locale;
    }

    /**
     * @param template the tip template, non-blank
     * @param chain the interceptors every tip passes through
     * @return the tips
     * @throws IllegalArgumentException when the template is blank
     */
    public static StylingTips of(String template, InterceptorChain chain) {
        return of(template, chain, Locale.ROOT);
    }

    /**
     * @param template the tip template, non-blank
     * @param chain the interceptors every tip passes through
     * @param locale the locale the tips are written for
     * @return the tips
     * @throws IllegalArgumentException when the template is blank
     */
    public static StylingTips of(String template, InterceptorChain chain, Locale locale) {
        Objects.requireNonNull(template, "template == null");
        if (template.isBlank()) {
            throw new IllegalArgumentException("template must not be blank");
        }
        return new StylingTips(template, Objects.requireNonNull(chain, "chain == null"),
                Objects.requireNonNull(locale, "locale == null"));
    }

    /**
     * Fills the template for one recommended item and runs it through the interceptors.
     *
     * @param r the recommended item
     * @param catalog the catalog (for the name and category; may lack the item)
     * @return the tip as the interceptors left it (possibly redacted), or empty when one blocked it
     */
    public Optional<String> tipFor(Recommendation r, Catalog catalog) {
        Objects.requireNonNull(r, "recommendation == null");
        Objects.requireNonNull(catalog, "catalog == null");
        Optional<CatalogItem> item = catalog.item(r.itemId());
        String name = item.map(CatalogItem::displayName).orElse(r.itemId());
        String category = item.map(CatalogItem::category).filter(c -> !c.isEmpty()).orElse("favourite");
        String text = template.replace("{name}", name).replace("{category}", category).replace("{item}", r.itemId())
                .replace("{reason}", r.explanation());
        GenerationRequest req = GenerationRequest.builder().module(MODULE).operation(OPERATION).text(text)
                .locale(locale).attribute("item", r.itemId()).attribute("signal", r.signal().name())
                .model("recommend", r.modelVersion()).build();
        GenerationResponse resp = chain.execute(req, q -> GenerationResponse.allow(q.text()));
        return resp.blocked() || resp.text() == null ? Optional.empty() : Optional.of(resp.text());
    }
}
