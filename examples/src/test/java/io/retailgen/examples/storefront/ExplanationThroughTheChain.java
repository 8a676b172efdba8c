package io.retailgen.examples.storefront;

import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.recommend.Recommendation;

/**
 * The snippet of docs/integration-guide.md, section 2, that sends a recommendation's explanation through the
 * interceptor chain (beside {@link ShopService}, which does the same in the storefront).
 */
final class ExplanationThroughTheChain {

    private ExplanationThroughTheChain() {
    }

    static String shownReason(InterceptorChain generationChain, Recommendation rec, String sessionId) {
        // tag::explanation[]
        GenerationResponse r = generationChain.execute(GenerationRequest.builder()
                .module("recommend").operation("explanation").text(rec.explanation())
                .model("storefront-recs", rec.modelVersion()).principal(pseudonymOf(sessionId)).build(),
                req -> GenerationResponse.allow(req.text()));
        String reason = r.blocked() ? "Recommended for you" : r.text();
        // end::explanation[]
        return reason;
    }

    /** The storefront's pseudonym of a session id, so the raw id never reaches the audit log. */
    static String pseudonymOf(String sessionId) {
        return ShopService.digest(sessionId);
    }
}
