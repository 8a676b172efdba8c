package io.retailgen.recommend;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passes one recommendation list through an {@link InterceptorChain} as one {@link GenerationRequest} of module
 * {@value #MODULE}: the text is one line per item, {@code <itemId>: <explanation>}. A BLOCK or REVIEW verdict becomes
 * a {@link RetailGenException} naming the rules; rewritten lines replace the explanations. Stateless and thread-safe.
 */
final class RecommendationFilter {

    static final String MODULE = "recommend";
    private static final String SEPARATOR = ": ";

    private final InterceptorChain chain;

    RecommendationFilter(InterceptorChain chain) {
        this.chain = chain;
    }

    /**
     * @param operation the public call, such as {@code recommend}
     * @param list the list as ranked
     * @param model the model that ranked it
     * @param k the list length asked for
     * @param context the request's context
     * @param sessionId the session, or null
     * @param startNanos {@link System#nanoTime()} when the public call began
     * @return the list as the interceptors left it
     */
    List<Recommendation> apply(String operation, List<Recommendation> list, RecommendModel model, int k,
            EventContext context, String sessionId, long startNanos) {
        String text = render(list);
        GenerationRequest.Builder b = GenerationRequest.builder().module(MODULE).operation(operation).text(text)
                .model(model.name(), model.version()).attribute("k", Integer.toString(k))
                .attribute("items", Integer.toString(list.size()))
                .attribute(GenerationRequest.ELAPSED_NANOS, Long.toString(System.nanoTime() - startNanos));
        if (sessionId != null) {
            b.attribute("sessionId", sessionId);
        }
        if (!context.deviceType().isEmpty()) {
            b.attribute("deviceType", context.deviceType());
        }
        if (context.hourOfDay() >= 0) {
            b.attribute("hourOfDay", Integer.toString(context.hourOfDay()));
        }
        if (!context.locale().isEmpty()) {
            b.attribute("locale", context.locale());
        }
        GenerationResponse r = chain.execute(b.build(), q -> GenerationResponse.allow(q.text()));
        if (r.verdict() == Verdict.BLOCK || r.verdict() == Verdict.REVIEW || r.text() == null) {
            throw new RetailGenException(ErrorCode.GENERATION_BLOCKED, "recommendation list (" + operation + ", model "
                    + model.name() + "@" + model.version() + ") " + (r.verdict() == Verdict.REVIEW ? "held for review"
                    : "blocked") + " by rule(s) " + rules(r.findings()));
        }
        return r.text().equals(text) ? list : rewrite(list, r.text(), operation);
    }

    static String render(List<Recommendation> list) {
        return list.stream().map(r -> r.itemId() + SEPARATOR + r.explanation()).collect(Collectors.joining("\n"));
    }

    private static List<Recommendation> rewrite(List<Recommendation> list, String text, String operation) {
        String[] lines = list.isEmpty() ? new String[0] : text.split("\n", -1);
        if (lines.length != list.size()) {
            throw new RetailGenException(ErrorCode.GENERATION_BLOCKED, "an interceptor rewrote the " + operation
                    + " list into " + lines.length + " lines for " + list.size() + " items; each item needs its"
                    + " own line '<itemId>: <explanation>'");
        }
        List<Recommendation> out = new ArrayList<>(list.size());
        for (int i = 0; i < lines.length; i++) {
            Recommendation r = list.get(i);
            int at = lines[i].indexOf(SEPARATOR);
            String explanation = at < 0 ? lines[i] : lines[i].substring(at + SEPARATOR.length());
            out.add(new Recommendation(r.itemId(), r.score(), r.signal(), explanation, r.modelVersion()));
        }
        return List.copyOf(out);
    }

    private static String rules(List<Finding> findings) {
        Set<String> ids = new LinkedHashSet<>();
        findings.forEach(f -> ids.add(f.ruleId()));
        return ids.isEmpty() ? "(none named)" : String.join(", ", ids);
    }
}
